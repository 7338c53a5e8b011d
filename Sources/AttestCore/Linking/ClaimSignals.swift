import PCRE2Kit

/// A quantity a statement gives ("six months", "62.5 percent", "$4.5 billion").
public struct Quantity: Sendable, Hashable {
    /// The quantity as written.
    public var text: String
    /// The value in the base unit of its family (days for durations, 1 for percent, ...).
    public var value: Double
    /// What is measured: `duration`, `percent`, `mass`, `money-usd`, ... (from `quantity-values`).
    public var family: String
    /// Whether the quantity was hedged with "about", "roughly", "more than", ...
    public var approximate: Bool
    /// Byte range of the quantity in the text it was read from.
    public var range: Range<Int>

    /// The family of calendar dates ("June 20"): the value is a day of the year, and any difference conflicts.
    public static let dateFamily = "date"

    /// The evidence role of a statement whose quantity conflicts with a claim's: `conflicting-date` or `conflicting-figure`.
    public var conflictRole: String { family == Quantity.dateFamily ? "conflicting-date" : "conflicting-figure" }

    /// Whether two quantities of the same family give different values (beyond rounding; dates must be equal).
    public func conflicts(with other: Quantity) -> Bool {
        guard family == other.family, value > 0, other.value > 0 else { return false }
        if family == Quantity.dateFamily { return value != other.value }
        let tolerance = approximate || other.approximate ? 0.25 : 0.05
        let spread = abs(value - other.value) / max(value, other.value)
        return spread > tolerance
    }
}

/// A name with an office title, as a statement gives it: "President Joe Biden", "former President Biden".
public struct TitleMention: Sendable, Hashable {
    /// The title, folded ("president").
    public var title: String
    /// The last word of the name, folded ("biden").
    public var surname: String
    /// Whether the title is marked as past ("former", "ex-").
    public var former: Bool
    /// The mention as written.
    public var text: String
}

/// The turn a sentence opens in a transcript ("Reporter: …", "Lin Jian: …").
public enum TranscriptTurn: Sendable {
    case none
    /// An interviewer's turn ("Reporter:", "Q:"): what it relays is put to the next speaker.
    case question
    /// Another speaker's turn: an answer to the question before it.
    case answer
}

/// Signals of a statement's whole sentence: office titles and the transcript turn.
public struct SentenceSignals: Sendable {
    public var titles: [TitleMention] = []
    public var turn = TranscriptTurn.none
    /// A denial aimed at an earlier claim anywhere in the sentence ("rejected the mayor's claim"):
    /// the verb, the anaphor and, when named, whose claim it is.
    public var deniedClaim: (verb: String, anaphor: String, owner: String?)? = nil
    public init() {}
}

/// What the `signal` rules found in a statement.
public struct StatementSignals: Sendable {
    /// An anaphoric noun phrase pointing back to an earlier claim ("this statement", "the report").
    public var anaphor: String?
    /// Whose claim is answered, when named ("the president" in "the president's account").
    public var owner: String?
    /// Denial words in what was said ("there is no arrangement", "false").
    public var deny = false
    /// Non-confirmation in what was said ("could not confirm").
    public var notConfirm = false
    /// Confirmation words in what was said.
    public var confirm = false
    /// Hedged or anonymous sourcing in what was said ("reportedly", "sources say").
    public var hedge = false
    /// A non-answer that points back to an earlier answer or elsewhere ("I have stated our position").
    public var deflect = false
    /// Quantities (and calendar dates, family `date`), in order.
    public var quantities: [Quantity] = []
    /// Office titles before a name ("former President Joe Biden"), for conflicting titles.
    public var titles: [TitleMention] = []
    /// IDs of the signal rules that fired.
    public var rules: [String] = []

    public init() {}
}

/// Runs the `signal` rules (rules/claims.yml) over statement text and reads quantities with the
/// values of `lexicons/quantity-values.txt`.
public struct SignalReader: Sendable {
    let rules: [Rule]
    let numbers: [String: Double]
    let scales: [String: Double]
    let units: [String: (family: String, factor: Double)]
    let approximate: Set<String>

    /// Reads the signal rules and quantity values of a rule set.
    public init(rules ruleSet: RuleSet) {
        rules = ruleSet.rules(.signal).sorted { $0.priority != $1.priority ? $0.priority > $1.priority : $0.order < $1.order }
        var numbers: [String: Double] = [:], scales: [String: Double] = [:]
        var units: [String: (String, Double)] = [:], approx = Set<String>()
        for entry in ruleSet.lexicon("quantity-values") {
            let parts = entry.components(separatedBy: "=")
            guard parts.count == 2 else { continue }
            let key = SignalReader.fold(parts[0])
            let spec = parts[1].split(separator: " ").map(String.init)
            guard let kind = spec.first else { continue }
            switch kind {
            case "number": if spec.count > 1, let v = Double(spec[1]) { numbers[key] = v }
            case "scale": if spec.count > 1, let v = Double(spec[1]) { scales[key] = v }
            case "unit": if spec.count > 2, let v = Double(spec[2]) { units[key] = (spec[1], v) }
            case "approx": approx.insert(key)
            default: continue
            }
        }
        self.numbers = numbers; self.scales = scales; self.units = units; self.approximate = approx
    }

