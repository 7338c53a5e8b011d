import XCTest
@testable import AttestCore

/// Content that a quotation carries beyond the sentence holding the cue.
final class QuotationContentTests: XCTestCase {
    func testQuotationAfterTheCueSentenceContinuesTheStatement() throws {
        let text = "“We waited all night,” said Ines Dali, a harbour pilot. “Nobody told us anything. The boats just sat there.”"
        let a = analyze([("a.txt", text)])
        let s = try XCTUnwrap(a.statements.first)
        XCTAssertEqual(a.statements.count, 1)
        XCTAssertEqual(s.content, "We waited all night … Nobody told us anything. The boats just sat there.")
    }

    func testNarrationAfterTheCueSentenceIsNotContent() throws {
        let a = analyze([("a.txt", "“It is a mess,” Mr. Holm said. He left soon after.")])
        let s = try XCTUnwrap(a.statements.first)
        XCTAssertEqual(s.content, "It is a mess")
    }

    func testSignatureSentenceSignsTheQuotationBeforeIt() throws {
        let text = "Ferry riders wrote to us.\n\n“The bus never came, so we walked home in the rain.” ― Lea Moreau.\n"
        let a = analyze([("a.txt", text)])
        let s = try XCTUnwrap(a.statements.first { $0.speaker.name == "Lea Moreau" })
        XCTAssertEqual(s.content, "The bus never came, so we walked home in the rain.")
        XCTAssertEqual(s.kind, "direct")
    }
}
