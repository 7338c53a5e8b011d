import Foundation
import XCTest

final class AnalyzeCommandTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: attestBinary.path), "build attest first (swift build)")
    }

    let goodArticle = """
    Port Strike Talks Stall
    Union leader Nadia Brandt said on Monday that members would stay off work until pay talks resumed.
    “We are not moving until the offer changes,” she told reporters at a rally.
    The port’s spokesman declined to comment on the dispute.
    """

    func testBadInputFolderIsAccountedForAndGoodArticleStillAnalysed() throws {
        let dir = try temporaryFolder(self)
        try Data(Array("Plain start ".utf8) + [0xFF, 0xFE, 0x41]).write(to: dir.appendingPathComponent("latin1.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]).write(to: dir.appendingPathComponent("image.txt"))
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        try Data(repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024).write(to: dir.appendingPathComponent("huge.txt"))
        try "<html><body><p>The spokesman said the water was safe.<div><p>unclosed <b>tags".write(to: dir.appendingPathComponent("broken.html"), atomically: true, encoding: .utf8)
        try goodArticle.write(to: dir.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)

        let result = try runAttest(["analyze", dir.path, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try jsonObject(result.stdout)
        let documents = try XCTUnwrap(json["documents"] as? [[String: Any]])
        func doc(_ name: String) throws -> [String: Any] { try XCTUnwrap(documents.first { ($0["path"] as? String)?.hasSuffix("/" + name) == true }, name) }
        XCTAssertEqual(documents.count, 6)
        for (name, reason) in [("latin1.txt", "invalid UTF-8 at byte offset 12"), ("image.txt", "binary file"),
                               ("empty.txt", "empty file"), ("huge.txt", "above the 16.0 MiB limit")] {
            let d = try doc(name)
            XCTAssertEqual(d["status"] as? String, "skipped", name)
            XCTAssertTrue((d["error"] as? String)?.contains(reason) == true, "\(name): \(d["error"] ?? "nil")")
            XCTAssertTrue(result.stderr.contains(name) && result.stderr.contains(reason), "stderr names \(name): \(result.stderr)")
        }
        XCTAssertEqual(try doc("broken.html")["status"] as? String, "ok")
        XCTAssertEqual(try doc("good.txt")["status"] as? String, "ok")
        let statements = try XCTUnwrap(json["statements"] as? [[String: Any]])
        let speakers = statements.compactMap { ($0["speaker"] as? [String: Any])?["name"] as? String }
        XCTAssertTrue(speakers.contains("Nadia Brandt"), "\(speakers)")
        XCTAssertTrue(statements.contains { ($0["document"] as? String)?.hasSuffix("broken.html") == true }, "broken HTML still yields its statement")

        let strict = try runAttest(["analyze", dir.path, "--format", "json", "--strict", "-o", dir.appendingPathComponent("out.json").path])
        XCTAssertEqual(strict.status, 1, "--strict fails on skipped documents")
    }

    func testJSONFollowsTheResultContract() throws {
        let result = try runAttest(["analyze", "-", "--format", "json"], stdin: goodArticle)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try jsonObject(result.stdout)
        XCTAssertEqual((json["tool"] as? [String: Any])?["name"] as? String, "attest")
        let statements = try XCTUnwrap(json["statements"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(statements.count, 3)
        let text = goodArticle
        for s in statements {
            for key in ["id", "document", "sentence", "span", "line", "speaker", "cue", "content", "kind", "stance", "via", "channel", "date", "rule"] {
                XCTAssertTrue(s.keys.contains(key), "missing \(key)")
            }
            XCTAssertTrue(["direct", "indirect", "mixed"].contains(s["kind"] as? String ?? ""))
            XCTAssertTrue(["assert", "confirm", "deny", "not-confirm", "hedged"].contains(s["stance"] as? String ?? ""))
            let span = try XCTUnwrap(s["span"] as? [String: Int])
            let bytes = Array(text.utf8)
            let start = try XCTUnwrap(span["start"]), end = try XCTUnwrap(span["end"])
            XCTAssertEqual(String(decoding: bytes[start..<end], as: UTF8.self), s["sentence"] as? String, "span is a UTF-8 byte range of the sentence")
        }
        let quote = try XCTUnwrap(statements.first { ($0["kind"] as? String) == "direct" })
        XCTAssertEqual((quote["speaker"] as? [String: Any])?["name"] as? String, "Nadia Brandt", "pronoun resolved")
        XCTAssertEqual(quote["channel"] as? String, "rally")
        let declined = try XCTUnwrap(statements.first { ($0["cue"] as? String)?.contains("declined") == true })
        XCTAssertEqual(declined["stance"] as? String, "not-confirm")
    }

    func testJSONLinesAndTextFormats() throws {
        let lines = try runAttest(["analyze", "-", "--format", "jsonl", "--no-claims"], stdin: goodArticle)
        let records = lines.stdout.split(separator: "\n")
        XCTAssertGreaterThanOrEqual(records.count, 3)
        for r in records { XCTAssertEqual(try jsonObject(String(r))["record"] as? String, "statement") }
        let text = try runAttest(["analyze", "-"], stdin: goodArticle)
        XCTAssertTrue(text.stdout.contains("Nadia Brandt"))
        XCTAssertTrue(text.stdout.contains("-:2"), "file:line in the text report")
        XCTAssertFalse(text.stdout.contains("\u{1B}["), "no colour codes when not on a terminal")
    }

    func testStreamedJSONLinesMatchTheInMemoryResultOverAWholeCorpus() throws {
        // `--format jsonl --no-claims` keeps statements on disk while it runs; what it writes must be
        // the statements of the in-memory JSON result: same order, ids and canonical names.
        let dir = try temporaryFolder(self)
        let out = dir.appendingPathComponent("streamed.jsonl").path
        let streamed = try runAttest(["analyze", "corpora/rare-earths", "--format", "jsonl", "--no-claims", "-o", out])
        XCTAssertEqual(streamed.status, 0, streamed.stderr)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map { try jsonObject(String($0)) }
        let whole = try runAttest(["analyze", "corpora/rare-earths", "--format", "json", "--no-claims"])
        let statements = try XCTUnwrap(try jsonObject(whole.stdout)["statements"] as? [[String: Any]])
        XCTAssertGreaterThan(statements.count, 20)
        XCTAssertEqual(lines.count, statements.count)
        for (line, statement) in zip(lines, statements) {
            XCTAssertEqual(line["id"] as? String, statement["id"] as? String)
            XCTAssertEqual(line["sentence"] as? String, statement["sentence"] as? String)
            XCTAssertEqual((line["speaker"] as? [String: Any])?["name"] as? String, (statement["speaker"] as? [String: Any])?["name"] as? String)
            XCTAssertEqual(line["content"] as? String, statement["content"] as? String)
        }
        // A one-word name in one document takes the full name used elsewhere in the corpus.
        XCTAssertTrue(lines.contains { ($0["speaker"] as? [String: Any])?["name"] as? String == "Donald Trump" })
    }

    func testProfileRulesTimesTheRulesOfTheRunItself() throws {
        let result = try runAttest(["analyze", "-", "--format", "jsonl", "--no-claims", "--profile-rules"], stdin: goodArticle)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("rule profile"), result.stderr)
        let row = try XCTUnwrap(result.stderr.split(separator: "\n").first { $0.hasPrefix("speaker-cue-content ") })
        let fields = row.split(separator: " ")
        XCTAssertGreaterThan(Int(fields[3]) ?? 0, 0, "it ran on some sentences: \(row)")
        XCTAssertGreaterThan(Int(fields[4]) ?? 0, 0, "and matched: \(row)")
        let filterRow = try XCTUnwrap(result.stderr.split(separator: "\n").first { $0.hasPrefix("(filter) speaker-cue-content") })
        XCTAssertGreaterThan(Int(filterRow.split(separator: " ").dropFirst(4).first ?? "") ?? 0, 0, "the filter ran: \(filterRow)")
    }

    func testBrokenUserRuleIsReportedWithFileLineAndTheRunGoesOn() throws {
        let dir = try temporaryFolder(self)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lexicons"), withIntermediateDirectories: true)
        try "schema: 1\nrules:\n  - id: bad-one\n    phase: statement\n    pattern: '(?<cue>said'\n".write(to: dir.appendingPathComponent("mine.yml"), atomically: true, encoding: .utf8)
        let result = try runAttest(["analyze", "-", "--rules", dir.path], stdin: goodArticle)
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("mine.yml:5:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("[bad-one] pattern does not compile"), result.stderr)
        XCTAssertTrue(result.stdout.contains("Nadia Brandt"))
    }

    func testRulesAreFoundWhenRunFromAnotherFolder() throws {
        let dir = try temporaryFolder(self)
        let result = try runAttest(["analyze", "-", "--format", "json"], stdin: goodArticle, directory: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(try XCTUnwrap(try jsonObject(result.stdout)["statements"] as? [[String: Any]]).isEmpty)
    }

    func testBundledCorpusYieldsStatementsFromEveryFormat() throws {
        let result = try runAttest(["analyze", "corpora/rare-earths", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try jsonObject(result.stdout)
        let documents = try XCTUnwrap(json["documents"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(documents.count, 6)
        XCTAssertTrue(documents.allSatisfy { $0["status"] as? String == "ok" })
        let statements = try XCTUnwrap(json["statements"] as? [[String: Any]])
        for suffix in [".txt", ".md", ".html", ".jsonl#pw-0613"] {
            XCTAssertTrue(statements.contains { ($0["document"] as? String)?.hasSuffix(suffix) == true }, "no statement from a \(suffix) document")
        }
    }
}
