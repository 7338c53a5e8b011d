import Foundation
import PCRE2Kit
import Yams

/// Loads rule folders: `*.yml`/`*.yaml` rule files and `lexicons/*.txt` word lists.
///
/// Problems never abort loading: each is recorded with file, line and column, and the rule it
/// concerns is left out.
public struct RuleLoader {
    /// The newest rule-file schema this engine reads.
    public static let schemaVersion = 1
    static let fileKeys: Set<String> = ["schema", "macros", "rules", "description"]
    static let ruleKeys: Set<String> = ["id", "phase", "priority", "description", "pattern", "flags", "set",
                                        "inside_quotes", "message", "examples", "enabled", "prefilter", "filter", "headings",
                                        "barrier", "speech_turn", "encloses", "enclosed", "min_per_document"]
    static let exampleKeys: Set<String> = ["match", "no_match", "gap", "expect", "note"]
    static let settingKeys: Set<String> = ["kind", "stance", "speaker_type", "channel", "speaker", "via", "signal",
                                           "role", "content", "quantity", "relays", "content_start"]
    static let flagNames: Set<String> = ["caseless", "dotall", "multiline", "no_extended"]

    /// Rule IDs to leave out (from a project file).
    public var disabled: Set<String>

    public init(disabled: Set<String> = []) { self.disabled = disabled }

