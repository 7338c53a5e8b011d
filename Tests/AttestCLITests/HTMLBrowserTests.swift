import Foundation
import XCTest

/// Opens the HTML report in headless Chromium: hostile corpus text must show as text and never run.
/// Skipped, with a message, when no Chromium is installed (`scripts/install-deps.sh --browser`).
final class HTMLBrowserTests: XCTestCase {
    /// Script that, if it ran, would change the page title and write a marker element into the DOM.
    static let titleScript = "<script>document.title='PWNED-TITLE';document.body.insertAdjacentHTML('beforeend','<p id=pwned-script>PWNED-SCRIPT</p>')</script>"
    static let imageHandler = "<img src=x onerror=\"document.body.insertAdjacentHTML('beforeend','<p id=pwned-img>PWNED-IMG</p>')\">"
    static let styleBreakout = "</style><script>document.title='PWNED-STYLE'</script>"
    static let svgBreakout = "</svg><script>document.title='PWNED-SVG'</script>"
    static let scriptLink = "<a href=\"javascript:document.title='PWNED-LINK'\">read more</a>"

    func chromium() throws -> URL {
        guard let browser = findOnPath(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) else {
            throw XCTSkip("no headless Chromium on PATH: install Debian's 'chromium' package (scripts/install-deps.sh --browser) to run this test")
        }
        return browser
    }

    /// The DOM after the page loaded and its timers ran, as Chromium serialises it.
    func dumpDOM(_ browser: URL, _ page: URL, _ dir: URL) throws -> String {
        let profile = dir.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        let r = try runProgram(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                                         "--virtual-time-budget=3000", "--dump-dom", page.absoluteString])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("</html>"), "Chromium printed a DOM: \(r.stderr.suffix(400))")
        return r.stdout
    }

    /// A corpus where hostile text sits in a claim that is answered, so it reaches the claim list,
    /// the evidence context and the SVG graph.
    func hostileCorpus() throws -> URL {
        let dir = try temporaryFolder(self)
        let claim = "Blogger Eve Mallory said the reservoir water is unsafe to drink \(HTMLBrowserTests.titleScript) "
            + "\(HTMLBrowserTests.imageHandler) \(HTMLBrowserTests.styleBreakout) \(HTMLBrowserTests.svgBreakout) "
            + "\(HTMLBrowserTests.scriptLink) according to her own tests.\n"
        try claim.write(to: dir.appendingPathComponent("hostile-post.txt"), atomically: true, encoding: .utf8)
        try "The utility director, Priya Nand, denied Mallory's claim, saying the reservoir water passed every test this month.\n"
            .write(to: dir.appendingPathComponent("utility-answer.txt"), atomically: true, encoding: .utf8)
        return dir
    }

    func testHostileCorpusTextDoesNotRunInChromium() throws {
        let browser = try chromium()
        let dir = try hostileCorpus()
        let page = dir.appendingPathComponent("report.html")
        let r = try runAttest(["analyze", dir.path, "--format", "html", "-o", page.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let dom = try dumpDOM(browser, page, dir)
        for marker in ["PWNED-TITLE", "PWNED-STYLE", "PWNED-SVG", "PWNED-LINK"] {
            XCTAssertFalse(dom.contains("<title>\(marker)"), "a hostile script changed the title to \(marker)")
        }
        XCTAssertTrue(dom.contains("<title>Attest contradiction report</title>"), "the page's own title stays")
        for id in ["pwned-script", "pwned-img"] { XCTAssertFalse(dom.contains("id=\"\(id)\""), "hostile script wrote #\(id)") }
        XCTAssertFalse(dom.contains("<img"), "no image element from corpus text")
        XCTAssertFalse(dom.contains("<a href=\"javascript:"), "no script link from corpus text")
        // The text is shown escaped: the reader sees the markup as characters.
        XCTAssertTrue(dom.contains("&lt;script&gt;document.title='PWNED-TITLE'"), "script shown as text")
        XCTAssertTrue(dom.contains("&lt;img src=x onerror="), "image tag shown as text")
        XCTAssertTrue(dom.contains("&lt;/style&gt;&lt;script&gt;"), "style breakout shown as text")
        XCTAssertTrue(dom.contains("&lt;/svg&gt;&lt;script&gt;"), "svg breakout shown as text")
        XCTAssertTrue(dom.contains("&lt;a href=\"javascript:"), "script link shown as text")
        // The claim reached the SVG graph and the evidence list, and the page's own script did run.
        XCTAssertTrue(dom.contains("<svg"))
        XCTAssertTrue(dom.contains("contradicted"), "the denial links to the hostile claim")
    }

    /// The check above can fail: the same payload written raw into a page does run in this browser.
    func testControlPageShowsTheMarkersWhenScriptRuns() throws {
        let browser = try chromium()
        let dir = try temporaryFolder(self)
        let page = dir.appendingPathComponent("control.html")
        let raw = "<!DOCTYPE html><html><head><title>control</title></head><body><p>\(HTMLBrowserTests.titleScript)</p>\(HTMLBrowserTests.imageHandler)</body></html>"
        try raw.write(to: page, atomically: true, encoding: .utf8)
        let dom = try dumpDOM(browser, page, dir)
        XCTAssertTrue(dom.contains("<title>PWNED-TITLE</title>"), dom)
        XCTAssertTrue(dom.contains("id=\"pwned-script\""), dom)
        XCTAssertTrue(dom.contains("id=\"pwned-img\""), dom)
    }
}
