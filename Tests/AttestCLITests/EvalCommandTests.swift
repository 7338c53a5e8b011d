import Foundation
import XCTest

final class EvalCommandTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: attestBinary.path), "build attest first (swift build)")
    }

    /// The fixture holds three speech attributions and one belief ("believe"). The default rules
    /// find all three with overlapping speaker and content spans; `shared/eval/score_polnear.py`
    /// gives the same figures on attest's output for it (precision 1.0, recall_speech 1.0,
    /// strict_f1_speech 1.0, the belief not counted against recall): eval must agree.
    func testBratScoresAgreeWithTheReferenceScorer() throws {
        let result = try runAttest(["eval", "--brat", "Tests/Fixtures/brat/ann", "Tests/Fixtures/brat/text", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try jsonObject(result.stdout)
        XCTAssertEqual(json["tp"] as? Int, 3)
        XCTAssertEqual(json["fp"] as? Int, 0)
        XCTAssertEqual(json["precision"] as? Double, 1.0)
        XCTAssertEqual(json["recall"] as? Double, 1.0)
        XCTAssertEqual(json["strict_f1_speech"] as? Double, 1.0)
        let rules = try XCTUnwrap(json["rules"] as? [String: [String: Int]])
        XCTAssertEqual(rules.values.map { $0["tp"] ?? 0 }.reduce(0, +), 3, "per-rule true positives add up")
    }

    /// The fixture's three attributions are all found with the right cue, but the annotator's source
    /// leaves out the relative clause after "Rui Matos" and the content of "The harbour master said"
    /// runs on into the next sentence: lenient 1.0, strict 0.333 (one of three), as
    /// `shared/eval/score_polnear.py` gives on attest's output. Each of the two shows up as a SPAN
    /// line naming the side that failed.
    func testBratListsSpanMismatchesAndAgreesWithTheReferenceScorer() throws {
        let arguments = ["eval", "--brat", "Tests/Fixtures/brat-spans/ann", "Tests/Fixtures/brat-spans/text"]
        let json = try jsonObject(try runAttest(arguments + ["--json"]).stdout)
        XCTAssertEqual(json["f1"] as? Double, 1.0)
        XCTAssertEqual(json["strict_precision"] as? Double, 0.333)
        XCTAssertEqual(json["strict_f1_speech"] as? Double, 0.333)
        XCTAssertEqual(json["span_mismatches"] as? Int, 2)
        XCTAssertEqual(json["span_mismatches_speaker"] as? Int, 1)
        XCTAssertEqual(json["span_mismatches_content"] as? Int, 1)
        let list = try XCTUnwrap(json["span_mismatch_list"] as? [[String: Any]])
        XCTAssertEqual(list.map { $0["location"] as? String }, ["ferry.txt:5", "ferry.txt:7"])
        let speaker = try XCTUnwrap(list.first?["speaker"] as? [String: Any])
        XCTAssertEqual(speaker["gold"] as? String, "Rui Matos")
        XCTAssertEqual(speaker["overlaps"] as? Bool, false)

        let text = try runAttest(arguments)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("span mismatches (right cue, speaker or content span off): 2 (speaker 1, content 1)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("SPAN  ferry.txt:5: speaker ours «Rui Matos, who has driven"), text.stdout)
        XCTAssertTrue(text.stdout.contains("gold «Rui Matos» (F1 0.20) ✗; content ours «We will not pay more» gold «We will not pay more» (F1 1.00) [quote-then-cue-speaker]"), text.stdout)
        XCTAssertTrue(text.stdout.contains("SPAN  ferry.txt:7: speaker ours «The harbour master» gold «The harbour master» (F1 1.00); content ours «the ferries would run» gold «the ferries would run. Not all of them"), text.stdout)
        XCTAssertTrue(text.stdout.contains("(F1 0.40) ✗ [speaker-cue-content]"), text.stdout)
    }

    /// Statement gold gives a `mention` and a `content_key`: a match whose mention is not the gold
    /// one (token F1 below 0.5) is a SPAN line too, with the share of key words found for content.
    func testGoldScoringListsSpanMismatches() throws {
        let dir = try temporaryFolder(self)
        try "Mayor Ines Paredes, who has run the city since 2019 and lives by the river, said the reservoir was full.\n"
            .write(to: dir.appendingPathComponent("water.txt"), atomically: true, encoding: .utf8)
        let gold = dir.appendingPathComponent("gold.jsonl")
        try """
        {"doc": "water.txt", "statements": [{"speaker": "Ines Paredes", "mention": "Mayor Ines Paredes", "cue": "said", "sentence_start": "Mayor Ines Paredes, who has ru", "kind": "indirect", "stance": "assert", "content_key": "reservoir full", "via": null}]}
        """.write(to: gold, atomically: true, encoding: .utf8)
        let result = try runAttest(["eval", "--gold", gold.path, dir.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("span mismatches (matched, but mention or content key off): 1 (speaker 1, content 0)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("SPAN  water.txt: Mayor Ines Paredes, who has ru: speaker ours «Mayor Ines Paredes, who has run the city"), result.stdout)
        XCTAssertTrue(result.stdout.contains("gold «Mayor Ines Paredes» (F1 0.33) ✗; content ours «the reservoir was full» gold «reservoir full» (key words 1.00)"), result.stdout)
        let json = try jsonObject(try runAttest(["eval", "--gold", gold.path, dir.path, "--json"]).stdout)
        XCTAssertEqual(json["span_mismatches_speaker"] as? Int, 1)
    }

    func testGoldScoringListsMissesAndFalseFindsWithFileAndLine() throws {
        let dir = try temporaryFolder(self)
        try """
        Mayor Ines Paredes said the reservoir was full.
        The weather was dry all week, the council added.
        """.write(to: dir.appendingPathComponent("water.txt"), atomically: true, encoding: .utf8)
        let gold = dir.appendingPathComponent("gold.jsonl")
        try """
        {"doc": "water.txt", "statements": [{"speaker": "Ines Paredes", "cue": "said", "sentence_start": "Mayor Ines Paredes said the re", "kind": "indirect", "stance": "assert", "via": null}, {"speaker": "Water Board", "cue": "warned", "sentence_start": "Nothing like this sentence", "kind": "indirect", "stance": "assert", "via": null}]}
        """.write(to: gold, atomically: true, encoding: .utf8)
        let result = try runAttest(["eval", "--gold", gold.path, dir.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("precision 0.500  recall 0.500  F1 0.500   (tp 1, fp 1, missed 1)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("MISS  water.txt: Nothing like this sentence"), result.stdout)
        XCTAssertTrue(result.stdout.contains("FALSE ") && result.stdout.contains("water.txt:2"), result.stdout)
        XCTAssertTrue(result.stdout.contains("stance   accuracy 1.000 (1/1)"), result.stdout)
    }
}
