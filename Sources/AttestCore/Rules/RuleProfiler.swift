import Dispatch
import PCRE2Kit

/// Time and match-limit hits per rule, for `attest analyze --profile-rules`.
///
/// The profiler replays the rule phases over the analysed documents the way the extractor runs
/// them (skip, statement and hedge on every sentence that passes the cue prefilter or for rules
/// with `prefilter: false`, channel, date, entity and signal on every sentence, stance on each
/// statement's cue) and times each rule's matching. It is a second pass, so the analysis itself
/// carries no profiling cost; match-limit hits are taken from the analysis' own warnings.
public struct RuleProfiler {
    /// The rules to profile.
    public let rules: RuleSet
    /// The match limit in force (as in the analysis).
    public let matchLimit: UInt32

    /// Creates a profiler.
    public init(rules: RuleSet, matchLimit: UInt32 = AnalysisOptions().matchLimit) {
        self.rules = rules
        self.matchLimit = matchLimit
    }

    /// One rule's cost.
    public struct Entry: Sendable {
        /// The rule measured.
        public let rule: Rule
        /// Time spent matching, in seconds.
        public var seconds: Double = 0
        /// Subjects the rule was run on (sentences, or cues for stance rules).
        public var subjects: Int = 0
        /// Matches found.
        public var matches: Int = 0
        /// Times the rule hit the match limit.
        public var limitHits: Int = 0
    }

    /// Profiles every rule over the documents of `analysis`, slowest first.
    public func profile(_ analysis: Analysis) -> [Entry] {
        var entries = rules.rules.map { Entry(rule: $0) }
        var index: [ObjectIdentifier: Int] = [:]
        for (i, rule) in rules.rules.enumerated() { index[ObjectIdentifier(rule)] = i }
        let scratch = MatchScratch(matchLimit: matchLimit)
        let segmenter = Extractor(rules: rules).segmenter
        func time(_ rule: Rule, _ subject: UTF8Text, all: Bool) {
            guard let i = index[ObjectIdentifier(rule)] else { return }
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                if all {
                    entries[i].matches += try rule.compiled.allMatches(in: subject, scratch: scratch).count
                } else if try rule.compiled.firstMatch(in: subject, scratch: scratch) != nil {
                    entries[i].matches += 1
                }
            } catch {
                // Counted from the analysis warnings below.
            }
            entries[i].seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            entries[i].subjects += 1
        }
        for doc in analysis.documents where doc.status == .ok && !doc.text.isEmpty {
            let text = UTF8Text(doc.text)
            let seg = segmenter.segment(doc.text)
            var hasCue = [Bool](repeating: rules.prefilter == nil, count: seg.sentences.count)
            if let prefilter = rules.prefilter {
                for m in (try? prefilter.allMatches(in: text, scratch: scratch)) ?? [] {
                    if let s = seg.sentenceIndex(containing: m.range.lowerBound) { hasCue[s] = true }
                }
            }
            for (i, sentence) in seg.sentences.enumerated() {
                let subject = text.slice(sentence.range)
                for rule in rules.rules(.skip) { time(rule, subject, all: false) }
                for rule in rules.rules(.statement) + rules.rules(.hedge) where hasCue[i] || !rule.usesPrefilter {
                    time(rule, subject, all: true)
                }
                for rule in rules.rules(.channel) + rules.rules(.date) { time(rule, subject, all: false) }
                for rule in rules.rules(.entity) + rules.rules(.signal) { time(rule, subject, all: true) }
            }
        }
        for statement in analysis.statements {
            let cue = UTF8Text(statement.cue)
            for rule in rules.rules(.stance) { time(rule, cue, all: false) }
        }
        for warning in analysis.warnings {
            guard let id = warning.rule, let i = entries.firstIndex(where: { $0.rule.id == id }) else { continue }
            entries[i].limitHits += 1
        }
        return entries.sorted { $0.seconds > $1.seconds }
    }

    /// A table: rule, phase, time, subjects, matches, match-limit hits.
    public static func render(_ entries: [Entry]) -> String {
        var out = "rule profile (time spent matching, slowest first):\n"
        let width = max(4, entries.map(\.rule.id.count).max() ?? 4)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        func lpad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        out += pad("rule", width) + "  " + pad("phase", 9) + lpad("ms", 10) + lpad("subjects", 10) + lpad("matches", 9) + lpad("limit hits", 12) + "\n"
        for e in entries {
            let ms = (e.seconds * 1000 * 100).rounded() / 100
            out += pad(e.rule.id, width) + "  " + pad(e.rule.phase.rawValue, 9) + lpad(String(ms), 10) + lpad(String(e.subjects), 10)
                + lpad(String(e.matches), 9) + lpad(String(e.limitHits), 12) + "\n"
        }
        let total = entries.reduce(0) { $0 + $1.seconds }
        out += "total \((total * 1000 * 100).rounded() / 100) ms over \(entries.count) rules; \(entries.reduce(0) { $0 + $1.limitHits }) match-limit hits\n"
        return out
    }
}
