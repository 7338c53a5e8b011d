import ArgumentParser
import AttestCore
import AttestReports
import Foundation
import PCRE2Kit

/// `attest rules lint|test|show|run`: tools for people who write rules.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Lint, test and inspect extraction rules.",
        subcommands: [RulesLintCommand.self, RulesTestCommand.self, RulesShowCommand.self, RulesRunCommand.self]
    )
}

/// Rule folders named on the command line, and what loading them gives.
struct LoadedRules {
    var set: RuleSet
    /// The folders named as arguments, normalised (no trailing slash); empty when none.
    var focus: [String]
    var projectProblems: [RuleProblem]

    /// Loads defaults (unless `--no-default-rules`), the project's and `--rules` folders, then `dirs`.
    static func load(_ options: RuleOptions, dirs: [String]) throws -> LoadedRules {
        let fm = FileManager.default
        for dir in dirs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                throw ValidationError("\(dir): not a rule folder")
            }
        }
        var options = options
        options.ruleFolders += dirs
        let set = try options.load(corpusRoots: [], quiet: true)
        let focus = dirs.map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        return LoadedRules(set: set, focus: focus, projectProblems: RuleFolders.project(roots: []).problems)
    }

    /// Whether a file lies in one of the focus folders (always true without focus).
    func inFocus(_ file: String) -> Bool {
        focus.isEmpty || focus.contains { file == $0 || file.hasPrefix($0 + "/") }
    }
}

struct RulesLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check rule folders: keys, patterns, references, examples, catastrophic backtracking, lexicons.",
        discussion: "Without folders, checks every loaded rule. With folders, loads the defaults too (for their macros and lexicons) but reports the problems of the named folders, plus errors anywhere. Exit status: 0 clean (warnings allowed), 2 errors."
    )

    @Argument(help: "Rule folders to check (default: every loaded folder).")
    var dirs: [String] = []

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: LintFormat = .text

    enum LintFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let loaded = try LoadedRules.load(ruleOptions, dirs: dirs)
        let all = loaded.projectProblems + RuleLinter(rules: loaded.set).lint()
        let problems = all.filter { loaded.inFocus($0.location.file) || $0.severity == .error }
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        switch format {
        case .text:
            var out = problems.map { $0.description + "\n" }.joined()
            let checked = loaded.set.rules.filter { loaded.inFocus($0.location.file) }.count
            out += "\(checked) rules checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
            FileHandle.standardOutput.write(Data(out.utf8))
        case .json:
            let items: [JSONValue] = problems.map { p in
                .object([("file", .string(p.location.file)), ("line", .int(p.location.line)), ("column", .int(p.location.column)),
                         ("severity", .string(p.severity.rawValue)), ("rule", .optional(p.ruleID)), ("message", .string(p.message))])
            }
            let doc: JSONValue = .object([("errors", .int(errors)), ("warnings", .int(warnings)), ("problems", .array(items))])
            FileHandle.standardOutput.write(Data((doc.render() + "\n").utf8))
        }
        if errors > 0 { throw ExitCode(2) }
    }
}

struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's examples: must match (with expected fields), must not match, known gaps.",
        discussion: "Prints one line per rule and a summary line 'N passed, N failed' (', N gaps' when there are known gaps). With folders, tests only the rules from those folders. Exit status: 0 all pass, 1 an example failed, 2 rules failed to load."
    )

    @Argument(help: "Rule folders whose rules to test (default: every loaded rule).")
    var dirs: [String] = []

    @OptionGroup var ruleOptions: RuleOptions

    @Flag(name: .shortAndLong, help: "Also list every passing example.")
    var verbose = false

    func run() throws {
        let loaded = try LoadedRules.load(ruleOptions, dirs: dirs)
        let loadErrors = (loaded.projectProblems + loaded.set.problems).filter { $0.severity == .error }
        for problem in loadErrors { Stderr.print("attest: \(problem)") }
        let report = RuleTester(rules: loaded.set).run { loaded.inFocus($0.location.file) }
        var out = ""
        for result in report.results {
            let rule = result.rule
            let counts = "\(result.count(.passed)) passed" + (result.count(.failed) > 0 ? ", \(result.count(.failed)) failed" : "")
                + (result.count(.gap) + result.count(.gapFixed) > 0 ? ", \(result.count(.gap) + result.count(.gapFixed)) gaps" : "")
            out += "\(result.passed ? "PASS" : "FAIL") \(rule.id) (\(counts))\n"
            for e in result.examples {
                let where_ = e.example.location.description
                switch e.status {
                case .failed:
                    out += "  \(where_): \(e.example.kind.rawValue) failed: \(quoted(e.example.text))\n      \(e.detail)\n"
                case .gap:
                    out += "  \(where_): gap (known, not failing): \(quoted(e.example.text))\n"
                case .gapFixed:
                    out += "  \(where_): gap now handled, consider making it a match: \(quoted(e.example.text))\n"
                case .passed:
                    if verbose { out += "  \(where_): \(e.example.kind.rawValue) ok: \(quoted(e.example.text))\n" }
                }
            }
        }
        // A rule that did not load has no examples to run: the summary says so, or the count would
        // look clean.
        let unloaded = loadErrors.isEmpty ? "" : ", \(loadErrors.count) load error\(loadErrors.count == 1 ? "" : "s") (rules left out, see above)"
        out += report.summary + unloaded + "\n"
        FileHandle.standardOutput.write(Data(out.utf8))
        if report.failed > 0 { throw ExitCode(1) }
        if !loadErrors.isEmpty { throw ExitCode(2) }
    }
}

struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a rule: where it is, its phase and priority, its fully expanded pattern and its examples."
    )

    @Argument(help: "The rule ID.")
    var id: String

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let rules = try ruleOptions.load(quiet: true)
        guard let rule = rules.rule(id: id) else { throw ValidationError(unknownRuleMessage(id, rules)) }
        var out = "\(rule.id)\n"
        out += "  file:      \(rule.location.file):\(rule.location.line)\n"
        out += "  phase:     \(rule.phase.rawValue)\n"
        out += "  priority:  \(rule.priority)\n"
        if !rule.description.isEmpty { out += "  about:     \(rule.description)\n" }
        if !rule.settings.isEmpty {
            out += "  set:       " + rule.settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "\n"
        }
        if rule.insideQuotes { out += "  inside_quotes: true\n" }
        if !rule.usesPrefilter { out += "  prefilter: false\n" }
        switch rule.headings {
        case .only: out += "  headings:  true\n"
        case .also: out += "  headings:  also\n"
        case .body: break
        }
        if !rule.barrier.isEmpty {
            out += "  barrier:   " + rule.barrier.map { String(decoding: $0, as: UTF8.self) }.joined() + "\n"
        }
        if let message = rule.message { out += "  message:   \(message)\n" }
        let groups = rule.compiled.groupNumbers.sorted { $0.value < $1.value }.map(\.key)
        out += "  groups:    \(groups.isEmpty ? "(none)" : groups.joined(separator: ", "))\n"
        out += "pattern as written:\n" + indent(rule.pattern.trimmingCharacters(in: .newlines)) + "\n"
        out += "expanded pattern (\(rule.expandedPattern.utf8.count) bytes, extended mode unless no_extended):\n"
        out += indent(rule.expandedPattern.trimmingCharacters(in: .newlines)) + "\n"
        if let filter = rule.cueFilter {
            out += "cue filter (the rule's filter key, or its cue group without the optional parts that open it; the rule runs only where it matches, and its matches start before the last one ends):\n"
            out += indent(filter.source.trimmingCharacters(in: .newlines)) + "\n"
        } else if [.statement, .hedge].contains(rule.phase) {
            out += "cue filter: none (the cue group is optional, inside an alternation, or does not compile alone)\n"
        }
        out += "examples:\n"
        for e in rule.examples {
            out += "  \(e.kind.rawValue): \(quoted(e.text))\n"
            if !e.expect.isEmpty {
                out += "    expect: " + e.expect.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.map(quoted) ?? "~")" }.joined(separator: ", ") + "\n"
            }
        }
        if rule.examples.isEmpty { out += "  (none)\n" }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

struct RulesRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one rule over a file and print its raw matches with line numbers and named groups.",
        discussion: "The rule runs on each sentence, as the extractor runs it, but without the prefilter, overlap resolution or quotation check: use 'attest explain' to see those."
    )

    @Argument(help: "The rule ID.")
    var id: String

    @Argument(help: "The file to run it on (.txt, .md, .html, .jsonl).")
    var file: String

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let rules = try ruleOptions.load(quiet: true)
        guard let rule = rules.rule(id: id) else { throw ValidationError(unknownRuleMessage(id, rules)) }
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("\(file): no such file") }
        let extractor = Extractor(rules: rules)
        let scratch = MatchScratch()
        var out = ""
        var total = 0
        for doc in DocumentLoader().load(path: file) {
            if doc.status != .ok { Stderr.print("attest: \(doc.path): skipped: \(doc.error ?? "")"); continue }
            let text = UTF8Text(doc.text)
            let seg = extractor.segmenter.segment(doc.text)
            let names = rule.compiled.groupNumbers.sorted { $0.value < $1.value }.map(\.key)
            for sentence in seg.sentences {
                let subject = text.sentenceSlice(sentence.range)
                let found: [PatternMatch]
                do { found = try rule.compiled.allMatches(in: subject, scratch: scratch) } catch {
                    out += "\(doc.path):\(sentence.line): match limit reached: \(error)\n"
                    continue
                }
                for m in found {
                    total += 1
                    let line = sentence.line + subject.bytes[0..<m.range.lowerBound].filter { $0 == 10 }.count
                    out += "\(doc.path):\(line): \(quoted(Extractor.fold(subject[m.range])))\n"
                    for name in names {
                        if let r = m.range(named: name) { out += "    \(name) = \(quoted(Extractor.fold(subject[r])))\n" }
                    }
                }
            }
        }
        out += "\(total) match\(total == 1 ? "" : "es") of \(rule.id)\n"
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

/// "no rule 'x'" with the nearest IDs.
func unknownRuleMessage(_ id: String, _ rules: RuleSet) -> String {
    let near = rules.rules.map(\.id).filter { $0.contains(id) || id.contains($0) }.prefix(5)
    return "no rule '\(id)'" + (near.isEmpty ? "; 'attest rules test' lists every rule" : " (did you mean \(near.joined(separator: ", "))?)")
}

func quoted(_ s: String) -> String { "'" + s + "'" }

func indent(_ s: String, by prefix: String = "    ") -> String {
    s.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
}
