import Foundation
import PCRE2Kit

/// Runs every rule's examples, the way SwiftLint and semgrep test their rules.
///
/// Statement and hedge rules are tested end to end: the example sentence goes through the whole
/// analysis (segmentation, overlap resolution, entity resolution), and a `match` example passes
/// when a statement from this rule comes out with every expected field. Rules of the other phases
/// are tested on their own pattern: a `match` example passes when the pattern matches and each
/// expected key equals the named group's text (or the value the rule sets for that key).
public struct RuleTester {
    /// The rules under test, with the macros and lexicons they were loaded with.
    public let rules: RuleSet
    private let analyzer: Analyzer

    /// Fields a statement example may expect.
    public static let statementFields: Set<String> = ["speaker", "name", "cue", "content", "kind", "stance", "channel",
                                                      "via", "date", "role", "recipient", "speaker_type"]

    /// Creates a tester over a loaded rule set.
    public init(rules: RuleSet) {
        self.rules = rules
        var options = AnalysisOptions()
        options.buildClaims = false
        options.workers = 1
        options.keepCredits = true
        self.analyzer = Analyzer(rules: rules, options: options)
    }

    /// The outcome of one example.
    public struct ExampleResult: Sendable {
        /// How an example came out.
        public enum Status: String, Sendable {
            /// A `match` or `no_match` example that holds.
            case passed
            /// A `match` or `no_match` example that does not hold.
            case failed
            /// A known gap the rule still misses (reported, never failing).
            case gap
            /// A known gap the rule now handles: the example could become a `match`.
            case gapFixed = "gap-fixed"
        }
        /// The example as written.
        public let example: RuleExample
        /// How it came out.
        public let status: Status
        /// Why it failed, or what was found; empty when there is nothing to say.
        public let detail: String
    }

    /// The outcome of one rule's examples.
    public struct RuleResult: Sendable {
        /// The rule tested.
        public let rule: Rule
        /// One result per example, in file order.
        public let examples: [ExampleResult]
        /// Whether no example failed.
        public var passed: Bool { !examples.contains { $0.status == .failed } }
        /// The number of examples with this status.
        public func count(_ status: ExampleResult.Status) -> Int { examples.filter { $0.status == status }.count }
    }

    /// Results of every rule tested, with totals.
    public struct Report: Sendable {
        /// One result per rule, in load order.
        public let results: [RuleResult]
        /// Examples that passed.
        public var passed: Int { results.reduce(0) { $0 + $1.count(.passed) } }
        /// Examples that failed.
        public var failed: Int { results.reduce(0) { $0 + $1.count(.failed) } }
        /// Known gaps (still missed and now fixed alike).
        public var gaps: Int { results.reduce(0) { $0 + $1.count(.gap) + $1.count(.gapFixed) } }
        /// The summary line: `N passed, N failed` and `, N gaps` when there are any.
        public var summary: String {
            "\(passed) passed, \(failed) failed" + (gaps > 0 ? ", \(gaps) gaps" : "")
        }
    }

    /// Runs the examples of every rule for which `include` is true (all rules by default).
    public func run(include: (Rule) -> Bool = { _ in true }) -> Report {
        Report(results: rules.rules.filter(include).map(test))
    }

    /// Runs one rule's examples.
    public func test(_ rule: Rule) -> RuleResult {
        let scratch = MatchScratch()
        let results = rule.examples.map { example -> ExampleResult in
            let (holds, detail): (Bool, String)
            switch rule.phase {
            case .statement, .hedge: (holds, detail) = checkStatement(rule, example)
            default: (holds, detail) = checkPattern(rule, example, scratch: scratch)
            }
            switch example.kind {
            case .gap: return ExampleResult(example: example, status: holds ? .gapFixed : .gap, detail: detail)
            case .match, .noMatch: return ExampleResult(example: example, status: holds ? .passed : .failed, detail: detail)
            }
        }
        return RuleResult(rule: rule, examples: results)
    }

    // MARK: - Statement and hedge rules

    /// Whether the example holds, and a detail message.
    func checkStatement(_ rule: Rule, _ example: RuleExample) -> (Bool, String) {
        let statements = statementsFor(example.text)
        let mine = statements.filter { $0.rule == rule.id }
        let others = statements.filter { $0.rule != rule.id }.map { "\($0.rule) (cue '\($0.cue)')" }
        let otherNote = others.isEmpty ? "" : "; other statements: " + others.joined(separator: ", ")
        if example.kind == .noMatch {
            if mine.isEmpty { return (true, "") }
            return (false, "expected no statement from this rule, got \(mine.count): " + mine.map(RuleTester.describe).joined(separator: "; "))
        }
        guard !mine.isEmpty else { return (false, "no statement from this rule" + otherNote + prefilterHint(rule, example.text)) }
        var best: [String] = []
        for statement in mine {
            let mismatches = example.expect.sorted { $0.key < $1.key }.compactMap { key, expected -> String? in
                guard RuleTester.statementFields.contains(key) else {
                    return "unknown field '\(key)' in expect (known: \(RuleTester.statementFields.sorted().joined(separator: ", ")))"
                }
                return RuleTester.mismatch(key, expected: expected, actual: RuleTester.field(key, of: statement))
            }
            if mismatches.isEmpty { return (true, RuleTester.describe(statement)) }
            if best.isEmpty || mismatches.count < best.count { best = mismatches }
        }
        return (false, best.joined(separator: "; "))
    }

