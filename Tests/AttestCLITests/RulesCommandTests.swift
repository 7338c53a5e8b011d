import Foundation
import XCTest

/// End-to-end tests of `attest rules lint|test|show|run` and `attest explain` on the built binary.
final class RulesCommandTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: attestBinary.path), "build attest first (swift build)")
    }

    let brokenFile = "Tests/Fixtures/broken-rules/broken.yml"
    let interview = "“It was a mistake,” Lin Jian quipped in an interview with the Financial Times."

    func fixtureLine(_ needle: String) throws -> Int {
        let lines = try String(contentsOf: repoRoot.appendingPathComponent(brokenFile), encoding: .utf8).components(separatedBy: "\n")
        return try XCTUnwrap(lines.firstIndex { $0.contains(needle) }, needle) + 1
    }

    func testLintBrokenFolderGivesOneMessagePerProblemAndExitsTwo() throws {
        let result = try runAttest(["rules", "lint", "Tests/Fixtures/broken-rules"])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        let mine = result.stdout.split(separator: "\n").filter { $0.hasPrefix(brokenFile + ":") }
        XCTAssertEqual(mine.count, 4, result.stdout)
        for (needle, rule, text) in [("priorty:", "broken-typo-key", "did you mean 'priority'?"),
                                     ("muttered", "broken-bad-regex", "missing closing parenthesis"),
                                     ("grumble-verbs", "broken-missing-lexicon", "unknown lexicon 'grumble-verbs'"),
                                     ("id: broken-catastrophic", "broken-catastrophic", "backtracks catastrophically")] {
            let line = try fixtureLine(needle)
            let hits = mine.filter { $0.hasPrefix("\(brokenFile):\(line):") && $0.contains("error: [\(rule)]") && $0.contains(text) }
            XCTAssertEqual(hits.count, 1, "\(rule) at line \(line):\n\(result.stdout)")
        }
    }

    func testLintJSONFormat() throws {
        let result = try runAttest(["rules", "lint", "--format", "json", "Tests/Fixtures/broken-rules"])
        XCTAssertEqual(result.status, 2)
        let json = try jsonObject(result.stdout)
        let problems = try XCTUnwrap(json["problems"] as? [[String: Any]])
        let mine = problems.filter { $0["file"] as? String == brokenFile }
        XCTAssertEqual(mine.count, 4)
        XCTAssertEqual(Set(mine.compactMap { $0["rule"] as? String }),
                       ["broken-typo-key", "broken-bad-regex", "broken-missing-lexicon", "broken-catastrophic"])
        XCTAssertTrue(mine.allSatisfy { ($0["line"] as? Int ?? 0) > 0 && $0["severity"] as? String == "error" })
    }

    func testTestBrokenFolderReportsTheFailingExampleAndExitsOne() throws {
        let result = try runAttest(["rules", "test", "Tests/Fixtures/broken-rules"])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        let line = try fixtureLine("Lin Jian whispered")
        XCTAssertTrue(result.stdout.contains("FAIL broken-failing-example"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\(brokenFile):\(line):"), result.stdout)
        XCTAssertTrue(result.stdout.contains("speaker: expected 'Song Wendi', got 'Lin Jian'"), result.stdout)
        // The fixture's rules that do not compile or load are counted in the summary, not passed over.
        XCTAssertTrue(result.stdout.split(separator: "\n").contains("1 passed, 1 failed, 3 load errors (rules left out, see above)"),
                      result.stdout)
        XCTAssertTrue(result.stderr.contains("does not compile"), result.stderr)
    }

    func testTestNewcomerFolderPasses() throws {
        let result = try runAttest(["rules", "test", "Tests/Fixtures/newcomer-rules"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("PASS quote-then-speaker-interview-with"), result.stdout)
        XCTAssertEqual(result.stdout.split(separator: "\n").last, "3 passed, 0 failed")
    }

    func testShowPrintsTheExpandedPattern() throws {
        let result = try runAttest(["rules", "show", "quote-then-speaker-interview-with", "--rules", "Tests/Fixtures/newcomer-rules"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Tests/Fixtures/newcomer-rules/interviews.yml:5"), result.stdout)
        XCTAssertTrue(result.stdout.contains("phase:     statement"), result.stdout)
        XCTAssertTrue(result.stdout.contains("priority:  65"), result.stdout)
        let expanded = try XCTUnwrap(result.stdout.components(separatedBy: "expanded pattern").last?.components(separatedBy: "examples:").first)
        XCTAssertFalse(expanded.contains("{{"), "macros and lexicons are expanded")
        XCTAssertTrue(expanded.contains("quipped"), "the newcomer's lexicon entry is merged into speech-verbs")
        XCTAssertTrue(result.stdout.contains("match: '\(interview)'"), result.stdout)
        // A default speaker-first rule shows its barrier and the filter it runs behind.
        let speakerFirst = try runAttest(["rules", "show", "speaker-cue-content"])
        XCTAssertEqual(speakerFirst.status, 0, speakerFirst.stderr)
        XCTAssertTrue(speakerFirst.stdout.contains("barrier:   ;:“”\""), speakerFirst.stdout)
        XCTAssertTrue(speakerFirst.stdout.contains("cue filter (the rule's filter key"), speakerFirst.stdout)
        let missing = try runAttest(["rules", "show", "no-such-rule"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("no rule 'no-such-rule'"), missing.stderr)
    }

    func testRunPrintsMatchesWithLinesAndGroups() throws {
        let dir = try temporaryFolder(self)
        let file = dir.appendingPathComponent("a.txt")
        try "The talks went on.\n\n\(interview)\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try runAttest(["rules", "run", "quote-then-speaker-interview-with", file.path, "--rules", "Tests/Fixtures/newcomer-rules"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\(file.path):3: '\(interview)'"), result.stdout)
        XCTAssertTrue(result.stdout.contains("    via = 'Financial Times'"), result.stdout)
        XCTAssertTrue(result.stdout.contains("1 match of quote-then-speaker-interview-with"), result.stdout)
    }

    func testExplainShowsWinnersLosersAndStatements() throws {
        let sentence = "“This is a truce, not a peace,” Song Wendi, a researcher at the Atlantic Council, told reporters."
        let result = try runAttest(["explain", sentence])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("+ quote-then-speaker-cue (statement, priority 60): accepted"), result.stdout)
        XCTAssertTrue(result.stdout.contains("lost an overlap to quote-then-speaker-cue"), result.stdout)
        XCTAssertTrue(result.stdout.contains("speaker = 'Song Wendi'"), result.stdout)
        XCTAssertTrue(result.stdout.contains("statements:\n    [quote-then-speaker-cue] Song Wendi"), result.stdout)
    }

    func testExplainFileLineAndTheNewcomerRule() throws {
        let dir = try temporaryFolder(self)
        let file = dir.appendingPathComponent("a.txt")
        try "The talks went on.\n\n\(interview)\n".write(to: file, atomically: true, encoding: .utf8)
        let before = try runAttest(["explain", "\(file.path):3"])
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertTrue(before.stdout.contains("Sentence 2 (line 3)"), before.stdout)
        XCTAssertFalse(before.stdout.contains("quote-then-speaker-interview-with"), before.stdout)
        let after = try runAttest(["explain", "\(file.path):3", "--rules", "Tests/Fixtures/newcomer-rules"])
        XCTAssertTrue(after.stdout.contains("+ quote-then-speaker-interview-with (statement, priority 65): accepted"), after.stdout)
        XCTAssertTrue(after.stdout.contains("via: 'Financial Times'"), after.stdout)
    }

    func testNewcomerFolderChangesAnalyzeOutputWithoutRebuild() throws {
        let dir = try temporaryFolder(self)
        let file = dir.appendingPathComponent("a.txt")
        try "Trade talks resumed in Geneva.\n\n\(interview)\n".write(to: file, atomically: true, encoding: .utf8)
        func statements(_ extra: [String]) throws -> [[String: Any]] {
            let result = try runAttest(["analyze", file.path, "--format", "json"] + extra)
            XCTAssertEqual(result.status, 0, result.stderr)
            return try XCTUnwrap(try jsonObject(result.stdout)["statements"] as? [[String: Any]])
        }
        let before = try statements([])
        XCTAssertFalse(before.contains { $0["rule"] as? String == "quote-then-speaker-interview-with" })
        XCTAssertFalse(before.contains { $0["via"] as? String == "Financial Times" })
        let after = try statements(["--rules", "Tests/Fixtures/newcomer-rules"])
        let mine = try XCTUnwrap(after.first { $0["rule"] as? String == "quote-then-speaker-interview-with" }, "\(after)")
        XCTAssertEqual(mine["via"] as? String, "Financial Times")
        XCTAssertEqual(mine["channel"] as? String, "interview")
        XCTAssertEqual(mine["cue"] as? String, "quipped")
        XCTAssertEqual(mine["content"] as? String, "It was a mistake")
    }

    func testProfileRulesPrintsATablePerRule() throws {
        let dir = try temporaryFolder(self)
        let file = dir.appendingPathComponent("a.txt")
        try "\(interview)\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try runAttest(["analyze", file.path, "--profile-rules", "--rules", "Tests/Fixtures/newcomer-rules"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("rule profile"), result.stderr)
        XCTAssertTrue(result.stderr.contains("limit hits"), result.stderr)
        XCTAssertTrue(result.stderr.contains("quote-then-speaker-interview-with"), result.stderr)
    }
}
