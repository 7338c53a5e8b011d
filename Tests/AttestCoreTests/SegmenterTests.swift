import XCTest
@testable import AttestCore

final class SegmenterTests: XCTestCase {
    let segmenter = Segmenter(abbreviations: ["Mr", "Dr", "Jan", "U.S", "St", "Sen"])

    func sentences(_ text: String) -> [String] {
        let seg = segmenter.segment(text)
        let bytes = Array(text.utf8)
        return seg.sentences.map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    func testAbbreviationsInitialsAndDecimalsDoNotSplit() {
        let s = sentences("Mr. Li met J. R. Castellano on Jan. 4 in St. Louis. Output grew 3.5 percent. The U.S. Senate agreed.")
        XCTAssertEqual(s, ["Mr. Li met J. R. Castellano on Jan. 4 in St. Louis.", "Output grew 3.5 percent.", "The U.S. Senate agreed."])
    }

    func testMissingSpaceAfterFullStopSplits() {
        XCTAssertEqual(sentences("It was a short truce.The deal came later."), ["It was a short truce.", "The deal came later."])
        XCTAssertEqual(sentences("The pier closed.\u{00A0}Ferries stopped."), ["The pier closed.", "Ferries stopped."],
                       "a no-break space after a full stop")
        XCTAssertEqual(sentences("Mr.\u{00A0}Ruiz spoke."), ["Mr.\u{00A0}Ruiz spoke."], "an abbreviation before a no-break space")
    }

    func testSentenceFinalAbbreviationSplitsBeforeSentenceStarter() {
        XCTAssertEqual(sentences("Talks moved to the U.S. The ministry agreed."), ["Talks moved to the U.S.", "The ministry agreed."])
    }

    func testClosingQuoteStaysWithItsSentence() {
        XCTAssertEqual(sentences("“We are ready.” He left. “Are you?” she asked."), ["“We are ready.”", "He left.", "“Are you?” she asked."])
    }

    func testQuotationSpanningParagraphsContinuesWhenNextOpensWithQuote() {
        let text = "She said: “The first part ends here.\n\n“The second part closes it.” Then she left."
        let seg = segmenter.segment(text)
        XCTAssertEqual(seg.quotations.count, 1)
        let q = seg.quotations[0]
        let bytes = Array(text.utf8)
        XCTAssertTrue(String(decoding: bytes[q.range], as: UTF8.self).hasSuffix("closes it.”"))
        XCTAssertFalse(q.unclosed)
    }

    func testUnclosedQuoteIsRecoveredAtParagraphEnd() {
        let seg = segmenter.segment("He said “this never closes.\n\nA new paragraph without quotes.")
        XCTAssertEqual(seg.quotations.count, 1)
        XCTAssertTrue(seg.quotations[0].unclosed)
        XCTAssertEqual(seg.sentences.count, 2)
    }

    func testHeadingsAndBoxesAreMarked() {
        let seg = segmenter.segment("Trade Talks Resume in London\nThe delegations met on Monday and agreed to continue.")
        XCTAssertEqual(seg.paragraphs.count, 2)
        XCTAssertTrue(seg.paragraphs[0].isHeading)
        XCTAssertFalse(seg.paragraphs[1].isHeading)
    }

    func testHardWrappedTextJoinsLines() {
        let line = "The spokesman for the ministry of commerce told reporters at the regular"
        let text = [line, "briefing that the licences would be processed according to the rules and", "that compliant applications would be approved in due course by the staff,", "and that more details would follow next week once the review was over."].joined(separator: "\n")
        let seg = segmenter.segment(text)
        XCTAssertEqual(seg.paragraphs.count, 1)
        XCTAssertEqual(seg.sentences.count, 1)
    }

    func testTwoApostrophesAreQuotationMarks() {
        let text = "Officials hesitated. ''We will wait and see,'' said Mr. Ortega. ''Nothing is settled.''"
        XCTAssertEqual(sentences(text), ["Officials hesitated.", "''We will wait and see,'' said Mr. Ortega.", "''Nothing is settled.''"])
        let seg = segmenter.segment(text)
        let bytes = Array(text.utf8)
        XCTAssertEqual(seg.quotations.map { String(decoding: bytes[$0.range], as: UTF8.self) },
                       ["''We will wait and see,''", "''Nothing is settled.''"])
        XCTAssertNil(seg.quotation(containing: text.utf8.count - 40), "'said Mr. Ortega' lies between the quotations")
    }

    /// The text of each quotation the segmenter finds in `text`.
    func quotationTexts(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return segmenter.segment(text).quotations.map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    func testThreeApostrophesCloseANestedQuotation() {
        XCTAssertEqual(quotationTexts("''Nobody will accept 'We will see,''' said Ana Ruiz, pointing at the pier."),
                       ["''Nobody will accept 'We will see,''"], "'said Ana Ruiz' lies after the quotation")
    }

    func testOpeningMarkAfterACommaClosesTheQuotation() {
        XCTAssertEqual(quotationTexts("“It is unusual,“ said Ana Ruiz. “It is hard to do.”"),
                       ["“It is unusual,“", "“It is hard to do.”"])
    }

    func testPossessiveApostropheIsNoQuotationMark() {
        let seg = segmenter.segment("The workers' union met. The drivers' group left.")
        XCTAssertTrue(seg.quotations.isEmpty)
        XCTAssertEqual(seg.sentences.count, 2)
    }

    func testLineOfTwoApostropheQuoteIsNoHeading() {
        let seg = segmenter.segment("Ortega Tells Voters ''We Will Not Back Down Now''\n\nThe report came out on Friday.")
        XCTAssertFalse(seg.paragraphs[0].isHeading)
    }

    func testQuestionInQuotesThenNamedSpeakerIsOneSentence() {
        let withVerbs = Segmenter(abbreviations: ["Sen"], attributionVerbs: ["asked", "said"])
        let text = "“Is it over?” Sen. Ana Ruiz asked. “Not yet!” Crowds cheered."
        let bytes = Array(text.utf8)
        XCTAssertEqual(withVerbs.segment(text).sentences.map { String(decoding: bytes[$0.range], as: UTF8.self) },
                       ["“Is it over?” Sen. Ana Ruiz asked.", "“Not yet!”", "Crowds cheered."])
    }

    func testClosingMarkWrittenAtTheOpeningStartsAQuotation() {
        let text = "”Prices will fall soon.” ― Omar Rahimi"
        let seg = segmenter.segment(text)
        let bytes = Array(text.utf8)
        XCTAssertEqual(seg.quotations.map { String(decoding: bytes[$0.range], as: UTF8.self) }, ["”Prices will fall soon.”"])
    }

    func testShortLineEndingInAColonIsNoHeading() {
        let seg = segmenter.segment("The minister added:\n\n“We are ready.”")
        XCTAssertFalse(seg.paragraphs[0].isHeading)
    }

    func testJoinedInitialsDoNotEndASentence() {
        XCTAssertEqual(sentences("The motion came from Sen. T.J. Walsh of Ohio. It failed."),
                       ["The motion came from Sen. T.J. Walsh of Ohio.", "It failed."])
        XCTAssertEqual(sentences("She spoke in Concord, N.H. The crowd cheered."), ["She spoke in Concord, N.H.", "The crowd cheered."])
    }

    func testOverlongRunIsCutIntoBoundedPieces() {
        let text = String(repeating: "word ", count: 5000)
        let seg = Segmenter(abbreviations: [], maxSentenceBytes: 1000).segment(text)
        XCTAssertGreaterThan(seg.sentences.count, 20)
        XCTAssertTrue(seg.sentences.allSatisfy { $0.range.count <= 1000 })
    }
}
