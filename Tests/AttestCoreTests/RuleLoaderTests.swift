import XCTest
@testable import AttestCore

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

    func testLexiconExpansionIsLongestFirstAndEscaped() {
        let alt = PatternExpander.alternation(["said", "said to", "U.S."])
        XCTAssertEqual(alt, #"said\s+to|U\.S\.|said"#)
    }
}
