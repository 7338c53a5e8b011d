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
