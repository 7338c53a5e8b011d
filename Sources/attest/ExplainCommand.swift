import ArgumentParser
import AttestCore
import Foundation
import PCRE2Kit

/// `attest explain "SENTENCE"` or `attest explain FILE:LINE`: why the extractor did what it did.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show which rules fired on a sentence, in which phase, what they captured, which candidates lost an overlap and why, and the final statements.",
        discussion: "Give a sentence in quotes, or FILE:LINE to explain the sentences on that line of a file's plain text (the whole file is analysed, so pronouns resolve as in 'analyze')."
    )

    @Argument(help: "A sentence, or FILE:LINE.")
    var input: String

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let (document, line) = try resolveInput()
        let rules = try ruleOptions.load(corpusRoots: line == nil ? [] : [document.path])
        let extractor = Extractor(rules: rules)
        let scratch = MatchScratch()
        let traced = extractor.extract(document, index: 0, scratch: scratch, trace: true)
        let seg = traced.segmentation
        var options = AnalysisOptions()
        options.buildClaims = false
        let analysis = Analyzer(rules: rules, options: options).analyze(documents: [document])
        let text = UTF8Text(document.text)
        let chosen = seg.sentences.indices.filter { line == nil || seg.sentences[$0].line == line }
        guard !chosen.isEmpty else {
            throw ValidationError("\(document.path): no sentence starts on line \(line ?? 0) of the plain text")
        }
        var out = ""
        for i in chosen {
            let sentence = seg.sentences[i]
            let subject = text.sentenceSlice(sentence.range)
            out += "Sentence \(i + 1) (line \(sentence.line)): \(Extractor.fold(text[sentence.range]))\n"
            if sentence.isHeading {
                out += extractor.holdsCue(subject, scratch: scratch)
                    ? "  heading with a cue word: read by the statement rules\n"
                    : "  heading or box without a cue word: read only by rules with headings: true\n"
            }
            out += explainPhase(.skip, rules: rules, subject: subject, scratch: scratch, note: "sentence skipped")
            out += explainCandidates(traced.trace.filter { $0.candidate.sentenceIndex == i }, text: text, rules: rules)
            for phase in [RulePhase.channel, .date, .entity, .signal] {
                out += explainPhase(phase, rules: rules, subject: subject, scratch: scratch, note: nil)
            }
            let statements = analysis.statements.filter { $0.sentenceIndex == i }
            for s in statements {
                out += explainStance(cue: s.cue, extractor: extractor, scratch: scratch)
                out += explainContentStance(content: s.content, extractor: extractor, scratch: scratch)
            }
            out += "  statements:\n"
            if statements.isEmpty { out += "    (none)\n" }
            for s in statements { out += describe(s) }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// The document to explain and, for FILE:LINE, the line.
    func resolveInput() throws -> (Document, Int?) {
        if let colon = input.lastIndex(of: ":"), let line = Int(input[input.index(after: colon)...]), line > 0 {
            let path = String(input[..<colon])
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                guard let doc = DocumentLoader().load(path: path).first, doc.status == .ok else {
                    throw ValidationError("\(path): cannot be read as a document")
                }
                return (doc, line)
            }
        }
        let doc = Document(id: "d1", path: "<sentence>", format: .text, bytes: input.utf8.count, text: input)
        return (doc, nil)
    }

    /// Statement and hedge candidates: accepted, lost an overlap (to whom, why), or quoted.
    func explainCandidates(_ entries: [TraceEntry], text: UTF8Text, rules: RuleSet) -> String {
        var out = "  phase statement/hedge:\n"
        if entries.isEmpty { return out + "    no rule fired\n" }
        let sorted = entries.sorted { ($0.candidate.cue.lowerBound, $0.candidate.rule.order) < ($1.candidate.cue.lowerBound, $1.candidate.rule.order) }
        for entry in sorted {
            let c = entry.candidate
            let head = "\(c.rule.id) (\(c.rule.phase.rawValue), priority \(c.rule.priority))"
            switch entry.outcome {
            case .accepted:
                out += "    + \(head): accepted\n"
            case .lostOverlap(let winnerID):
                let winner = entries.first { if case .accepted = $0.outcome { return $0.candidate.rule.id == winnerID }; return false }?.candidate
                out += "    - \(head): lost an overlap to \(winnerID)\(winner.map { " (" + reason(c, lostTo: $0) + ")" } ?? "")\n"
            case .insideQuotation:
                out += "    - \(head): ignored, its cue is inside quotation marks (set inside_quotes: true to allow)\n"
            case .insideTurn(let turnRule):
                out += "    - \(head): ignored, its cue is inside a turn of speech found by \(turnRule) (speech_turn: true)\n"
            case .skippedSentence:
                out += "    - \(head): sentence skipped\n"
            case .enclosed(let outerID):
                out += "    - \(head): dropped, its cue is inside the content of \(outerID) \n"
            case .tooFewInDocument(let minimum):
                out += "    - \(head): dropped, the rule needs \(minimum) finds in one document (min_per_document)\n"
            }
            out += "        match: \(quoted(Extractor.fold(text[c.whole])))\n"
            for (name, range) in c.groups.sorted(by: { $0.value.lowerBound < $1.value.lowerBound }) {
                out += "        \(name) = \(quoted(Extractor.fold(text[range])))\n"
            }
        }
        return out
    }

    /// Why `loser` gave way: the tie-breakers of overlap resolution in order.
    func reason(_ loser: Candidate, lostTo winner: Candidate) -> String {
        if winner.rule.priority != loser.rule.priority { return "priority \(winner.rule.priority) > \(loser.rule.priority)" }
        if winner.whole.count != loser.whole.count { return "same priority, longer match: \(winner.whole.count) > \(loser.whole.count) bytes" }
        if winner.rule.order != loser.rule.order { return "same priority and length, loaded earlier" }
        return "same rule, earlier match"
    }

    /// Rules of one phase that match the sentence, with every named group they set.
    func explainPhase(_ phase: RulePhase, rules: RuleSet, subject: UTF8Text, scratch: MatchScratch, note: String?) -> String {
        var lines: [String] = []
        for rule in rules.rules(phase).sorted(by: { $0.priority > $1.priority }) {
            let found: PatternMatch?
            do { found = try rule.compiled.firstMatch(in: subject, scratch: scratch) } catch {
                lines.append("    ! \(rule.id): match limit reached (\(error))")
                continue
            }
            guard let m = found else { continue }
            var line = "    + \(rule.id) (priority \(rule.priority))\(note.map { ": " + $0 } ?? ""): \(quoted(Extractor.fold(subject[m.range])))"
            for (name, _) in rule.compiled.groupNumbers.sorted(by: { $0.value < $1.value }) {
                if let r = m.range(named: name) { line += "\n        \(name) = \(quoted(Extractor.fold(subject[r])))" }
            }
            for (key, value) in rule.settings.sorted(by: { $0.key < $1.key }) { line += "\n        set \(key) = \(value)" }
            lines.append(line)
        }
        if lines.isEmpty { return "" }
        return "  phase \(phase.rawValue):\n" + lines.joined(separator: "\n") + "\n"
    }

    /// The stance rules on a cue: the highest-priority match decides.
    func explainStance(cue: String, extractor: Extractor, scratch: MatchScratch) -> String {
        guard let (rule, _) = extractor.decidingStanceRule(.stance, in: cue, scratch: scratch, limitHit: { _, _ in }) else {
            return "  phase stance: cue \(quoted(cue)): no rule matched (assert unless the statement rule sets a stance)\n"
        }
        return "  phase stance: cue \(quoted(cue)): \(rule.id) (priority \(rule.priority)) sets \(rule.settings["stance"] ?? "nothing")\n"
    }

    /// The content-stance rules on what was said (they decide only when no stance rule matched the cue).
    func explainContentStance(content: String, extractor: Extractor, scratch: MatchScratch) -> String {
        guard let (rule, m) = extractor.decidingStanceRule(.contentStance, in: content, scratch: scratch, limitHit: { _, _ in }) else {
            return ""
        }
        let subject = UTF8Text(content)
        return "  phase content-stance: \(rule.id) (priority \(rule.priority)) on \(quoted(Extractor.fold(subject[m.range]))) "
            + "sets \(rule.settings["stance"] ?? "nothing") (when the cue gives no stance)\n"
    }

    func describe(_ s: Statement) -> String {
        var out = "    [\(s.rule)] \(s.speaker.name ?? "(no speaker)")"
        if let mention = s.speaker.mention, mention != s.speaker.name { out += " (written \(quoted(mention)))" }
        out += " — \(s.cue)\n"
        out += "        content: \(quoted(s.content))\n"
        out += "        kind: \(s.kind), stance: \(s.stance), speaker type: \(s.speaker.type)\n"
        if let role = s.speaker.role { out += "        role: \(quoted(role))\n" }
        if let r = s.recipient { out += "        recipient: \(quoted(r))\n" }
        if let c = s.channel { out += "        channel: \(quoted(c))\n" }
        if let v = s.via { out += "        via: \(quoted(v))\n" }
        if let d = s.date { out += "        date: \(d)\n" }
        return out
    }
}
