import Foundation

/// Scores found statements against gold annotations, the way `shared/eval/score.py` (statement
/// gold, ANNOTATION.md format) and `score_polnear.py` (brat standoff) do, with per-field and
/// per-rule figures and the list of misses and false finds for rule authors.
public struct EvaluationReport: Sendable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    /// PolNeAR only: gold attributions with a speech cue, and how many were found.
    public var goldSpeech: Int? = nil
    public var matchedSpeech: Int? = nil
    public var strictMatches: Int? = nil
    public var strictSpeech: Int? = nil
    /// Field name to (correct, total).
    public var fields: [String: (Int, Int)] = [:]
    /// Rule id to (true positives, false positives).
    public var rules: [String: (tp: Int, fp: Int)] = [:]
    public var misses: [String] = []
    public var falseFinds: [String] = []
    /// PolNeAR only: matches (right sentence and cue) that the strict figure does not count,
    /// because the speaker mention or the content is not the annotated span.
    public var spanMismatches: [SpanMismatch] = []

    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    public var recall: Double {
        if let g = goldSpeech, let m = matchedSpeech { return ratio(m, g) }
        return ratio(truePositives, truePositives + falseNegatives)
    }
    public var f1: Double { harmonic(precision, recall) }
    public var strictPrecision: Double? { strictMatches.map { ratio($0, truePositives + falsePositives) } }
    public var strictRecall: Double? { strictSpeech.flatMap { s in goldSpeech.map { ratio(s, $0) } } }
    public var strictF1: Double? { strictPrecision.flatMap { p in strictRecall.map { harmonic(p, $0) } } }

    func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    func harmonic(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
}

/// A found statement that matches a gold statement while its speaker mention or its content does
/// not overlap the annotation enough (a score below `SpanComparison.threshold`). For brat gold
/// this is the difference between the lenient and the strict figures.
public struct SpanMismatch: Sendable {
    /// `file:line` of the gold cue (brat), or `file: sentence start` (statement gold).
    public var location: String
    /// The rule that produced the found statement.
    public var rule: String
    /// Nil when the gold does not annotate that side.
    public var speaker: SpanComparison?
    public var content: SpanComparison?

    /// Whether the speaker side (when annotated) falls short.
    public var speakerFails: Bool { speaker.map { !$0.overlaps } ?? false }
    /// Whether the content side (when annotated) falls short.
    public var contentFails: Bool { content.map { !$0.overlaps } ?? false }
}

/// One side (speaker or content) of a match: the found text, the annotated text, and how well they
/// agree: the token F1 of the two spans (brat, and statement gold mentions), or the share of the
/// words of a statement gold `content_key` the found content holds.
public struct SpanComparison: Sendable {
    /// The score a strict match needs on both sides, as in `score_polnear.py`.
    public static let threshold = 0.5
    public var found: String
    public var gold: String
    public var score: Double
    /// What `score` measures: `F1` or `key words`.
    public var measure: String = "F1"
    /// Whether the found span overlaps the annotated one enough for a strict match.
    public var overlaps: Bool { score >= SpanComparison.threshold }
}

/// Text folding shared by both scorers (NFKC, curly quotes, emphasis marks, white space, case).
public enum EvalText {
    public static func norm(_ s: String?) -> String {
        guard var s else { return "" }
        s = s.precomposedStringWithCompatibilityMapping
        s = s.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
            .replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: " ")
        return s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    static let stop: Set<String> = ["the", "a", "an", "of", "mr", "ms", "mrs", "dr", "president", "former", "u.s.", "us", "s", "and", "at",
                                    "in", "for", "on", "to", "chinese", "china's", "spokesman", "spokesperson", "minister", "ministry",
                                    "foreign", "official", "officials"]

