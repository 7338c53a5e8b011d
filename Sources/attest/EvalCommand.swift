import ArgumentParser
import AttestCore
import AttestReports
import Foundation

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extraction against gold annotations.",
        discussion: """
        attest eval --gold GOLD.jsonl PATH...     gold in the ANNOTATION.md format (one JSON object per document)
        attest eval --brat ANN_DIR TEXT_DIR        PARC/PolNeAR brat standoff (first annotator per text)
        Prints precision, recall and F1, per-field accuracy, true and false positives per rule, and the
        misses and false finds with file:line, and the SPAN lines: matches whose speaker mention or
        content is not the annotated one, ours against gold, the failing side marked (with --brat,
        token F1 below 0.5 on the source and content spans, the strict figure's test; with --gold,
        token F1 below 0.5 on the gold "mention", or fewer than half the words of "content_key").
        """
    )

    @Option(name: .long, help: "Gold statements file (ANNOTATION.md format).")
    var gold: String?

    @Option(name: .long, help: "Folder of brat .ann files; the text folder follows as the argument.")
    var brat: String?

    @Argument(help: "Corpus files or folders (with --gold), or the text folder (with --brat).")
    var paths: [String] = []

    @OptionGroup var ruleOptions: RuleOptions

    @Flag(name: .long, help: "Machine-readable JSON.")
    var json = false

    @Option(name: .long, help: "How many misses, false finds and span mismatches to list, each (0 for none).")
    var show: Int = 40

    func run() throws {
        guard (gold == nil) != (brat == nil) else { throw ValidationError("give either --gold FILE or --brat ANN_DIR") }
        guard !paths.isEmpty else { throw ValidationError("name the corpus (files or folders) to analyse") }
        let rules = try ruleOptions.load(corpusRoots: paths)
        var options = AnalysisOptions()
        options.buildClaims = false
        options.keepText = false
        let analysis = Analyzer(rules: rules, options: options).analyze(paths: paths)
        let report: EvaluationReport
        if let gold {
            guard let text = try? String(contentsOfFile: gold, encoding: .utf8) else { throw ValidationError("cannot read \(gold)") }
            report = try GoldEvaluator.evaluate(goldLines: text.components(separatedBy: "\n"), analysis: analysis)
        } else {
            report = try BratEvaluator.evaluate(annotationDirectory: brat ?? "", textDirectory: paths[0], analysis: analysis)
        }
        print(json ? renderJSON(report) : renderText(report))
    }

    func r3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    func renderText(_ r: EvaluationReport) -> String {
        var lines: [String] = []
        lines.append(String(format: "precision %.3f  recall%@ %.3f  F1 %.3f   (tp %d, fp %d, missed %d)", r.precision,
                            r.goldSpeech == nil ? "" : " (speech cues)", r.recall, r.f1, r.truePositives, r.falsePositives,
                            r.goldSpeech.map { $0 - (r.matchedSpeech ?? 0) } ?? r.falseNegatives))
        if let sp = r.strictPrecision, let sr = r.strictRecall, let sf = r.strictF1 {
            lines.append(String(format: "strict (speaker and content spans overlap): precision %.3f  recall %.3f  F1 %.3f", sp, sr, sf))
        }
        if r.strictMatches != nil || !r.spanMismatches.isEmpty {
            let m = r.spanMismatches
            lines.append("  span mismatches (\(r.strictMatches == nil ? "matched, but mention or content key off" : "right cue, speaker or content span off")): "
                         + "\(m.count) (speaker \(m.filter(\.speakerFails).count), content \(m.filter(\.contentFails).count))")
        }
        for (field, counts) in r.fields.sorted(by: { $0.key < $1.key }) where counts.1 > 0 {
            lines.append("  " + field.padding(toLength: 8, withPad: " ", startingAt: 0)
                         + String(format: " accuracy %.3f (%d/%d)", Double(counts.0) / Double(counts.1), counts.0, counts.1))
        }
        lines.append("per rule (true positives / false positives):")
        for (rule, c) in r.rules.sorted(by: { $0.value.tp + $0.value.fp > $1.value.tp + $1.value.fp }) {
            lines.append("  \(rule.padding(toLength: 30, withPad: " ", startingAt: 0)) \(c.tp) / \(c.fp)")
        }
        if show > 0 {
            for m in r.misses.prefix(show) { lines.append("MISS  \(m)") }
            for f in r.falseFinds.prefix(show) { lines.append("FALSE \(f)") }
            for m in r.spanMismatches.prefix(show) { lines.append("SPAN  \(spanLine(m))") }
        }
        return lines.joined(separator: "\n")
    }

    /// `file:line: speaker ours «…» gold «…» (F1 0.33) ✗; content ours «…» gold «…» (F1 0.80) [rule]`.
    func spanLine(_ m: SpanMismatch) -> String {
        func side(_ label: String, _ c: SpanComparison?) -> String? {
            c.map { "\(label) ours «\(shortened($0.found))» gold «\(shortened($0.gold))» (\($0.measure) \(String(format: "%.2f", $0.score)))\($0.overlaps ? "" : " ✗")" }
        }
        return "\(m.location): " + [side("speaker", m.speaker), side("content", m.content)].compactMap { $0 }.joined(separator: "; ") + " [\(m.rule)]"
    }

    /// At most about 120 characters of `s`: its start and its end around a `⋯` (span ends differ
    /// more often than starts).
    func shortened(_ s: String) -> String {
        s.count <= 120 ? s : String(s.prefix(60)) + " ⋯ " + String(s.suffix(56))
    }

    func renderJSON(_ r: EvaluationReport) -> String {
        var pairs: [(String, JSONValue)] = [
            ("tp", .int(r.truePositives)), ("fp", .int(r.falsePositives)), ("fn", .int(r.falseNegatives)),
            ("precision", .double(r3(r.precision))), ("recall", .double(r3(r.recall))), ("f1", .double(r3(r.f1))),
        ]
        if let sp = r.strictPrecision, let sr = r.strictRecall, let sf = r.strictF1 {
            pairs += [("strict_precision", .double(r3(sp))), ("strict_recall_speech", .double(r3(sr))), ("strict_f1_speech", .double(r3(sf)))]
        }
        pairs += [("span_mismatches", .int(r.spanMismatches.count)),
                  ("span_mismatches_speaker", .int(r.spanMismatches.filter(\.speakerFails).count)),
                  ("span_mismatches_content", .int(r.spanMismatches.filter(\.contentFails).count))]
        pairs.append(("fields", .object(r.fields.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value.1 > 0 ? .double(r3(Double($0.value.0) / Double($0.value.1))) : .null) })))
        pairs.append(("rules", .object(r.rules.sorted(by: { $0.key < $1.key }).map { ($0.key, .object([("tp", .int($0.value.tp)), ("fp", .int($0.value.fp))])) })))
        pairs.append(("misses", .array(r.misses.prefix(show).map(JSONValue.string))))
        pairs.append(("false_finds", .array(r.falseFinds.prefix(show).map(JSONValue.string))))
        func side(_ c: SpanComparison?) -> JSONValue {
            c.map { .object([("ours", .string($0.found)), ("gold", .string($0.gold)), ("score", .double(r3($0.score))),
                             ("measure", .string($0.measure)), ("overlaps", .bool($0.overlaps))]) } ?? .null
        }
        pairs.append(("span_mismatch_list", .array(r.spanMismatches.prefix(show).map { m in
            .object([("location", .string(m.location)), ("rule", .string(m.rule)), ("speaker", side(m.speaker)), ("content", side(m.content))])
        })))
        return JSONValue.object(pairs).render()
    }
}
