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

    /// A quotation left open at the end of its paragraph (the next paragraph does not go on with
    /// it) still carries the statement on, to the end of that paragraph.
    func testQuotationLeftOpenAtTheParagraphEndContinuesTheStatement() throws {
        let text = "“The pier is safe,” Holm said. “We checked every beam twice.\n\nThe council met later.\n"
        let a = analyze([("a.txt", text)])
        let s = try XCTUnwrap(a.statements.first)
        XCTAssertEqual(s.content, "The pier is safe … We checked every beam twice")
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

    /// `"…," X said when asked …`: what follows the cue tells when she spoke, so the quotation
    /// before the speaker is the content; so is a quotation set between dashes with nothing after
    /// its cue but the rest of the sentence.
    func testQuotationBeforeTheSpeakerIsTheContentWhenOnlyACircumstanceFollows() throws {
        let a = analyze([("a.txt", "“Not before the autumn,” Ines Dali said when asked whether the ferry would sail again.")])
        let s = try XCTUnwrap(a.statements.first { $0.speaker.mention == "Ines Dali" })
        XCTAssertEqual(s.content, "Not before the autumn")
        XCTAssertEqual(s.kind, "direct")
        let b = analyze([("b.txt", "The pilots were angry - ''Nobody asked us about the new locks,'' Mr. Holm said - and the meeting ended early.")])
        let t = try XCTUnwrap(b.statements.first { $0.speaker.mention == "Mr. Holm" })
        XCTAssertEqual(t.content, "Nobody asked us about the new locks")
    }

    /// A quoted title inside the clause before the speaker is not what the speaker said.
    func testQuotedTitleBeforeTheSpeakerIsNotTheContent() throws {
        let a = analyze([("a.txt", "In her 2019 book, “Tides of Porto,” Ms. Dali suggested reading the old charts first.")])
        let s = try XCTUnwrap(a.statements.first { $0.speaker.mention == "Ms. Dali" })
        XCTAssertEqual(s.content, "reading the old charts first")
    }

    /// A quoted transcript: each paragraph opens with a quotation mark and a speaker label. The
    /// next turn is a statement of its own, not a continuation of the one before.
    func testNextTurnOfAQuotedTranscriptIsNotAContinuation() throws {
        let text = "The station aired the exchange.\n\n\"HOLM: Why did the ferry stop running in May?\n\n\"DALI: The engine failed, and we had no money to fix it.\n\n\"HOLM: And now?\n"
        let a = analyze([("a.txt", text)])
        let first = try XCTUnwrap(a.statements.first { $0.speaker.mention == "HOLM" })
        XCTAssertEqual(first.content, "Why did the ferry stop running in May?")
        let answer = try XCTUnwrap(a.statements.first { $0.speaker.mention == "DALI" })
        XCTAssertEqual(answer.content, "The engine failed, and we had no money to fix it")
    }

    /// A short quoted title in the attribution (`said on “Harbour Hour.”`) is not quoted speech:
    /// the quotation after it still carries the statement on.
    func testQuotedTitleInTheAttributionDoesNotStopTheContinuation() throws {
        let a = analyze([("a.txt", "“The tide was late,” Holm said on “Harbour Hour.” “Nobody could sail until noon.”")])
        let s = try XCTUnwrap(a.statements.first)
        XCTAssertEqual(s.content, "The tide was late … Nobody could sail until noon.")
    }

    /// "Holm writes:" closing its paragraph introduces the next paragraph, set without quotation
    /// marks, as the content.
    func testColonAtTheEndOfAParagraphIntroducesTheNextOne() throws {
        let text = "The critic was not impressed.\n\nHolm writes:\n\nThe ferry plan ignores the people who ride it. It will fail by winter.\n\nOthers disagreed.\n"
        let a = analyze([("a.txt", text)])
        let s = try XCTUnwrap(a.statements.first { $0.speaker.mention == "Holm" })
        XCTAssertEqual(s.content, "The ferry plan ignores the people who ride it. It will fail by winter")
    }
}