    /// Word tokens: letters, digits, apostrophes, dots and hyphens.
    static func tokens(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in s {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "'" || ch == "." || ch == "-" || ch == "’" { current.append(ch) }
            else if !current.isEmpty { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func contentWords(_ s: String?) -> Set<String> {
        Set(tokens(norm(s)).filter { $0.count > 1 && !stop.contains($0) })
    }
}

/// Scoring against gold in the ANNOTATION.md format (one JSON object per document).
public enum GoldEvaluator {
    /// A gold statement as read from the file.
    struct GoldStatement {
        var speaker: String
        var mention: String?
        var cue: String?
        var start: String
        var kind: String?
        var stance: String?
        var via: String?
        var optional: Bool
        var contentKey: String?
    }

    static func speakerMatches(_ gold: GoldStatement, _ found: String) -> Bool {
        var g = EvalText.contentWords(gold.speaker)
        if g.isEmpty { g = EvalText.contentWords(gold.mention) }
        let p = EvalText.contentWords(found)
        guard !g.isEmpty else { return false }
        if g.isDisjoint(with: p) {
            let g2 = Set(EvalText.tokens(EvalText.norm(gold.speaker)).filter { $0.count > 2 })
            let p2 = Set(EvalText.tokens(EvalText.norm(found)).filter { $0.count > 2 })
            let common = g2.intersection(p2).count
            return common > 0 && common >= max(1, g2.count / 2)
        }
        return true
    }

    /// Scores `analysis` against the gold file's lines.
    public static func evaluate(goldLines: [String], analysis: Analysis) throws -> EvaluationReport {
        var report = EvaluationReport()
        var byDoc: [String: [Statement]] = [:]
        for s in analysis.statements { byDoc[s.document.split(separator: "/").last.map(String.init) ?? s.document, default: []].append(s) }
        var fieldCounts: [String: (Int, Int)] = ["cue": (0, 0), "stance": (0, 0), "kind": (0, 0), "via": (0, 0), "speaker": (0, 0)]
        for (lineNumber, line) in goldLines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let doc = object["doc"] as? String else {
                throw EvaluationError("gold line \(lineNumber + 1) is not a JSON object with \"doc\"")
            }
            let found = (byDoc[doc] ?? []).filter { $0.speaker.name != nil }
            var used = Set<Int>()
            for item in (object["statements"] as? [[String: Any]]) ?? [] {
                let g = GoldStatement(speaker: item["speaker"] as? String ?? "", mention: item["mention"] as? String, cue: item["cue"] as? String,
                                      start: item["sentence_start"] as? String ?? "", kind: item["kind"] as? String, stance: item["stance"] as? String,
                                      via: item["via"] as? String, optional: item["optional"] as? Bool ?? false,
                                      contentKey: item["content_key"] as? String)
                let key = String(EvalText.norm(g.start).prefix(25))
                let hit = found.indices.first { !used.contains($0) && EvalText.norm(found[$0].sentence).contains(key) && speakerMatches(g, found[$0].speaker.name ?? "") }
                guard let hit else {
                    if !g.optional { report.falseNegatives += 1; report.misses.append("\(doc): \(g.start)… (\(g.speaker), \(g.cue ?? "?"))") }
                    continue
                }
                used.insert(hit)
                if g.optional { continue }
                let s = found[hit]
                report.truePositives += 1
                report.rules[s.rule, default: (0, 0)].tp += 1
                let gc = EvalText.norm(g.cue), pc = EvalText.norm(s.cue)
                bump(&fieldCounts, "cue", !pc.isEmpty && (gc.contains(pc) || pc.contains(gc)))
                bump(&fieldCounts, "stance", EvalText.norm(g.stance) == EvalText.norm(s.stance))
                bump(&fieldCounts, "kind", EvalText.norm(g.kind) == EvalText.norm(s.kind))
                bump(&fieldCounts, "via", g.via.map { !EvalText.contentWords($0).isDisjoint(with: EvalText.contentWords(s.via)) } ?? (s.via == nil))
                bump(&fieldCounts, "speaker", EvalText.norm(s.speaker.name) == EvalText.norm(g.speaker))
                if let mismatch = spanMismatch(g, s, doc: doc) { report.spanMismatches.append(mismatch) }
            }
            for i in found.indices where !used.contains(i) {
                report.falsePositives += 1
                report.rules[found[i].rule, default: (0, 0)].fp += 1
                report.falseFinds.append("\(found[i].document):\(found[i].line): \(found[i].speaker.name ?? "") \(found[i].cue) [\(found[i].rule)]")
            }
        }
        report.fields = fieldCounts
        return report
    }

    /// The found statement against the gold `mention` (token F1) and `content_key` (the share of
    /// its words in the found content); nil when both sides agree or neither is annotated.
    static func spanMismatch(_ g: GoldStatement, _ s: Statement, doc: String) -> SpanMismatch? {
        let mention = [s.speaker.mention, s.speaker.name].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let speaker = g.mention.map { SpanComparison(found: mention, gold: $0, score: BratEvaluator.tokenF1(mention, $0)) }
        let content = g.contentKey.map { key -> SpanComparison in
            let keyWords = BratEvaluator.words(key).filter { !BratEvaluator.stop.contains($0) }
            let found = Set(BratEvaluator.words(s.content))
            let share = keyWords.isEmpty ? 1 : Double(keyWords.filter(found.contains).count) / Double(keyWords.count)
            return SpanComparison(found: s.content, gold: key, score: share, measure: "key words")
        }
        let mismatch = SpanMismatch(location: "\(doc): \(g.start)", rule: s.rule, speaker: speaker, content: content)
        return mismatch.speakerFails || mismatch.contentFails ? mismatch : nil
    }

    static func bump(_ counts: inout [String: (Int, Int)], _ key: String, _ ok: Bool) {
        let c = counts[key] ?? (0, 0)
        counts[key] = (c.0 + (ok ? 1 : 0), c.1 + 1)
    }
}

/// An evaluation input problem.
public struct EvaluationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}