    /// Loads every folder in order (defaults first, then the user's).
    public func load(folders: [String], extraAliases: [String: String] = [:]) -> RuleSet {
        var problems: [RuleProblem] = []
        var lexicons: [String: [String]] = [:]
        var lexiconFiles: [String: String] = [:]
        var entities = EntityLexicon()
        var yamlFiles: [String] = []
        let fm = FileManager.default
        for folder in folders {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
                problems.append(RuleProblem(.error, SourceLocation(file: folder, line: 0), "rule folder does not exist"))
                continue
            }
            let lexDir = (folder as NSString).appendingPathComponent("lexicons")
            for name in ((try? fm.contentsOfDirectory(atPath: lexDir)) ?? []).sorted() where name.hasSuffix(".txt") {
                let path = (lexDir as NSString).appendingPathComponent(name)
                let lexName = String(name.dropLast(4))
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    problems.append(RuleProblem(.error, SourceLocation(file: path, line: 0), "lexicon is not readable UTF-8 text"))
                    continue
                }
                let entries = RuleLoader.lexiconEntries(text)
                // In patterns, an alias lexicon stands for every name on its lines, canonical and aliases.
                let isAliasList = lexName == "aliases" || lexName == "outlets"
                lexicons[lexName, default: []].append(contentsOf: isAliasList ? entries.flatMap { RuleLoader.aliasLineNames($0.text) } : entries.map(\.text))
                lexiconFiles[lexName] = path
                if isAliasList {
                    RuleLoader.readAliases(entries, isOutlet: lexName == "outlets", into: &entities, file: path, problems: &problems)
                }
            }
            yamlFiles.append(contentsOf: RuleLoader.yamlFiles(in: folder))
        }
        // First pass: parse files and collect macros, so any file may use any macro.
        var parsed: [(path: String, root: Node.Mapping, text: String)] = []
        var macros: [String: (body: String, location: SourceLocation)] = [:]
        for path in yamlFiles {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                problems.append(RuleProblem(.error, SourceLocation(file: path, line: 0), "rule file is not readable UTF-8 text"))
                continue
            }
            let node: Node?
            do { node = try Yams.compose(yaml: text) } catch {
                problems.append(RuleLoader.yamlProblem(error, file: path))
                continue
            }
            guard let root = node?.mapping else {
                problems.append(RuleProblem(.error, SourceLocation(file: path, line: 1), "a rule file is a mapping with 'schema', 'macros' and 'rules'"))
                continue
            }
            for (key, value) in root {
                let k = key.string ?? ""
                if !RuleLoader.fileKeys.contains(k) {
                    problems.append(RuleProblem(.error, RuleLoader.location(key, path), "unknown key '\(k)'\(RuleLoader.suggestion(k, RuleLoader.fileKeys))"))
                }
                if k == "schema", let v = value.int, v > RuleLoader.schemaVersion {
                    problems.append(RuleProblem(.error, RuleLoader.location(value, path), "rule file schema \(v) is newer than this engine (reads schema \(RuleLoader.schemaVersion)); update attest"))
                }
            }
            if let v = root["schema"]?.int, v > RuleLoader.schemaVersion { continue }
            if let m = root["macros"]?.mapping {
                for (key, value) in m {
                    guard let name = key.string, let body = value.string else { continue }
                    if macros[name] != nil {
                        problems.append(RuleProblem(.warning, RuleLoader.location(key, path), "macro '\(name)' redefined; the later definition wins"))
                    }
                    macros[name] = (body, RuleLoader.location(value, path))
                }
            }
            parsed.append((path, root, text))
        }
        let expander = PatternExpander(macros: macros.mapValues(\.body), lexicons: lexicons)
        var rules: [Rule] = []
        var seen: [String: SourceLocation] = [:]
        var order = 0
        for (path, root, text) in parsed {
            guard let list = root["rules"] else { continue }
            guard case .sequence(let seq) = list else {
                problems.append(RuleProblem(.error, RuleLoader.location(list, path), "'rules' must be a list"))
                continue
            }
            let fileLines = FileLines(text)
            for item in seq {
                guard let map = item.mapping else {
                    problems.append(RuleProblem(.error, RuleLoader.location(item, path), "each rule is a mapping with at least 'id', 'phase' and 'pattern'"))
                    continue
                }
                order += 1
                if let rule = buildRule(map, node: item, path: path, fileLines: fileLines, expander: expander,
                                        order: order, seen: &seen, problems: &problems) {
                    rules.append(rule)
                }
            }
        }
        for (alias, canonical) in extraAliases { entities.canonicalByAlias[EntityLexicon.fold(alias)] = canonical }
        let prefilter = RuleLoader.buildPrefilter(lexicons: lexicons)
        let ruleSet = RuleSet(rules: rules, lexicons: lexicons, macros: macros.mapValues(\.body), entities: entities,
                              problems: problems, folders: folders, prefilter: prefilter)
        RuleLoader.compileJIT(ruleSet)
        return ruleSet
    }

    /// JIT-compiles the patterns that run: every rule's, the distinct cue filters and the prefilter
    /// (a filter that duplicates another, or of a phase that runs no filters, is never matched). The
    /// patterns are independent, so they compile in parallel; this is most of the start-up time.
    static func compileJIT(_ ruleSet: RuleSet) {
        let contentStanceFilters = ruleSet.rules(.contentStance).compactMap(\.cueFilter)
        let patterns = ruleSet.rules.map(\.compiled) + ruleSet.cueFilters + contentStanceFilters + (ruleSet.prefilter.map { [$0] } ?? [])
        // Largest first, so one long compile does not finish last on its own.
        let bySize = patterns.sorted { $0.source.utf8.count > $1.source.utf8.count }
        DispatchQueue.concurrentPerform(iterations: bySize.count) { bySize[$0].compileJIT() }
    }

    private func buildRule(_ map: Node.Mapping, node: Node, path: String, fileLines: FileLines, expander: PatternExpander,
                           order: Int, seen: inout [String: SourceLocation], problems: inout [RuleProblem]) -> Rule? {
        let here = RuleLoader.location(node, path)
        var ok = true
        for (key, _) in map {
            let k = key.string ?? ""
            if !RuleLoader.ruleKeys.contains(k) {
                problems.append(RuleProblem(.error, RuleLoader.location(key, path), rule: map["id"]?.string,
                                            "unknown key '\(k)'\(RuleLoader.suggestion(k, RuleLoader.ruleKeys))"))
                ok = false
            }
        }
        guard let id = map["id"]?.string, !id.isEmpty else {
            problems.append(RuleProblem(.error, here, "rule without an 'id'"))
            return nil
        }
        if let first = seen[id] {
            problems.append(RuleProblem(.error, here, rule: id, "duplicate rule id (first defined at \(first))"))
            return nil
        }
        seen[id] = here
        if disabled.contains(id) || map["enabled"]?.bool == false { return nil }
        guard let phaseName = map["phase"]?.string, let phase = RulePhase(rawValue: phaseName) else {
            let given = map["phase"]?.string ?? "(none)"
            problems.append(RuleProblem(.error, map["phase"].map { RuleLoader.location($0, path) } ?? here, rule: id,
                                        "unknown phase '\(given)'; one of \(RulePhase.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        guard let patternNode = map["pattern"], let pattern = patternNode.string, !pattern.isEmpty else {
            problems.append(RuleProblem(.error, here, rule: id, "rule has no 'pattern'"))
            return nil
        }
        var settings: [String: String] = [:]
        if let set = map["set"]?.mapping {
            for (key, value) in set {
                let k = key.string ?? ""
                if !RuleLoader.settingKeys.contains(k) {
                    problems.append(RuleProblem(.error, RuleLoader.location(key, path), rule: id,
                                                "unknown key 'set.\(k)'\(RuleLoader.suggestion(k, RuleLoader.settingKeys))"))
                    ok = false
                }
                settings[k] = value.string ?? ""
            }
        }
        if let start = settings["content_start"], start != "paragraph" {
            problems.append(RuleProblem(.error, here, rule: id, "'set.content_start' must be paragraph"))
            ok = false
        }
        var options: PatternOptions = [.utf, .ucp, .extended]
        for flag in map["flags"]?.array().compactMap(\.string) ?? [] {
            switch flag {
            case "caseless": options.insert(.caseless)
            case "dotall": options.insert(.dotAll)
            case "multiline": options.insert(.multiline)
            case "no_extended": options.remove(.extended)
            default:
                problems.append(RuleProblem(.error, RuleLoader.location(patternNode, path), rule: id,
                                            "unknown flag '\(flag)'; one of \(RuleLoader.flagNames.sorted().joined(separator: ", "))"))
                ok = false
            }
        }
        if phase == .statement || phase == .hedge { options.insert(.useOffsetLimit) }
        let expansion = expander.expand(pattern)
        for failure in expansion.failures {
            let loc = RuleLoader.patternLocation(patternNode, offset: failure.offset, path: path, fileLines: fileLines.lines)
            problems.append(RuleProblem(.error, loc, rule: id, failure.message))
            ok = false
        }
        let compiled: CompiledPattern
        do {
            compiled = try CompiledPattern(expansion.text, options: options, jit: false)
        } catch let error as PatternCompileError {
            let rawOffset = expansion.rawOffset(forExpanded: error.offset)
            let loc = RuleLoader.patternLocation(patternNode, offset: rawOffset, path: path, fileLines: fileLines.lines)
            problems.append(RuleProblem(.error, loc, rule: id, "pattern does not compile: \(error.message)"))
            return nil
        } catch {
            problems.append(RuleProblem(.error, here, rule: id, "pattern does not compile: \(error)"))
            return nil
        }
        if phase == .statement && compiled.groupNumbers["cue"] == nil {
            problems.append(RuleProblem(.error, RuleLoader.location(patternNode, path), rule: id, "a statement rule needs a named group 'cue'"))
            ok = false
        }
        let message = map["message"]?.string
        if let message {
            for placeholder in RuleLoader.placeholders(message) where compiled.groupNumbers[placeholder] == nil {
                problems.append(RuleProblem(.error, RuleLoader.location(map["message"] ?? node, path), rule: id,
                                            "message placeholder {\(placeholder)} is not a named group of the pattern"))
                ok = false
            }
        }
        // The filter: written by the author (`filter:`, a pattern every match of the rule contains), or
        // the rule's mandatory cue group.
        var cueFilter: CompiledPattern? = nil
        if let filterNode = map["filter"] {
            if let filterText = filterNode.string, !filterText.isEmpty {
                let filterExpansion = expander.expand(filterText)
                for failure in filterExpansion.failures {
                    problems.append(RuleProblem(.error, RuleLoader.location(filterNode, path), rule: id, "filter: " + failure.message))
                    ok = false
                }
                do { cueFilter = try CompiledPattern(filterExpansion.text, options: RuleLoader.filterOptions(options), jit: false) } catch {
                    problems.append(RuleProblem(.error, RuleLoader.location(filterNode, path), rule: id, "filter does not compile: \(error)"))
                    ok = false
                }
            } else {
                problems.append(RuleProblem(.error, RuleLoader.location(filterNode, path), rule: id, "'filter' must be a non-empty pattern"))
                ok = false
            }
        } else {
            cueFilter = RuleLoader.cueFilter(expansion.text, options: options)
        }
        var barrier: [[UInt8]] = []
        if let barrierNode = map["barrier"] {
            let characters = barrierNode.string ?? ""
            barrier = characters.unicodeScalars.map { Array(String($0).utf8) }
            if barrier.isEmpty || characters.unicodeScalars.contains(where: { "()".unicodeScalars.contains($0) }) {
                problems.append(RuleProblem(.error, RuleLoader.location(barrierNode, path), rule: id,
                                            "'barrier' must be a non-empty string of characters other than parentheses"))
                ok = false
            } else if cueFilter == nil {
                problems.append(RuleProblem(.error, RuleLoader.location(barrierNode, path), rule: id,
                                            "'barrier' needs a filter: a mandatory cue group or a 'filter' key"))
                ok = false
            }
        }
        let enclosure = RuleLoader.choice(map, "enclosed", true: Rule.Enclosure.byEnclosingRules, false: .never,
                                          word: "any", .byAnyStatement, absent: .byEnclosingRules, rule: id, path: path, problems: &problems, ok: &ok)
        let headings = RuleLoader.choice(map, "headings", true: Rule.HeadingReading.only, false: .body,
                                         word: "also", .also, absent: .body, rule: id, path: path, problems: &problems, ok: &ok)
        var minPerDocument = 1
        if let node = map["min_per_document"] {
            if let n = node.int, n >= 1 {
                minPerDocument = n
            } else {
                problems.append(RuleProblem(.error, RuleLoader.location(node, path), rule: id, "'min_per_document' must be a whole number of at least 1"))
                ok = false
            }
        }
        let examples = readExamples(map["examples"], ruleID: id, path: path, problems: &problems, ok: &ok)
        if examples.isEmpty {
            problems.append(RuleProblem(.warning, here, rule: id, "rule has no examples; add sentences that must and must not match"))
        }
        guard ok else { return nil }
        return Rule(id: id, phase: phase, priority: map["priority"]?.int ?? 0, description: map["description"]?.string ?? "",
                    pattern: pattern, expandedPattern: expansion.text, compiled: compiled, settings: settings,
                    insideQuotes: map["inside_quotes"]?.bool ?? false, message: message, examples: examples,
                    location: here, order: order, usesPrefilter: map["prefilter"]?.bool ?? true,
                    cueFilter: cueFilter, headings: headings, barrier: barrier,
                    speechTurn: map["speech_turn"]?.bool ?? false,
                    enclosesContent: map["encloses"]?.bool ?? false, enclosure: enclosure, minPerDocument: minPerDocument)
    }

    /// The value of a key that takes `true`, `false` or one `word`. Any other value is an error at
    /// the key's line, and gives the `absent` value.
    static func choice<Value>(_ map: Node.Mapping, _ key: String, true whenTrue: Value, false whenFalse: Value,
                              word: String, _ whenWord: Value, absent: Value, rule id: String, path: String,
                              problems: inout [RuleProblem], ok: inout Bool) -> Value {
        guard let node = map[key] else { return absent }
        if let value = node.bool { return value ? whenTrue : whenFalse }
        if node.string == word { return whenWord }
        problems.append(RuleProblem(.error, RuleLoader.location(node, path), rule: id, "'\(key)' must be true, false or \(word)"))
        ok = false
        return absent
    }

    private func readExamples(_ node: Node?, ruleID: String, path: String, problems: inout [RuleProblem], ok: inout Bool) -> [RuleExample] {
        guard let node else { return [] }
        guard case .sequence(let seq) = node else {
            problems.append(RuleProblem(.error, RuleLoader.location(node, path), rule: ruleID, "'examples' must be a list"))
            ok = false
            return []
        }
        var examples: [RuleExample] = []
        for item in seq {
            let loc = RuleLoader.location(item, path)
            guard let map = item.mapping else {
                problems.append(RuleProblem(.error, loc, rule: ruleID, "an example is a mapping: {match: ..., expect: {...}} or {no_match: ...}"))
                ok = false
                continue
            }
            for (key, _) in map where !RuleLoader.exampleKeys.contains(key.string ?? "") {
                let k = key.string ?? ""
                problems.append(RuleProblem(.error, RuleLoader.location(key, path), rule: ruleID,
                                            "unknown key '\(k)' in example\(RuleLoader.suggestion(k, RuleLoader.exampleKeys))"))
                ok = false
            }
            var expect: [String: String?] = [:]
            if let e = map["expect"]?.mapping {
                for (key, value) in e {
                    if let k = key.string { expect[k] = value.null != nil || value.string == "~" ? .some(nil) : value.string }
                }
            }
            if let text = map["match"]?.string {
                examples.append(RuleExample(kind: .match, text: text, expect: expect, location: loc))
            } else if let text = map["no_match"]?.string {
                examples.append(RuleExample(kind: .noMatch, text: text, expect: [:], location: loc))
            } else if let text = map["gap"]?.string {
                examples.append(RuleExample(kind: .gap, text: text, expect: expect, location: loc))
            } else {
                problems.append(RuleProblem(.error, loc, rule: ruleID, "example needs 'match', 'no_match' or 'gap'"))
                ok = false
            }
        }
        return examples
    }

    // MARK: - Helpers

    /// Rule files in a folder (recursive, sorted), leaving out the lexicons folder.
    static func yamlFiles(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        for case let relative as String in walker {
            if relative.hasPrefix("lexicons") { continue }
            let lower = relative.lowercased()
            if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") {
                let name = (relative as NSString).lastPathComponent
                if name == "attest.yml" || name == "attest.yaml" { continue }
                files.append((folder as NSString).appendingPathComponent(relative))
            }
        }
        return files.sorted()
    }

    /// Lexicon lines: `#` starts a comment, blank lines are ignored.
    static func lexiconEntries(_ text: String) -> [(text: String, line: Int)] {
        var out: [(String, Int)] = []
        for (i, raw) in text.components(separatedBy: "\n").enumerated() {
            var line = raw
            if let hash = line.range(of: " #") { line = String(line[..<hash.lowerBound]) }
            if line.hasPrefix("#") { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { out.append((trimmed, i + 1)) }
        }
        return out
    }

    /// The names on a `Canonical Name [type] = alias | alias` line: the canonical name, then the aliases.
    static func aliasLineNames(_ text: String) -> [String] {
        let parts = text.components(separatedBy: "=")
        var head = parts[0]
        if let open = head.firstIndex(of: "[") { head = String(head[..<open]) }
        let aliases = parts.count == 2 ? parts[1].components(separatedBy: "|") : []
        return ([head] + aliases).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `Canonical Name [type] = alias | alias` lines.
    static func readAliases(_ entries: [(text: String, line: Int)], isOutlet: Bool, into entities: inout EntityLexicon,
                            file: String, problems: inout [RuleProblem]) {
        for (text, line) in entries {
            let parts = text.components(separatedBy: "=")
            var head = parts[0].trimmingCharacters(in: .whitespaces)
            var type: String? = isOutlet ? "outlet" : nil
            if let open = head.firstIndex(of: "["), let close = head.firstIndex(of: "]"), open < close {
                type = String(head[head.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
                head = String(head[..<open]).trimmingCharacters(in: .whitespaces)
            }
            if head.isEmpty {
                problems.append(RuleProblem(.error, SourceLocation(file: file, line: line), "alias line without a canonical name"))
                continue
            }
            if parts.count > 2 {
                problems.append(RuleProblem(.error, SourceLocation(file: file, line: line), "alias line has more than one '='"))
                continue
            }
            let aliases = parts.count == 2 ? parts[1].components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
            entities.canonicalByAlias[EntityLexicon.fold(head)] = head
            for alias in aliases { entities.canonicalByAlias[EntityLexicon.fold(alias)] = head }
            if let type { entities.typeByName[head] = type }
            if isOutlet || type == "outlet" {
                entities.outlets.insert(EntityLexicon.fold(head))
                for alias in aliases { entities.outlets.insert(EntityLexicon.fold(alias)) }
            }
        }
    }

    /// The rule's mandatory `cue` group as a pattern of its own, or nil when the group may be
    /// skipped or does not compile alone (it calls a subroutine defined elsewhere, say). Inline
    /// caseless or dot-all settings anywhere in the rule widen the filter, so it never rejects a
    /// sentence the rule could match. Optional groups that open the cue ("did not" before "say")
    /// are left out of the filter: it then passes the same sentences at a lower cost.
    static func cueFilter(_ pattern: String, options: PatternOptions) -> CompiledPattern? {
        let extended = options.contains(.extended)
        guard let body = RequiredGroup.text(ofGroup: "cue", in: pattern, extended: extended) else { return nil }
        var filterOptions = RuleLoader.filterOptions(options)
        let patternBytes = Array(pattern.utf8)
        if RequiredGroup.contains("(?i", in: patternBytes) { filterOptions.insert(.caseless) }
        if RequiredGroup.contains("(?s", in: patternBytes) { filterOptions.insert(.dotAll) }
        let shorter = RequiredGroup.withoutOptionalPrefixes(body, extended: extended)
        if shorter != body, let filter = try? CompiledPattern(shorter, options: filterOptions, jit: false) { return filter }
        return try? CompiledPattern(body, options: filterOptions, jit: false)
    }

    /// A filter compiles with its rule's options, less the offset limit (only the rule's own search is limited).
    static func filterOptions(_ options: PatternOptions) -> PatternOptions {
        var filterOptions = options
        filterOptions.remove(.useOffsetLimit)
        return filterOptions
    }

    /// Lexicons whose words make up the cue prefilter.
    public static let prefilterLexicons = ["speech-verbs", "that-verbs", "inverted-verbs", "cue-words"]

    /// The cue prefilter: the speech-verb and cue-word lexicons as one caseless alternation.
    static func buildPrefilter(lexicons: [String: [String]]) -> CompiledPattern? {
        let words = prefilterLexicons.flatMap { lexicons[$0] ?? [] }
        guard !words.isEmpty else { return nil }
        return try? CompiledPattern(prefilterPattern(words), options: [.utf, .ucp, .caseless], jit: false)
    }

    /// The prefilter's regular expression text (also what the benchmark hands to pcre2grep).
    public static func prefilterPattern(_ words: [String]) -> String {
        "\\b(?:" + PatternExpander.alternation(words) + ")"
    }

    static func placeholders(_ message: String) -> [String] {
        var names: [String] = []
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static func location(_ node: Node, _ path: String) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    /// File location of a byte offset inside a pattern scalar (block scalars start on the next line).
    static func patternLocation(_ node: Node, offset: Int, path: String, fileLines: [String]) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: path, line: 0) }
        let text = node.string ?? ""
        var offset = offset
        // An error at the very end of a block scalar points at the end of its last line.
        while offset > 0, offset >= text.utf8.count - 1, Array(text.utf8)[offset - 1] == 10 { offset -= 1 }
        let prefix = String(decoding: Array(text.utf8).prefix(max(0, offset)), as: UTF8.self)
        let lineIndex = prefix.filter { $0 == "\n" }.count
        let column = prefix.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.count } ?? 0
        if case .scalar(let scalar) = node, scalar.style == .literal || scalar.style == .folded {
            let fileLine = mark.line + 1 + lineIndex
            let lineText = fileLine - 1 < fileLines.count ? fileLines[fileLine - 1] : ""
            let indent = lineText.prefix { $0 == " " }.count
            return SourceLocation(file: path, line: fileLine, column: indent + column + 1)
        }
        var quoted = 0
        if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted { quoted = 1 }
        return SourceLocation(file: path, line: mark.line + lineIndex, column: (lineIndex == 0 ? mark.column + quoted : 1) + column)
    }

    static func yamlProblem(_ error: Error, file: String) -> RuleProblem {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                let ctx = context.map { "\($0.text) " } ?? ""
                return RuleProblem(.error, SourceLocation(file: file, line: mark.line, column: mark.column), "YAML syntax error: \(ctx)\(problem)")
            default: break
            }
        }
        return RuleProblem(.error, SourceLocation(file: file, line: 1), "YAML error: \(error)")
    }

    /// " (did you mean 'x'?)" for a near miss among known keys.
    static func suggestion(_ key: String, _ known: Set<String>) -> String {
        var best: (name: String, distance: Int)? = nil
        for name in known.sorted() {
            let d = editDistance(key, name)
            if d < (best?.distance ?? Int.max) { best = (name, d) }
        }
        if let best, best.distance <= 2 { return " (did you mean '\(best.name)'?)" }
        return "; known keys: \(known.sorted().joined(separator: ", "))"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var row = Array(0...y.count)
        for i in 1...x.count {
            var prev = row[0]
            row[0] = i
            for j in 1...y.count {
                let cur = row[j]
                let substitution: Int = prev + (x[i - 1] == y[j - 1] ? 0 : 1)
                let best: Int = Swift.min(row[j] + 1, row[j - 1] + 1)
                row[j] = Swift.min(best, substitution)
                prev = cur
            }
        }
        return row[y.count]
    }
}

/// A rule file's lines, split only when a problem needs a column (most loads report none).
final class FileLines {
    private let text: String
    /// The lines, split at "\n" on first use.
    lazy var lines: [String] = text.components(separatedBy: "\n")

    init(_ text: String) { self.text = text }
}
