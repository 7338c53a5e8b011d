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

    /// No false alarm: every claim the report flags as contradicted is one the gold expects to be
    /// contradicted: asserted in a document where the gold claim is asserted, and answered by a
    /// statement on a sentence the gold gives as its denial or conflicting figure. A denial linked
    /// to the wrong claim would flag an innocent one.
    func testEveryContradictedClaimIsOneTheGoldContradicts() throws {
        for corpus in ["rare-earths", "city-water", "sport", "trade", "nickel"] {
            let r = try runAttest(["analyze", "corpora/\(corpus)", "--format", "json"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let out = try jsonObject(r.stdout)
            var sentenceOf: [String: (doc: String, sentence: String)] = [:]
            for s in try XCTUnwrap(out["statements"] as? [[String: Any]]) {
                guard let id = s["id"] as? String, let doc = s["document"] as? String, let sentence = s["sentence"] as? String else { continue }
                sentenceOf[id] = ((doc as NSString).lastPathComponent, folded(sentence))
            }
            let goldText = try String(contentsOf: repoRoot.appendingPathComponent("corpora/gold/\(corpus)-claims.jsonl"), encoding: .utf8)
            let contradicted: [[[String: String]]] = try goldText.split(separator: "\n").filter { !$0.isEmpty }.compactMap { row in
                let claim = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any])
                return claim["expected_status"] as? String == "contradicted" ? try XCTUnwrap(claim["evidence"] as? [[String: String]]) : nil
            }
            let flagged = try XCTUnwrap(out["claims"] as? [[String: Any]]).filter { $0["status"] as? String == "contradicted" }
            XCTAssertFalse(flagged.isEmpty, "\(corpus): the corpus has contradicted claims")
            for claim in flagged {
                let members = ((claim["evidence"] as? [[String: Any]]) ?? []).compactMap { e -> (role: String, doc: String, sentence: String)? in
                    guard let id = e["statement"] as? String, let s = sentenceOf[id] else { return nil }
                    return ((e["role"] as? String) ?? "", s.doc, s.sentence)
                }
                let founded = contradicted.contains { gold in
                    let assertedIn = Set(gold.filter { $0["role"] == "asserts" }.compactMap { $0["doc"] })
                    let answers = gold.filter { $0["role"] != "asserts" }.map { ($0["doc"] ?? "", folded($0["sentence_start"] ?? "")) }
                    return members.contains { $0.role == "asserts" && assertedIn.contains($0.doc) }
                        && members.contains { m in m.role != "asserts" && answers.contains { m.doc == $0.0 && m.sentence.contains($0.1) } }
                }
                XCTAssertTrue(founded, "\(corpus): \(claim["text"] ?? "") is flagged contradicted: \(claim["reasons"] ?? "")")
            }
        }
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
