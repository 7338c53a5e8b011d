import XCTest
@testable import AttestCore

final class RuleLinterTests: XCTestCase {
    let broken = repositoryRoot.appendingPathComponent("Tests/Fixtures/broken-rules").path
    let newcomer = repositoryRoot.appendingPathComponent("Tests/Fixtures/newcomer-rules").path
    var brokenFile: String { broken + "/broken.yml" }

    /// The 1-based line of the fixture that contains `needle`.
    func line(of needle: String) throws -> Int {
        let lines = try String(contentsOfFile: brokenFile, encoding: .utf8).components(separatedBy: "\n")
        return try XCTUnwrap(lines.firstIndex { $0.contains(needle) }, needle) + 1
    }

    func testBrokenFolderGivesOnePreciseMessagePerProblem() throws {
        let rules = RuleLoader().load(folders: [broken])
        let problems = RuleLinter(rules: rules).lint()
        XCTAssertEqual(problems.count, 4, problems.map(\.description).joined(separator: "\n"))
        func one(_ rule: String, line expected: Int, _ text: String, file: StaticString = #filePath, lineNumber: UInt = #line) {
            let found = problems.filter { $0.ruleID == rule }
            XCTAssertEqual(found.count, 1, "\(rule): \(found)", file: file, line: lineNumber)
            guard let p = found.first else { return }
            XCTAssertEqual(p.severity, .error, file: file, line: lineNumber)
            XCTAssertEqual(p.location.file, brokenFile, file: file, line: lineNumber)
            XCTAssertEqual(p.location.line, expected, p.description, file: file, line: lineNumber)
            XCTAssertTrue(p.message.contains(text), p.description, file: file, line: lineNumber)
        }
        one("broken-typo-key", line: try line(of: "priorty:"), "unknown key 'priorty' (did you mean 'priority'?)")
        one("broken-bad-regex", line: try line(of: "muttered"), "pattern does not compile: missing closing parenthesis")
        one("broken-missing-lexicon", line: try line(of: "grumble-verbs"), "unknown lexicon 'grumble-verbs'")
        one("broken-catastrophic", line: try line(of: "id: broken-catastrophic"), "backtracks catastrophically")
        // The compile error points inside the pattern, not at the start of the line.
        XCTAssertGreaterThan(problems.first { $0.ruleID == "broken-bad-regex" }?.location.column ?? 0, 10)
    }

    func testBrokenFolderFailingExampleIsReportedAtItsLine() throws {
        let rules = RuleLoader().load(folders: [broken])
        let report = RuleTester(rules: rules).run()
        XCTAssertEqual(report.failed, 1, report.summary)
        XCTAssertEqual(report.summary, "1 passed, 1 failed")
        let failure = try XCTUnwrap(report.results.flatMap(\.examples).first { $0.status == .failed })
        XCTAssertEqual(failure.example.location.file, brokenFile)
        XCTAssertEqual(failure.example.location.line, try line(of: "Lin Jian whispered"))
        XCTAssertEqual(failure.detail, "speaker: expected 'Song Wendi', got 'Lin Jian'")
    }

    func testNewcomerFolderLintsCleanAndItsExamplesPass() {
        let rules = RuleLoader().load(folders: [repositoryRoot.appendingPathComponent("rules").path, newcomer])
        let mine = RuleLinter(rules: rules).lint().filter { $0.location.file.hasPrefix(newcomer) }
        XCTAssertTrue(mine.isEmpty, mine.map(\.description).joined(separator: "\n"))
        let report = RuleTester(rules: rules).run { $0.location.file.hasPrefix(self.newcomer) }
        XCTAssertEqual(report.summary, "3 passed, 0 failed",
                       report.results.flatMap(\.examples).map { "\($0.status): \($0.example.text) \($0.detail)" }.joined(separator: "\n"))
    }

    func testDuplicateLexiconEntriesAndUnusedMacrosAreWarnings() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attest-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lexicons"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# verbs\ngrumbled\nmoaned\ngrumbled\n".write(to: dir.appendingPathComponent("lexicons/moan-verbs.txt"), atomically: true, encoding: .utf8)
        try """
        schema: 1
        macros:
          USED: '\\p{Lu}\\p{Ll}+'
          UNUSED: 'x+'
        rules:
          - id: moan
            phase: statement
            pattern: '(?<speaker>{{USED}})\\s+(?<cue>{{@moan-verbs}})\\s+(?<content>.+)'
            examples:
              - match: 'Lin moaned about it.'
        """.write(to: dir.appendingPathComponent("moan.yml"), atomically: true, encoding: .utf8)
        let problems = RuleLinter(rules: RuleLoader().load(folders: [dir.path])).lint()
        XCTAssertEqual(problems.count, 2, problems.map(\.description).joined(separator: "\n"))
        let duplicate = try XCTUnwrap(problems.first { $0.message.contains("duplicate lexicon entry 'grumbled'") })
        XCTAssertEqual(duplicate.severity, .warning)
        XCTAssertTrue(duplicate.location.file.hasSuffix("lexicons/moan-verbs.txt"))
        XCTAssertEqual(duplicate.location.line, 4)
        let unused = try XCTUnwrap(problems.first { $0.message == "macro 'UNUSED' is never used" })
        XCTAssertEqual(unused.severity, .warning)
        XCTAssertEqual(unused.location.line, 4)
    }

    func testNestedQuantifierIsAnErrorAndLinearPatternIsNot() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attest-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        schema: 1
        rules:
          - id: nested
            phase: signal
            pattern: '^(\\w+\\s?)*$'
            examples: [{match: 'a b'}]
          - id: linear
            phase: signal
            pattern: '^\\w+$'
            examples: [{match: 'ab'}]
        """.write(to: dir.appendingPathComponent("r.yml"), atomically: true, encoding: .utf8)
        let problems = RuleLinter(rules: RuleLoader().load(folders: [dir.path])).backtrackingProblems()
        XCTAssertEqual(problems.map(\.ruleID), ["nested"])
        XCTAssertEqual(problems.first?.location.line, 3)
    }
}
