import Foundation
import XCTest

/// The bundled corpora against their claims gold (`corpora/gold/*-claims.jsonl`): every claim whose
/// anchor statement is extracted gets the expected status, found the way the shared scorer finds it
/// (the first claim holding a statement on the anchor sentence).
final class CorpusClaimsTests: XCTestCase {
    /// Folds case, white space, curly quotes and emphasis marks, as the scorer does.
    func folded(_ text: String) -> String {
        var s = text.lowercased()
        for (a, b) in [("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""), ("*", ""), ("_", "")] {
            s = s.replacingOccurrences(of: a, with: b)
        }
        return s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Checks a corpus; returns how many gold claims were found and checked.
    func checkClaims(corpus: String, gold: String, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let r = try runAttest(["analyze", corpus, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        let out = try jsonObject(r.stdout)
        let statements = try XCTUnwrap(out["statements"] as? [[String: Any]])
        let claims = try XCTUnwrap(out["claims"] as? [[String: Any]])
        var sentenceOf: [String: (doc: String, sentence: String)] = [:]
        for s in statements {
            guard let id = s["id"] as? String, let doc = s["document"] as? String, let sentence = s["sentence"] as? String else { continue }
            sentenceOf[id] = ((doc as NSString).lastPathComponent, folded(sentence))
        }
        let goldText = try String(contentsOf: repoRoot.appendingPathComponent(gold), encoding: .utf8)
        var checked = 0
        for row in goldText.split(separator: "\n") where !row.isEmpty {
            let claim = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any])
            let evidence = try XCTUnwrap(claim["evidence"] as? [[String: String]])
            let anchor = try XCTUnwrap(evidence.first { $0["role"] == "asserts" } ?? evidence.first)
            let doc = anchor["doc"] ?? "", start = folded(anchor["sentence_start"] ?? "")
            let holds = { (c: [String: Any]) -> Bool in
                ((c["evidence"] as? [[String: Any]]) ?? []).contains { e in
                    guard let id = e["statement"] as? String, let s = sentenceOf[id] else { return false }
                    return s.doc == doc && s.sentence.contains(start)
                }
            }
            guard sentenceOf.values.contains(where: { $0.doc == doc && $0.sentence.contains(start) }) else { continue }
            let found = try XCTUnwrap(claims.first(where: holds), "no claim holds \(doc): \(start)", file: file, line: line)
            XCTAssertEqual(found["status"] as? String, claim["expected_status"] as? String,
                           "\(claim["claim"] ?? ""): \(found["reasons"] ?? "")", file: file, line: line)
            checked += 1
        }
        return checked
    }

    func testCityWaterClaimsMatchTheGold() throws {
        XCTAssertEqual(try checkClaims(corpus: "corpora/city-water", gold: "corpora/gold/city-water-claims.jsonl"), 8)
    }

    func testSportClaimsMatchTheGold() throws {
        XCTAssertEqual(try checkClaims(corpus: "corpora/sport", gold: "corpora/gold/sport-claims.jsonl"), 7)
    }

    func testTradeClaimsMatchTheGold() throws {
        XCTAssertEqual(try checkClaims(corpus: "corpora/trade", gold: "corpora/gold/trade-claims.jsonl"), 6)
    }

    func testRareEarthsClaimsMatchTheGold() throws {
        // Two claims are anchored on dateline statements ("SHANGHAI, June 18 — …, X said") that the
        // statement rules do not extract yet; the other seven are checked.
        XCTAssertGreaterThanOrEqual(try checkClaims(corpus: "corpora/rare-earths", gold: "corpora/gold/rare-earths-claims.jsonl"), 7)
    }
}
