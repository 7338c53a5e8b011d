import Foundation
import PCRE2Kit
import Yams

/// Checks rule folders beyond what ``RuleLoader`` reports while loading.
///
/// The loader already reports unknown keys, YAML syntax errors, compile errors, unknown macro and
/// lexicon references, duplicate IDs, bad message placeholders, rules without examples and newer
/// schemas. The linter adds: patterns that backtrack catastrophically (each rule is tried against
/// hostile strings under a tight match limit), lexicon files with duplicate entries, and macros
/// that no rule uses.
public struct RuleLinter {
    /// The loaded rules (with the folders they came from).
    public let rules: RuleSet
    /// The match limit hostile strings are tried under.
    public var matchLimit: UInt32

    /// Creates a linter over a loaded rule set.
    public init(rules: RuleSet, matchLimit: UInt32 = 100_000) {
        self.rules = rules
        self.matchLimit = matchLimit
    }

    /// A family of subjects built to make badly nested quantifiers backtrack.
    public struct HostileString: Sendable {
        /// How messages name it ("a run of capitalised words").
        public let label: String
        /// The repeated unit.
        let unit: String
        /// What comes before the run (an opening quotation mark).
        let prefix: String

        /// The subject at about `bytes` long, ending in a character that spoils a match at the end.
        public func text(bytes: Int) -> String {
            let count = max(1, (bytes - prefix.utf8.count - 1) / max(1, unit.utf8.count))
            return prefix + String(repeating: unit, count: count) + "!"
        }
    }

    /// Runs on which a linear pattern fails or matches quickly and a nested quantifier such as
    /// `(a+)+$` or `(\w+\s?)*:` explodes.
    public static let hostileStrings: [HostileString] = [
        HostileString(label: "repeated letters", unit: "a", prefix: ""),
        HostileString(label: "repeated capitals", unit: "A", prefix: ""),
        HostileString(label: "repeated \"a, \" runs", unit: "a, ", prefix: ""),
        HostileString(label: "a run of capitalised words", unit: "Aa ", prefix: ""),
        HostileString(label: "a run of titled names with commas", unit: "Mr. Aa Bb, ", prefix: ""),
        HostileString(label: "a quotation without an end", unit: "word ", prefix: "“"),
        HostileString(label: "a straight quotation without an end", unit: "a b, ", prefix: "\""),
        HostileString(label: "a run of spaces", unit: " ", prefix: "a"),
    ]

    /// Length of the short hostile strings, tried under the tight ``matchLimit``: a pattern that
    /// needs more than that on a few hundred bytes backtracks exponentially (an error).
    public static let shortLength = 256

    /// Every problem: the loader's, then the linter's own, sorted by file and line.
    public func lint() -> [RuleProblem] {
        var problems = rules.problems
        problems.append(contentsOf: backtrackingProblems())
        problems.append(contentsOf: lexiconProblems())
        problems.append(contentsOf: macroProblems())
        return problems.sorted {
            if $0.location.file != $1.location.file { return $0.location.file < $1.location.file }
            if $0.location.line != $1.location.line { return $0.location.line < $1.location.line }
            return $0.location.column < $1.location.column
        }
    }