    /// Why a rule may not have run at all: the sentence has no word of the cue prefilter.
    func prefilterHint(_ rule: Rule, _ text: String) -> String {
        guard rule.usesPrefilter, let prefilter = rules.prefilter, !prefilter.matches(text) else { return "" }
        return "; the rule did not run: the sentence has no cue word from lexicons "
            + RuleLoader.prefilterLexicons.map { $0 + ".txt" }.joined(separator: ", ")
            + " (add the cue to one of them, or set prefilter: false)"
    }

    /// The statements the full analysis finds in one sentence.
    public func statementsFor(_ text: String) -> [Statement] {
        let document = Document(id: "", path: "<example>", format: .text, bytes: text.utf8.count, text: text)
        return analyzer.analyze(documents: [document]).statements
    }

    /// A statement field by the name examples use.
    public static func field(_ key: String, of s: Statement) -> String? {
        switch key {
        case "speaker": return s.speaker.mention
        case "name": return s.speaker.name
        case "role": return s.speaker.role
        case "speaker_type": return s.speaker.type
        case "cue": return s.cue
        case "content": return s.content
        case "kind": return s.kind
        case "stance": return s.stance
        case "channel": return s.channel
        case "via": return s.via
        case "date": return s.date
        case "recipient": return s.recipient
        default: return nil
        }
    }

    static func describe(_ s: Statement) -> String {
        var parts = ["speaker '\(s.speaker.mention ?? "-")'", "cue '\(s.cue)'", "content '\(s.content)'", "kind \(s.kind)", "stance \(s.stance)"]
        if let c = s.channel { parts.append("channel '\(c)'") }
        if let d = s.date { parts.append("date \(d)") }
        if let v = s.via { parts.append("via '\(v)'") }
        return parts.joined(separator: ", ")
    }

    // MARK: - Other phases

    func checkPattern(_ rule: Rule, _ example: RuleExample, scratch: MatchScratch) -> (Bool, String) {
        let subject = UTF8Text(example.text)
        let found: PatternMatch?
        do { found = try rule.compiled.firstMatch(in: subject, scratch: scratch) } catch {
            return (false, "match limit reached: \(error)")
        }
        if example.kind == .noMatch {
            guard let m = found else { return (true, "") }
            return (false, "expected no match, but the pattern matched '\(subject[m.range])'")
        }
        guard let m = found else { return (false, "the pattern does not match") }
        if rule.phase == .contentStance, let filter = rule.cueFilter, ((try? filter.firstMatch(in: subject, scratch: scratch)) ?? nil) == nil {
            return (false, "the pattern matches but the rule's filter does not, so the rule would never run here")
        }
        var mismatches: [String] = []
        for (key, expected) in example.expect.sorted(by: { $0.key < $1.key }) {
            let actual: String?
            if let fixed = rule.settings[key] {
                actual = fixed
            } else if rule.compiled.groupNumbers[key] != nil {
                actual = m.range(named: key).map { subject[$0] }
            } else {
                mismatches.append("'\(key)' is neither a named group nor a 'set' key of this rule")
                continue
            }
            if let problem = RuleTester.mismatch(key, expected: expected, actual: actual) { mismatches.append(problem) }
        }
        if mismatches.isEmpty { return (true, "matched '\(subject[m.range])'") }
        return (false, mismatches.joined(separator: "; "))
    }

    // MARK: - Comparison

    /// A message when `actual` differs from `expected` (nil expected: the field must be absent).
    static func mismatch(_ key: String, expected: String?, actual: String?) -> String? {
        switch (expected, actual) {
        case (nil, nil): return nil
        case (nil, let a?): return a.isEmpty ? nil : "\(key): expected none, got '\(a)'"
        case (let e?, nil): return "\(key): expected '\(e)', got none"
        case (let e?, let a?): return normalize(e) == normalize(a) ? nil : "\(key): expected '\(e)', got '\(a)'"
        }
    }

    /// Folds white space and curly apostrophes so that examples compare as people read them.
    public static func normalize(_ s: String) -> String {
        let straight = s.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
        return straight.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
