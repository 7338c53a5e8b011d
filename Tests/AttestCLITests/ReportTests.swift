import Foundation
import XCTest

/// End-to-end tests of the claim reports: Markdown, HTML, ClaimReview and `--fail-on`.
final class ReportTests: XCTestCase {
    /// A small corpus: a claim, a denial of it in another document, and a hostile article.
    func corpus() throws -> URL {
        let dir = try temporaryFolder(self)
        try "Mayor Dana Ruiz said on Monday that the city's drinking water meets every federal safety standard for lead.\n"
            .write(to: dir.appendingPathComponent("water-1.txt"), atomically: true, encoding: .utf8)
        try "The utility director, Priya Nand, denied the mayor's claim, saying tests at three schools found lead above the federal limit.\n"
            .write(to: dir.appendingPathComponent("water-2.txt"), atomically: true, encoding: .utf8)
        try "Hacker Eve Mallory said the page would run <script>alert(1)</script> and <img src=x onerror=alert(1)> for every reader.\n"
            .write(to: dir.appendingPathComponent("hostile.txt"), atomically: true, encoding: .utf8)
        return dir
    }

    func testMarkdownListsContradictedFirstWithEvidence() throws {
        let dir = try corpus()
        let r = try runAttest(["analyze", dir.path, "--format", "markdown"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("## Summary"))
        let contradicted = try XCTUnwrap(r.stdout.range(of: "## Contradicted claims"))
        let unconfirmed = try XCTUnwrap(r.stdout.range(of: "## Unconfirmed claims"))
        XCTAssertLessThan(contradicted.lowerBound, unconfirmed.lowerBound)
        XCTAssertTrue(r.stdout.contains("water-2.txt:1"), r.stdout)
        XCTAssertTrue(r.stdout.contains("*denies*"), r.stdout)
        XCTAssertFalse(r.stdout.contains("<script>"), "corpus HTML is escaped in Markdown")
    }

    func testHTMLIsSelfContainedAndEscapesCorpusText() throws {
        let dir = try corpus()
        let out = dir.appendingPathComponent("report.html")
        let r = try runAttest(["analyze", dir.path, "--format", "html", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "hostile text shown as text")
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "the image tag is shown as text, not an element")
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 1, "only the page's own script")
        for asset in ["src=\"http", "href=\"http", "url(http", "<link"] { XCTAssertFalse(html.contains(asset), "no external assets: \(asset)") }
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertTrue(html.contains("Content-Security-Policy"))
        for id in ["filter-status", "filter-speaker", "filter-outlet"] { XCTAssertTrue(html.contains(id)) }
    }

    func testTimeLinkingPrintsTheLinkingStageAndKeepsTheClaims() throws {
        let dir = try corpus()
        let timed = try runAttest(["analyze", dir.path, "--format", "json", "--time-linking"])
        XCTAssertEqual(timed.status, 0, timed.stderr)
        let line = try XCTUnwrap(timed.stderr.split(separator: "\n").first { $0.contains("attest: linking:") }, timed.stderr)
        XCTAssertNotNil(line.range(of: #"linking: \d+ statements, \d+ claims, \d+\.\d{3} s"#, options: .regularExpression), String(line))
        let plain = try runAttest(["analyze", dir.path, "--format", "json"])
        let timedClaims = try XCTUnwrap(jsonObject(timed.stdout)["claims"] as? [[String: Any]])
        let plainClaims = try XCTUnwrap(jsonObject(plain.stdout)["claims"] as? [[String: Any]])
        XCTAssertFalse(timedClaims.isEmpty)
        XCTAssertEqual(timedClaims.map { $0["status"] as? String }, plainClaims.map { $0["status"] as? String })
    }

    func testClaimReviewJSONLD() throws {
        let dir = try corpus()
        let r = try runAttest(["analyze", dir.path, "--format", "claimreview"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let reviews = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertFalse(reviews.isEmpty)
        for review in reviews {
            XCTAssertEqual(review["@type"] as? String, "ClaimReview")
            XCTAssertNotNil(review["claimReviewed"] as? String)
            let rating = try XCTUnwrap(review["reviewRating"] as? [String: Any])
            XCTAssertTrue(["contradicted", "unconfirmed", "confirmed", "uncontested"].contains(rating["alternateName"] as? String ?? ""))
            let item = try XCTUnwrap(review["itemReviewed"] as? [String: Any])
            XCTAssertEqual(item["@type"] as? String, "Claim")
            XCTAssertNotNil(item["author"])
            XCTAssertNotNil(item["appearance"])
            XCTAssertNotNil(review["author"])
        }
        XCTAssertTrue(reviews.contains { ($0["reviewRating"] as? [String: Any])?["alternateName"] as? String == "contradicted" })
    }

    func testFailOn() throws {
        let dir = try corpus()
        let failing = try runAttest(["analyze", dir.path, "--format", "json", "-o", "-", "--fail-on", "contradicted"])
        XCTAssertEqual(failing.status, 1)
        XCTAssertFalse(failing.stdout.isEmpty, "the report is still written")
        let calm = dir.appendingPathComponent("calm")
        try FileManager.default.createDirectory(at: calm, withIntermediateDirectories: true)
        try "Analyst Ruth Kemp said the transit budget review would finish in the spring.\n"
            .write(to: calm.appendingPathComponent("one.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try runAttest(["analyze", calm.path, "--format", "json", "--fail-on", "unconfirmed"]).status, 0)
    }
}
