import XCTest
@testable import AttestCore

/// How speakers are written, split into name and role, and resolved.
final class SpeakerTests: XCTestCase {
    func testMentionKeepsTheAppositionWhileTheNameIsThePerson() throws {
        let text = "Tariffs will rise, Lena Okafor, a trade lawyer in Lagos, said on Monday. She added that ports were ready."
        let a = analyze([("a.txt", text)])
        let first = try XCTUnwrap(a.statements.first { $0.cue == "said" })
        XCTAssertEqual(first.speaker.mention, "Lena Okafor, a trade lawyer in Lagos")
        XCTAssertEqual(first.speaker.name, "Lena Okafor")
        XCTAssertEqual(first.speaker.role, "trade lawyer in Lagos")
        XCTAssertEqual(first.speakerHead, "Lena Okafor")
        let second = try XCTUnwrap(a.statements.first { $0.cue == "added" })
        XCTAssertEqual(second.speaker.name, "Lena Okafor", "the pronoun resolves to the person, not to the whole mention")
    }

    func testInvertedSpeakerKeepsAgeAndRelativeClause() throws {
        let text = "“The mill will not reopen,” said Piet Vos, 61, who ran the night shift for a decade."
        let a = analyze([("a.txt", text)])
        let s = try XCTUnwrap(a.statements.first)
        XCTAssertEqual(s.speaker.name, "Piet Vos")
        XCTAssertEqual(s.speaker.mention, "Piet Vos, 61, who ran the night shift for a decade")
    }

    func testMentionWithoutAppositionHasNoSeparateHead() throws {
        let a = analyze([("a.txt", "Governor Ruth Abara said the bridge would reopen in May.")])
        let s = try XCTUnwrap(a.statements.first)
        XCTAssertEqual(s.speaker.mention, "Governor Ruth Abara")
        XCTAssertEqual(s.speaker.name, "Ruth Abara")
        XCTAssertNil(s.speakerHead)
    }

    func testClauseOpenerIsNotPartOfTheSpeaker() throws {
        let a = analyze([("a.txt", "But Megan Ross said the vote would be delayed.")])
        let s = try XCTUnwrap(a.statements.first)
        XCTAssertEqual(s.speaker.mention, "Megan Ross")
    }
}