    /// Rules whose pattern backtracks catastrophically or polynomially on hostile strings.
    ///
    /// Error: the tight ``matchLimit`` is hit on a short (256-byte) hostile string, the mark of
    /// exponential backtracking (`(a+)+$`). Warning: the analysis' own match limit is hit on a
    /// hostile string as long as the longest sentence the segmenter hands a rule (4 KB), so
    /// `analyze` would stop the rule on such a sentence. Longer subjects are never given to a rule.
    public func backtrackingProblems() -> [RuleProblem] {
        let longLength = Segmenter(abbreviations: []).maxSentenceBytes
        let runLimit = AnalysisOptions().matchLimit
        let tight = MatchScratch(matchLimit: matchLimit, depthLimit: 10_000)
        let loose = MatchScratch(matchLimit: runLimit)
        let short = RuleLinter.hostileStrings.map { ($0.label, UTF8Text($0.text(bytes: RuleLinter.shortLength))) }
        let long = RuleLinter.hostileStrings.map { ($0.label, UTF8Text($0.text(bytes: longLength))) }
        var problems: [RuleProblem] = []
        rules: for rule in rules.rules {
            for (label, subject) in short {
                do { _ = try rule.compiled.firstMatch(in: subject, scratch: tight) } catch {
                    problems.append(RuleProblem(.error, rule.location, rule: rule.id,
                        "pattern backtracks catastrophically: it hit the match limit (\(matchLimit)) on \(label) "
                        + "(\(subject.bytes.count) bytes); look for nested quantifiers such as (a+)+ or (\\w+\\s?)* "
                        + "and make the inner part possessive (a++) or atomic (?>...)"))
                    continue rules
                }
            }
            for (label, subject) in long {
                do { _ = try rule.compiled.firstMatch(in: subject, scratch: loose) } catch {
                    problems.append(RuleProblem(.warning, rule.location, rule: rule.id,
                        "pattern backtracks heavily on long sentences: it hit the analysis match limit (\(runLimit)) on \(label) "
                        + "(\(subject.bytes.count) bytes), so analyze would stop it on such a sentence; bound the repeats "
                        + "that can match the same text, e.g. make \\s* before an optional part possessive (\\s*+)"))
                    continue rules
                }
            }
        }
        return problems
    }

    /// Lexicon files with the same entry twice (white space and apostrophes folded).
    public func lexiconProblems() -> [RuleProblem] {
        var problems: [RuleProblem] = []
        let fm = FileManager.default
        for folder in rules.folders {
            let dir = (folder as NSString).appendingPathComponent("lexicons")
            for name in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where name.hasSuffix(".txt") {
                let path = (dir as NSString).appendingPathComponent(name)
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
                var first: [String: Int] = [:]
                for (entry, line) in RuleLoader.lexiconEntries(text) {
                    let key = RuleTester.normalize(entry)
                    if let earlier = first[key] {
                        problems.append(RuleProblem(.warning, SourceLocation(file: path, line: line),
                                                    "duplicate lexicon entry '\(entry)' (first at line \(earlier))"))
                    } else {
                        first[key] = line
                    }
                }
            }
        }
        return problems
    }

    /// Macros that no rule pattern uses, directly or through another used macro.
    public func macroProblems() -> [RuleProblem] {
        var definitions: [(name: String, body: String, location: SourceLocation)] = []
        var patterns: [String] = []
        for folder in rules.folders {
            for path in RuleLoader.yamlFiles(in: folder) {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                      let node = (try? Yams.compose(yaml: text)) ?? nil, let root = node.mapping else { continue }
                if let macros = root["macros"]?.mapping {
                    for (key, value) in macros {
                        if let name = key.string { definitions.append((name, value.string ?? "", RuleLoader.location(key, path))) }
                    }
                }
                if case .sequence(let seq)? = root["rules"] {
                    // Every written pattern counts, disabled or broken rules included.
                    patterns.append(contentsOf: seq.compactMap { $0.mapping?["pattern"]?.string })
                }
            }
        }
        let bodies = Dictionary(definitions.map { ($0.name, $0.body) }, uniquingKeysWith: { _, last in last })
        var used = Set<String>()
        var queue = patterns.flatMap(RuleLinter.macroReferences)
        while let name = queue.popLast() {
            guard used.insert(name).inserted, let body = bodies[name] else { continue }
            queue.append(contentsOf: RuleLinter.macroReferences(body))
        }
        return definitions.filter { !used.contains($0.name) }.map {
            RuleProblem(.warning, $0.location, "macro '\($0.name)' is never used")
        }
    }

    /// Names of `{{MACRO}}` references in a pattern (lexicon references `{{@x}}` left out).
    static func macroReferences(_ pattern: String) -> [String] {
        var names: [String] = []
        var rest = Substring(pattern)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.hasPrefix("@"), !name.isEmpty, !name.contains("{") { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }
}