    static func fold(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// Signals in a text, with a fresh match scratch (tests, one-off use).
    public func read(_ text: String) -> StatementSignals { read(text, scratch: MatchScratch()) }

    /// Signals in a statement's content (anaphors only near its start, as the rules say) and quantities.
    public func read(_ text: String, scratch: MatchScratch) -> StatementSignals {
        var out = StatementSignals()
        let subject = UTF8Text(text)
        for rule in rules {
            let matches: [PatternMatch]
            do { matches = try rule.compiled.allMatches(in: subject, scratch: scratch) } catch { continue }
            guard !matches.isEmpty else { continue }
            switch rule.settings["signal"] ?? "" {
            case "anaphor":
                if out.anaphor == nil, let m = matches.first, let r = m.range(named: "anaphor") {
                    out.anaphor = subject[r]
                    out.owner = m.range(named: "owner").map { subject[$0] }
                    out.rules.append(rule.id)
                }
            case "deny": out.deny = true; out.rules.append(rule.id)
            case "not-confirm": out.notConfirm = true; out.rules.append(rule.id)
            case "confirm": out.confirm = true; out.rules.append(rule.id)
            case "hedge": out.hedge = true; out.rules.append(rule.id)
            case "deflect": out.deflect = true; out.rules.append(rule.id)
            case "date", "quantity":
                // Quantities and dates never overlap one found by a higher-priority rule.
                let read = rule.settings["signal"] == "date" ? date : quantity
                var found = false
                for m in matches {
                    guard let q = read(m, subject), !out.quantities.contains(where: { $0.range.overlaps(q.range) }) else { continue }
                    out.quantities.append(q)
                    found = true
                }
                if found { out.rules.append(rule.id) }
            case "title":
                for m in matches {
                    guard let t = title(m, subject), !out.titles.contains(t) else { continue }
                    out.titles.append(t)
                }
                out.rules.append(rule.id)
            default: continue
            }
        }
        if out.notConfirm { out.confirm = false }
        out.quantities.sort { $0.range.lowerBound < $1.range.lowerBound }
        return out
    }

    /// Signals read on a statement's whole sentence rather than its content: office titles before
    /// names (the speaker's own title counts too) and the transcript turn the sentence opens.
    public func sentenceSignals(_ text: String, scratch: MatchScratch) -> SentenceSignals {
        let subject = UTF8Text(text)
        var out = SentenceSignals()
        for rule in rules {
            let kind = rule.settings["signal"] ?? ""
            guard ["title", "question-turn", "answer-turn", "deny-claim"].contains(kind),
                  let matches = try? rule.compiled.allMatches(in: subject, scratch: scratch), !matches.isEmpty else { continue }
            switch kind {
            case "title":
                for m in matches { if let t = title(m, subject), !out.titles.contains(t) { out.titles.append(t) } }
            case "question-turn": if out.turn == .none { out.turn = .question }
            case "deny-claim":
                if out.deniedClaim == nil, let m = matches.first, let r = m.range(named: "anaphor") {
                    let owner = m.range(named: "owner").flatMap { $0.isEmpty ? nil : subject[$0] }
                    out.deniedClaim = (m.range(named: "verb").map { subject[$0] } ?? "denied", subject[r], owner)
                }
            default: if out.turn == .none { out.turn = .answer }
            }
        }
        return out
    }

    /// A calendar date (group `date`) as a quantity of family `date` whose value is the day of the
    /// year (month × 31 + day): the year is often left out in news text, so it is not compared.
    func date(_ m: PatternMatch, _ subject: UTF8Text) -> Quantity? {
        guard let r = m.range(named: "date"), let iso = DateText.isoDate(subject[r], defaultYear: 2000) else { return nil }
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return Quantity(text: subject[r], value: Double(parts[1] * 31 + parts[2]), family: Quantity.dateFamily, approximate: false, range: r)
    }

    /// An office title before a name (groups `title`, `name`, optional `former`).
    func title(_ m: PatternMatch, _ subject: UTF8Text) -> TitleMention? {
        guard let tr = m.range(named: "title"), let nr = m.range(named: "name") else { return nil }
        let surname = subject[nr].split(whereSeparator: { $0 == " " || $0 == "\n" }).last.map { String($0).lowercased() } ?? ""
        guard !surname.isEmpty else { return nil }
        return TitleMention(title: SignalReader.fold(subject[tr]), surname: surname,
                            former: m.range(named: "former").map { !$0.isEmpty } ?? false, text: subject[m.range])
    }

    func quantity(_ m: PatternMatch, _ subject: UTF8Text) -> Quantity? {
        guard let qr = m.range(named: "quantity"), let ur = m.range(named: "unit") else { return nil }
        let raw = SignalReader.fold(subject[qr])
        let number: Double
        if let v = numbers[raw] { number = v } else if let v = Double(raw.replacingOccurrences(of: ",", with: "")) { number = v } else { return nil }
        var value = number
        if let sr = m.range(named: "scale"), let s = scales[SignalReader.fold(subject[sr])] { value *= s }
        let unitWord = SignalReader.fold(subject[ur])
        let unit = units[unitWord] ?? (unitWord, 1)
        let approx = m.range(named: "approx").map { approximate.contains(SignalReader.fold(subject[$0])) } ?? false
        return Quantity(text: subject[m.range], value: value * unit.factor, family: unit.family, approximate: approx, range: m.range)
    }
}
