import Dispatch
import Foundation
import PCRE2Kit

/// Time and counts per rule, collected while the analysis runs (`attest analyze --profile-rules`).
///
/// The extractor times every match call it makes when it holds a profile; worker threads share
/// it behind a lock. With no profile the extractor does no timing at all.
public final class RuleProfile: @unchecked Sendable {
    /// One rule's (or one filter's) cost.
    public struct Entry: Sendable {
        /// The rule id, or a name starting with a parenthesis for the cue prefilter and the cue filters.
        public let id: String
        /// The rule's phase, or "filter".
        public let phase: String
        /// Time spent matching, in seconds.
        public var seconds: Double = 0
        /// Subjects the rule was run on (sentences, cues for stance rules).
        public var subjects: Int = 0
        /// Match calls that found something.
        public var matches: Int = 0
        /// Times the rule hit the match limit.
        public var limitHits: Int = 0
    }

    private var entries: [String: Entry] = [:]
    private let lock = NSLock()

    /// An empty profile.
    public init() {}

    /// Runs `body` (one match call of `rule`), adding its time to the rule and counting the subject
    /// when `newSubject` is set.
    @inline(__always)
    func time<T>(_ id: String, phase: String, newSubject: Bool = true, _ body: () throws -> T?) rethrows -> T? {
        let start = DispatchTime.now().uptimeNanoseconds
        var found = false
        defer {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            lock.lock()
            defer { lock.unlock() }
            var entry = entries[id] ?? Entry(id: id, phase: phase)
            entry.seconds += elapsed
            if newSubject { entry.subjects += 1 }
            if found { entry.matches += 1 }
            entries[id] = entry
        }
        let result = try body()
        found = result != nil
        return result
    }

    /// Counts a match-limit hit for `id`.
    func limitHit(_ id: String, phase: String) {
        lock.lock()
        defer { lock.unlock() }
        var entry = entries[id] ?? Entry(id: id, phase: phase)
        entry.limitHits += 1
        entries[id] = entry
    }

    /// The entries, slowest first; rules of `rules` that never ran are listed with zeros.
    public func sortedEntries(including rules: RuleSet) -> [Entry] {
        lock.lock()
        var all = entries
        lock.unlock()
        for rule in rules.rules where all[rule.id] == nil { all[rule.id] = Entry(id: rule.id, phase: rule.phase.rawValue) }
        return all.values.sorted { $0.seconds != $1.seconds ? $0.seconds > $1.seconds : $0.id < $1.id }
    }

    /// A table: rule, phase, time, subjects, matches, match-limit hits.
    public static func render(_ entries: [Entry]) -> String {
        var out = "rule profile (time spent matching, slowest first):\n"
        let width = max(4, entries.map(\.id.count).max() ?? 4)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        func lpad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        out += pad("rule", width) + "  " + pad("phase", 9) + lpad("ms", 10) + lpad("subjects", 10) + lpad("matches", 9) + lpad("limit hits", 12) + "\n"
        for e in entries {
            let ms = (e.seconds * 1000 * 100).rounded() / 100
            out += pad(e.id, width) + "  " + pad(e.phase, 9) + lpad(String(ms), 10) + lpad(String(e.subjects), 10)
                + lpad(String(e.matches), 9) + lpad(String(e.limitHits), 12) + "\n"
        }
        let total = entries.reduce(0) { $0 + $1.seconds }
        out += "total \((total * 1000 * 100).rounded() / 100) ms; \(entries.reduce(0) { $0 + $1.limitHits }) match-limit hits\n"
        out += "(cue prefilter) is the one pass of the cue lexicons over each document; a (filter) row is a rule's cue filter "
            + "(its cue group or its `filter:`), tried on a sentence before the whole rule and named after the first rule it "
            + "serves (+N: shared with N more). Signal rules run in claim linking and are not timed here.\n"
        return out
    }
}
