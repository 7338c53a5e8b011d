import XCTest
@testable import AttestCore

final class DocumentLoaderTests: XCTestCase {
    let loader = DocumentLoader(maxDocumentBytes: 1024)

    func testInvalidUTF8IsSkippedWithOffset() {
        let doc = loader.decode(path: "bad.txt", format: .text, raw: Array("Good start ".utf8) + [0xC3, 0x28])
        XCTAssertEqual(doc.status, .skipped)
        XCTAssertEqual(doc.error, "invalid UTF-8 at byte offset 11; convert the file to UTF-8")
    }

    func testBinaryEmptyAndOversizedDocumentsAreSkippedWithReasons() {
        let binary = loader.decode(path: "x.txt", format: .text, raw: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        XCTAssertEqual(binary.status, .skipped)
        XCTAssertTrue(binary.error?.contains("NUL byte at offset 4") == true)
        let empty = loader.decode(path: "e.txt", format: .text, raw: [])
        XCTAssertEqual(empty.error, "empty file")
        let big = loader.decode(path: "b.txt", format: .text, raw: Array(repeating: 0x61, count: 2048))
        XCTAssertEqual(big.status, .skipped)
        XCTAssertTrue(big.error?.contains("above the 1.0 KiB limit") == true, big.error ?? "")
    }

    func testHTMLKeepsArticleTextDropsScriptsAndDecodesEntities() {
        let html = """
        <html><head><title>Deal &amp; talks</title><meta charset=utf-8><script>var said = "x";</script></head>
        <body><nav>Home | World</nav><h1>Talks resume</h1><p>The minister said&nbsp;the deal was &ldquo;close&rdquo; &mdash; for now.</p>
        <aside>Related: other story</aside><blockquote>We will see.</blockquote><footer>© 2025</footer><p>Unclosed <b>bold
        """
        let doc = DocumentLoader().decode(path: "a.html", format: .html, raw: Array(html.utf8))
        XCTAssertEqual(doc.status, .ok)
        XCTAssertEqual(doc.title, "Deal & talks")
        XCTAssertTrue(doc.text.contains("The minister said the deal was “close” — for now."), doc.text)
        XCTAssertTrue(doc.text.contains("Talks resume\n\n"))
        XCTAssertTrue(doc.text.contains("We will see."))
        for dropped in ["var said", "Home | World", "Related:", "©", "utf-8"] {
            XCTAssertFalse(doc.text.contains(dropped), "\(dropped) leaked into \(doc.text)")
        }
        XCTAssertTrue(doc.text.contains("Unclosed bold"), "broken HTML is recovered")
    }

    func testMarkdownMarkupIsRemovedLineByLine() {
        let md = "# Heading\n\nThe *Financial Times* reports that [firms](http://x) are **worried**.\n- item `code`"
        let doc = DocumentLoader().decode(path: "a.md", format: .markdown, raw: Array(md.utf8))
        XCTAssertEqual(doc.text, "Heading\n\nThe Financial Times reports that firms are worried.\nitem code")
    }

    func testJSONLArticlesCarryMetadataAndBadLinesAreAccountedFor() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attest-jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("feed.jsonl")
        try """
        {"id": "a1", "text": "The minister said the talks went well.", "outlet": "Pacific Wire", "date": "June 13, 2025", "title": "Talks"}
        not json at all
        {"id": "a3", "title": "no text"}
        """.write(to: file, atomically: true, encoding: .utf8)
        let docs = DocumentLoader().load(path: file.path)
        XCTAssertEqual(docs.count, 3)
        XCTAssertEqual(docs[0].path, file.path + "#a1")
        XCTAssertEqual(docs[0].outlet, "Pacific Wire")
        XCTAssertEqual(docs[0].date, "2025-06-13")
        XCTAssertEqual(docs[1].status, .skipped)
        XCTAssertEqual(docs[1].error, "line 2 is not a JSON object")
        XCTAssertEqual(docs[2].error, "line 3 has no \"text\" string")
    }

    func testByteLevelTextHelpersAgreeWithCharacterSemantics() {
        XCTAssertEqual("Xi’s and Li’s".replacingText("’", with: "'"), "Xi's and Li's")
        XCTAssertEqual("a**b**".replacingText("**", with: ""), "ab")
        XCTAssertEqual("none here".replacingText("’", with: "'"), "none here")
        XCTAssertEqual("".replacingText("x", with: "y"), "")
        XCTAssertEqual(Extractor.fold("  Lin\n\tJian  said \r\n“稀土”  "), "Lin Jian said “稀土”")
        XCTAssertTrue(DocumentLoader.isBlank(" \n\t\u{00A0}\u{2003} "))
        XCTAssertFalse(DocumentLoader.isBlank(" \u{00A0} é "))
        XCTAssertEqual(DocumentLoader.firstLine(of: "\n  \n--\n  The talks end  \nmore"), "The talks end")
    }
}
