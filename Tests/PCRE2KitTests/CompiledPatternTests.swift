import XCTest
@testable import PCRE2Kit

final class CompiledPatternTests: XCTestCase {
    func testNamedGroupsReportUTF8ByteOffsetsWithCurlyQuotesAndCJK() throws {
        let text = "“Beijing’s 稀土 plan,” said Müller."
        let pattern = try CompiledPattern(#"(?<cue>said)\s+(?<speaker>\w+)"#)
        let subject = UTF8Text(text)
        let m = try XCTUnwrap(pattern.firstMatch(in: subject, scratch: MatchScratch()))
        let cue = try XCTUnwrap(m.range(named: "cue"))
        let speaker = try XCTUnwrap(m.range(named: "speaker"))
        XCTAssertEqual(subject[cue], "said")
        XCTAssertEqual(subject[speaker], "Müller", "\\w must know accented letters (UCP)")
        // Byte offset, not a character count: the prefix holds 3-byte quotes and CJK.
        XCTAssertEqual(cue.lowerBound, Array("“Beijing’s 稀土 plan,” ".utf8).count)
        XCTAssertTrue(pattern.isJITCompiled)
    }

    func testCompileErrorCarriesMessageAndOffset() {
        XCTAssertThrowsError(try CompiledPattern("abc(def")) { error in
            guard let e = error as? PatternCompileError else { return XCTFail("wrong error \(error)") }
            XCTAssertEqual(e.offset, 7)
            XCTAssertTrue(e.message.contains("parenthesis"), e.message)
        }
    }

    func testAllMatchesAdvancesOneCharacterOnEmptyMatches() throws {
        let pattern = try CompiledPattern("x*")
        let subject = UTF8Text("a—b")
        let found = try pattern.allMatches(in: subject, scratch: MatchScratch())
        // Empty matches at a, at the em dash (3 bytes), at b and at the end: four, none inside the dash.
        XCTAssertEqual(found.map(\.range.lowerBound), [0, 1, 4, 5])
    }

    func testCatastrophicPatternHitsMatchLimitInsteadOfHanging() throws {
        let pattern = try CompiledPattern("(a+)+$", jit: false)
        let subject = UTF8Text(String(repeating: "a", count: 40) + "!")
        XCTAssertThrowsError(try pattern.firstMatch(in: subject, scratch: MatchScratch(matchLimit: 10_000))) { error in
            XCTAssertTrue(error is MatchLimitError)
        }
    }

    func testUTF8ValidationFindsFirstInvalidByte() {
        XCTAssertNil(UTF8Text.firstInvalidUTF8Offset(Array("naïve “quotes”".utf8)))
        XCTAssertEqual(UTF8Text.firstInvalidUTF8Offset([0x41, 0x42, 0xFF, 0x43]), 2)
        XCTAssertEqual(UTF8Text.firstInvalidUTF8Offset([0x41, 0xE2, 0x80]), 1, "truncated sequence at the end")
        XCTAssertEqual(UTF8Text.firstInvalidUTF8Offset([0xED, 0xA0, 0x80]), 0, "UTF-16 surrogates are not valid UTF-8")
    }

    func testReplacingAllSubstitutesGroups() throws {
        let pattern = try CompiledPattern(#"\[([^\]]+)\]\([^)]*\)"#)
        let out = pattern.replacingAll(in: "See [the release](http://x.org) now — [again](y).", template: "$1", scratch: MatchScratch())
        XCTAssertEqual(out, "See the release now — again.")
    }

    func testStartLimitStopsTheSearchWhereMatchesMayNoLongerStart() throws {
        let subject = UTF8Text("alpha said beta said gamma")
        let scratch = MatchScratch()
        let limited = try CompiledPattern(#"\w+\s+said"#, options: [.unicode, .useOffsetLimit])
        XCTAssertEqual(try limited.firstMatch(in: subject, startLimit: 0, scratch: scratch)?.range, 0..<10)
        XCTAssertNil(try limited.firstMatch(in: subject, from: 10, startLimit: 10, scratch: scratch),
                     "the next match starts at 11, after the limit")
        XCTAssertEqual(try limited.firstMatch(in: subject, from: 10, startLimit: 11, scratch: scratch)?.range, 11..<20)
        // Without the compile option the limit still holds, by filtering the result.
        let plain = try CompiledPattern(#"\w+\s+said"#)
        XCTAssertNil(try plain.firstMatch(in: subject, from: 10, startLimit: 10, scratch: scratch))
        // The scratch is reset after a limited search.
        XCTAssertEqual(try limited.firstMatch(in: subject, from: 10, scratch: scratch)?.range, 11..<20)
    }

    func testLastMatchEndIsTheEndOfTheLastNonOverlappingMatch() throws {
        let pattern = try CompiledPattern("said|told")
        let scratch = MatchScratch()
        XCTAssertEqual(try pattern.lastMatchEnd(in: UTF8Text("he said she told them"), scratch: scratch), 16)
        XCTAssertNil(try pattern.lastMatchEnd(in: UTF8Text("nothing here"), scratch: scratch))
    }
}
