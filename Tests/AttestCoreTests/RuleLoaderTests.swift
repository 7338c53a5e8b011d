import XCTest
@testable import AttestCore
import PCRE2Kit

final class RuleLoaderTests: XCTestCase {
    func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attest-rl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lexicons"), withIntermediateDirectories: true)
        for (name, body) in files { try body.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testBadRegexIsReportedAtFileLineAndColumnOfTheYAML() throws {
        let dir = try folder(["bad.yml": """
        schema: 1
        rules:
          - id: broken
            phase: statement
            pattern: |
              (?<speaker>\\w+)\\s+
              (?<cue>said(
            examples:
              - no_match: 'x'
        """])
        let set = RuleLoader().load(folders: [dir.path])
        let problem = try XCTUnwrap(set.problems.first { $0.ruleID == "broken" })
        XCTAssertEqual(problem.location.line, 7)
        XCTAssertEqual(problem.location.column, 19)
        XCTAssertTrue(problem.message.contains("does not compile"), problem.message)
        XCTAssertTrue(set.rules.isEmpty)
    }

    func testTypoKeyUnknownLexiconAndNewerSchemaAreReported() throws {
        let dir = try folder([
            "a.yml": "schema: 1\nrules:\n  - id: r1\n    phase: statement\n    priorty: 3\n    pattern: '(?<cue>{{@no-such-list}})'\n",
            "b.yml": "schema: 9\nrules: []\n",
        ])
        let set = RuleLoader().load(folders: [dir.path])
        let messages = set.problems.map(\.description)
        XCTAssertTrue(messages.contains { $0.contains("a.yml:5:5") && $0.contains("unknown key 'priorty' (did you mean 'priority'?)") }, messages.joined(separator: "\n"))
        XCTAssertTrue(messages.contains { $0.contains("a.yml:6") && $0.contains("unknown lexicon 'no-such-list'") }, messages.joined(separator: "\n"))
        XCTAssertTrue(messages.contains { $0.contains("b.yml:1") && $0.contains("newer than this engine") }, messages.joined(separator: "\n"))
    }

    func testYAMLSyntaxErrorNamesLine() throws {
        let dir = try folder(["c.yml": "schema: 1\nrules:\n  - id: x\n    pattern: 'unclosed\n"])
        let set = RuleLoader().load(folders: [dir.path])
        let p = try XCTUnwrap(set.problems.first)
        XCTAssertTrue(p.message.hasPrefix("YAML syntax error"), p.message)
        XCTAssertGreaterThanOrEqual(p.location.line, 4)
    }

    func testLexiconExpansionIsATrieThatPrefersTheLongestEntryAndEscapes() throws {
        let alt = PatternExpander.alternation(["said", "said to", "U.S.", "say", "stated"])
        // Shared prefixes are factored ("sa" once), and a shorter entry is an optional tail.
        XCTAssertEqual(alt, #"(?:s(?:a(?:id(?:\s+to)?|y)|tated)|U\.S\.)"#)
        let pattern = try CompiledPattern("(?:\(alt))")
        let scratch = MatchScratch()
        let long = try XCTUnwrap(pattern.firstMatch(in: UTF8Text("she said  to him"), scratch: scratch))
        XCTAssertEqual(long.range, 4..<12, "the longer entry wins, and its space matches any run of white space")
        XCTAssertNil(try pattern.firstMatch(in: UTF8Text("UxSx"), scratch: scratch), "dots are literal")
        XCTAssertNotNil(try pattern.firstMatch(in: UTF8Text("they say so"), scratch: scratch))
    }

    func testCueGroupBecomesAFilterOnlyWhenEveryMatchNeedsIt() {
        func cue(_ pattern: String) -> String? { RequiredGroup.text(ofGroup: "cue", in: pattern, extended: true) }
        XCTAssertEqual(cue(#"(?<speaker>\w+)\s+(?<cue>said|told)\s+(?<content>.+)"#), "said|told")
        XCTAssertEqual(cue(#"(?:(?<speaker>\w+)\s+)(?<cue>said(?:\s+that)?)"#), #"said(?:\s+that)?"#, "nested groups and a class stay whole")
        XCTAssertNil(cue(#"(?<speaker>\w+)\s+(?<cue>said)?"#), "an optional cue filters nothing")
        XCTAssertNil(cue(#"(?<cue>said)\s+\w+|according\s+to\s+\w+"#), "a top-level alternative can match without the cue")
        XCTAssertNil(cue(#"(?:x|(?<cue>said))"#), "inside an alternation")
        XCTAssertNil(cue(#"(?=(?<cue>said))\w+"#), "inside a lookaround")
        XCTAssertNil(cue(#"(?:(?<cue>said)\s+)*x"#), "inside a group that may repeat zero times")
        XCTAssertNil(cue(#"(?:(?<cue>said)\s+) {0,2} x"#), "a zero-minimum count after white space in extended mode")
        XCTAssertEqual(cue(#"[(|]\s*(?<cue>said\)) # a comment with ( and |\n x"#), #"said\)"#, "brackets, escapes and comments are skipped")
        XCTAssertNil(cue(#"\w+ (?<other>said)"#), "no cue group")
    }

    func testCueFilterLeavesOutOptionalGroupsThatOpenAnAlternative() throws {
        func shorter(_ body: String) -> String { RequiredGroup.withoutOptionalPrefixes(body, extended: true) }
        XCTAssertEqual(shorter(#"(?:did\s+not\s+)?(?:said|told)"#), "(?:said|told)")
        XCTAssertEqual(shorter(#"(?:not\s+)(?:deny)|(?:did\s+not\s+)? (?:said|told)"#), #"(?:not\s+)(?:deny)| (?:said|told)"#,
                       "only optional groups go, alternative by alternative")
        XCTAssertEqual(shorter(#"(?:a\s+)?+(?:b\s+){0,2}?said"#), "said", "possessive, lazy and counted repeats from zero")
        XCTAssertEqual(shorter(#"(?:said)?"#), "(?:said)?", "an alternative never becomes empty")
        XCTAssertEqual(shorter(#"(?<neg>not\s+)?said\k<neg>"#), #"(?<neg>not\s+)?said\k<neg>"#, "back references keep the group")
        XCTAssertEqual(shorter(#"[(]?said|\(?told"#), #"[(]?said|\(?told"#, "a class or an escaped parenthesis is no group")
        // The rule's own cue filter drops the optional negation, and finds the same sentences.
        let dir = try folder(["r.yml": """
        schema: 1
        rules:
          - id: neg-cue
            phase: statement
            pattern: '(?<speaker>\\p{Lu}\\w+)\\s+(?<cue>(?:did\\s+not\\s+)?(?:say|said))\\s+(?<content>.+)'
            examples:
              - match: 'Ana did not say much.'
        """])
        let set = RuleLoader().load(folders: [dir.path])
        let rule = try XCTUnwrap(set.rule(id: "neg-cue"), "\(set.problems)")
        XCTAssertEqual(rule.cueFilter?.source, "(?:say|said)")
        let docs = [Document(id: "", path: "t.txt", format: .text, bytes: 0, text: "Ana did not say much. Ana said little. Ana left.")]
        XCTAssertEqual(Analyzer(rules: set).analyze(documents: docs).statements.map(\.cue), ["did not say", "said"])
    }

    func testBarrierWindowsStartAfterTheLastBarrierBeforeEachCue() {
        let bytes = Array(#"“No,” Ana said; Bo (of “X”) said so."#.utf8)
        let barrier = [Array("“".utf8), Array("”".utf8), Array(";".utf8)]
        let said = Array("said".utf8)
        let hits = (0...(bytes.count - said.count)).filter { Array(bytes[$0..<($0 + said.count)]) == said }.map { $0..<($0 + said.count) }
        XCTAssertEqual(hits.count, 2)
        let windows = Extractor.searchWindows(hits, in: bytes, barrier: barrier)
        // The first cue's window starts after the closing quotation mark, the second's after the
        // semicolon: the quotation marks inside the parentheses do not count.
        let closing = Array(#"“No,”"#.utf8).count
        let semicolon = Array(#"“No,” Ana said;"#.utf8).count
        XCTAssertEqual(windows, [closing...hits[0].upperBound, semicolon...hits[1].upperBound])
        XCTAssertEqual(Extractor.searchWindows(hits, in: bytes, barrier: [Array(":".utf8)]), [0...hits[1].upperBound],
                       "without a barrier before them the windows merge from the start")
        let unclosed = Array("“A” (B said".utf8)
        XCTAssertEqual(Extractor.searchWindows([unclosed.count - 4..<unclosed.count], in: unclosed, barrier: barrier), [0...unclosed.count],
                       "an unclosed parenthesis lets the search start at the beginning")
    }

    func testBarrierKeyNeedsAFilterAndNoParentheses() throws {
        let rule = { (id: String, barrier: String, pattern: String) in
            "  - id: \(id)\n    phase: statement\n    barrier: '\(barrier)'\n    pattern: '\(pattern)'\n    examples:\n      - match: 'Ann said hi'\n"
        }
        let dir = try folder(["r.yml": "schema: 1\nrules:\n" + rule("ok", "“”;", #"(?<speaker>\p{Lu}\w+)\s+(?<cue>said)\s+(?<content>\w+)"#)
                                + rule("no-filter", ";", #"(?<speaker>\p{Lu}\w+)\s+(?<cue>said)?\s*(?<content>\w+)"#)
                                + rule("parenthesis", "(", #"(?<speaker>\p{Lu}\w+)\s+(?<cue>said)\s+(?<content>\w+)"#)])
        let set = RuleLoader().load(folders: [dir.path])
        XCTAssertEqual(try XCTUnwrap(set.rule(id: "ok")).barrier, [Array("“".utf8), Array("”".utf8), Array(";".utf8)])
        XCTAssertNil(set.rule(id: "no-filter"))
        XCTAssertNil(set.rule(id: "parenthesis"))
        XCTAssertEqual(set.problems.filter { $0.message.contains("barrier") }.count, 2, "\(set.problems)")
        // The speaker after a quotation is still found; a speaker inside it is not searched for.
        let docs = [Document(id: "", path: "t.txt", format: .text, bytes: 0, text: "“Bo said no,” Ann said yes.")]
        XCTAssertEqual(Analyzer(rules: set).analyze(documents: docs).statements.map(\.speaker.mention), ["Ann"])
    }

    func testEnclosingRuleDropsStatementsWhoseCueLiesInItsContent() throws {
        let rule = { (id: String, keys: String, pattern: String) in
            "  - id: \(id)\n    phase: statement\n    priority: 50\n\(keys)    pattern: '\(pattern)'\n    examples:\n      - match: 'Ann said hi'\n"
        }
        let dir = try folder(["r.yml": "schema: 1\nrules:\n"
                                + rule("source", "    encloses: true\n", #"^(?<content>.+?),\s+(?<cue>per)\s+(?<speaker>\p{Lu}\w+)(?:,\s+(?<content2>.+))?"#)
                                + rule("said", "", #"(?<speaker>\p{Lu}\w+)\s+(?<cue>said)\s+(?<content>\w.*)"#)
                                + rule("cited", "    enclosed: false\n", #"(?<speaker>\p{Lu}\w+)\s+(?<cue>cited)\s+(?<content>\w+)"#)
                                + rule("thinks", "    enclosed: any\n", #"(?<speaker>\p{Lu}\w+)\s+(?<cue>thinks)\s+(?<content>\w+)"#)
                                + rule("typo", "    enclosed: maybe\n", #"(?<speaker>\p{Lu}\w+)\s+(?<cue>hopes)\s+(?<content>\w+)"#)])
        let set = RuleLoader().load(folders: [dir.path])
        XCTAssertEqual(set.rules.count, 4, "\(set.problems)")
        XCTAssertEqual(set.problems.filter { $0.message.contains("'enclosed'") }.count, 1, "\(set.problems)")
        XCTAssertEqual(set.rule(id: "source")?.enclosesContent, true)
        XCTAssertEqual(set.rule(id: "cited")?.enclosure, .never)
        let analyze = { (text: String) in
            Analyzer(rules: set).analyze(documents: [Document(id: "", path: "t.txt", format: .text, bytes: 0, text: text)])
                .statements.map(\.rule).sorted()
        }
        XCTAssertEqual(analyze("Ann said hi, per Bo."), ["source"], "the source stands for the statement it reports")
        XCTAssertEqual(analyze("Ann cited rules, per Bo."), ["cited", "source"], "enclosed: false keeps the inner statement")
        XCTAssertEqual(analyze("Ann said hi, per Bo, and left."), ["said", "source"], "a source in the middle encloses nothing")
        XCTAssertEqual(analyze("Ann said hi."), ["said"])
        XCTAssertEqual(analyze("Ann said Bo thinks so."), ["said"], "enclosed: any gives way to any statement that holds its cue")
        XCTAssertEqual(analyze("Bo thinks so."), ["thinks"])
    }

    func testMinPerDocumentKeepsARuleOnlyWhereItFindsEnough() throws {
        let rule = { (id: String, keys: String) in
            "  - id: \(id)\n    phase: statement\n    prefilter: false\n\(keys)"
                + "    pattern: '^(?<speaker>(?<cue>\\p{Lu}\\w+)):\\s+(?<content>.+)'\n    examples:\n      - match: 'Ann: hi'\n"
        }
        let dir = try folder(["r.yml": "schema: 1\nrules:\n"
                                + rule("turns", "    min_per_document: 2\n")
                                + rule("zero", "    min_per_document: 0\n")])
        let set = RuleLoader().load(folders: [dir.path])
        XCTAssertEqual(set.rule(id: "turns")?.minPerDocument, 2)
        XCTAssertNil(set.rule(id: "zero"))
        XCTAssertTrue(set.problems.contains { $0.message.contains("'min_per_document' must be a whole number of at least 1") }, "\(set.problems)")
        let speakers = { (text: String) in
            Analyzer(rules: set).analyze(documents: [Document(id: "", path: "t.txt", format: .text, bytes: 0, text: text)])
                .statements.map(\.speaker.mention)
        }
        XCTAssertEqual(speakers("Ann: we won.\n\nBo: we lost."), ["Ann", "Bo"])
        XCTAssertEqual(speakers("Update: we won."), [], "one find is fewer than the rule needs")
    }

    func testHeadingsAlsoReadsBareHeadingsAndContentStartTakesTheParagraph() throws {
        let rule = { (id: String, keys: String) in
            "  - id: \(id)\n    phase: statement\n    prefilter: false\n\(keys)"
                + "    pattern: '(?:(?<content>.*?\\S)\\s+)?(?<cue>~)\\s*(?<speaker>\\p{Lu}\\w+)\\s+\\(@\\w+\\)'\n"
                + "    examples:\n      - match: 'Hi ~ Ann (@ann)'\n"
        }
        let dir = try folder(["r.yml": "schema: 1\nrules:\n"
                                + rule("sig", "    headings: also\n    set: {content_start: paragraph}\n")
                                + rule("body", "")
                                + rule("bad-headings", "    headings: sometimes\n")
                                + rule("bad-start", "    set: {content_start: sentence}\n")])
        let set = RuleLoader().load(folders: [dir.path])
        XCTAssertEqual(set.rule(id: "sig")?.headings, .also)
        XCTAssertEqual(set.rule(id: "body")?.headings, .body)
        XCTAssertNil(set.rule(id: "bad-headings"))
        XCTAssertNil(set.rule(id: "bad-start"))
        XCTAssertTrue(set.problems.contains { $0.message.contains("'headings' must be true, false or also") }, "\(set.problems)")
        XCTAssertTrue(set.problems.contains { $0.message.contains("'set.content_start' must be paragraph") }, "\(set.problems)")
        // A signature line without final punctuation reads like a heading: only `headings: also`
        // reads it. Its content runs from the start of the paragraph, past a markup tag.
        let text = "The vote was close.\n\n<post id=\"1\">We won. Thanks to all ~ Ann (@ann)\n"
        let statements = Analyzer(rules: set).analyze(documents: [Document(id: "", path: "t.txt", format: .text, bytes: 0, text: text)]).statements
        XCTAssertEqual(statements.map(\.rule), ["sig"])
        XCTAssertEqual(statements.first?.content, "We won. Thanks to all")
        XCTAssertEqual(statements.first?.speaker.mention, "Ann")
    }

    func testRuleSetSharesOneFilterAmongRulesWithTheSameCue() throws {
        let rule = { (id: String, pattern: String) in
            "  - id: \(id)\n    phase: statement\n    pattern: '\(pattern)'\n    examples:\n      - match: 'Ann said hi'\n"
        }
        let dir = try folder(["r.yml": "schema: 1\nrules:\n" + rule("a", #"(?<speaker>\p{Lu}\w+)\s+(?<cue>said)\s+(?<content>\w+)"#)
                                + rule("b", #"(?<content>\w+),\s+(?<speaker>\p{Lu}\w+)\s+(?<cue>said)"#)
                                + rule("c", #"(?<cue>said)?\s*(?<speaker>\p{Lu}\w+)"#)])
        let set = RuleLoader().load(folders: [dir.path])
        XCTAssertEqual(set.rules.count, 3, "\(set.problems)")
        XCTAssertEqual(set.cueFilters.count, 1)
        let a = try XCTUnwrap(set.rule(id: "a")), b = try XCTUnwrap(set.rule(id: "b")), c = try XCTUnwrap(set.rule(id: "c"))
        XCTAssertEqual(set.cueFilterIndex[a.order], set.cueFilterIndex[b.order])
        XCTAssertNil(c.cueFilter, "an optional cue gives no filter")
    }

    func testAWrittenFilterReplacesTheCueFilterAndABrokenOneIsReported() throws {
        let dir = try folder(["r.yml": """
        schema: 1
        rules:
          - id: second-verb
            phase: statement
            filter: '\\b(?:and|but)\\s+warned\\b'
            pattern: '(?<speaker>\\p{Lu}\\w+)\\s+said\\s+\\w+\\s+and\\s+(?<cue>warned)\\s+(?<content>.+)'
            examples:
              - match: 'Ana said yes and warned them.'
          - id: broken-filter
            phase: statement
            filter: '(unclosed'
            pattern: '(?<speaker>\\w+)\\s+(?<cue>said)'
            examples:
              - match: 'Ana said.'
        """])
        let set = RuleLoader().load(folders: [dir.path])
        let rule = try XCTUnwrap(set.rule(id: "second-verb"))
        XCTAssertEqual(rule.cueFilter?.source, #"\b(?:and|but)\s+warned\b"#)
        XCTAssertNil(set.rule(id: "broken-filter"))
        let problem = try XCTUnwrap(set.problems.first { $0.ruleID == "broken-filter" })
        XCTAssertTrue(problem.message.contains("filter does not compile"), problem.message)
        XCTAssertEqual(problem.location.line, 11, "the line of the filter key")
        // The filter decides where the rule runs: a sentence without "and warned" is not tried.
        let docs = [Document(id: "", path: "t.txt", format: .text, bytes: 0, text: "Ana said yes and warned them. Ana said yes and left.")]
        let found = Analyzer(rules: set).analyze(documents: docs).statements
        XCTAssertEqual(found.map(\.cue), ["warned"])
    }
}
