import XCTest
@testable import AttestCore

/// How speakers are written, split into name and role, and resolved.
final class SpeakerTests: XCTestCase {
    func testAPossessivePronounBeforeANounCueIsThePersonNotTheWordsBeforeIt() throws {
        let text = "Tomas Reyes spoke at the pier on Monday. Critics seized on his claim that the port had been sold."
        let a = analyze([("a.txt", text)])
        let claim = try XCTUnwrap(a.statements.first { $0.cue == "claim" })
        XCTAssertEqual(claim.speaker.mention, "his")
        XCTAssertEqual(claim.speaker.name, "Tomas Reyes", "'his' resolves like 'he'; the critics only seized on it")
        XCTAssertEqual(claim.content, "the port had been sold")
    }

    func testANameAfterAPrepositionIsWhereTheSpeakerIsFromNotWhoSpeaks() throws {
        func name(_ text: String) -> String? { analyze([("a.txt", text)]).statements.first?.speaker.name }
        XCTAssertEqual(name("The mayor of Porto said the ferry would run."), "mayor of Porto")
        XCTAssertEqual(name("Residents of Porto said the ferry would run."), "Residents of Porto")
        XCTAssertEqual(name("The Harbour Maritime Museum in Porto said the ferry would run."), "Harbour Maritime Museum")
        XCTAssertEqual(name("Jan Smit of Rotterdam said the ferry would run."), "Jan Smit")
        XCTAssertEqual(name("A spokesman for the Ministry of Transport said the ferry would run."), "Ministry of Transport",
                       "a spokesman speaks for the organisation")
    }

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

    func testAProperNameInTheAppositionOfARoleNounIsTheSpeaker() throws {
        let text = "The ferry company's chief engineer, Tomas Reyes, said the hull was sound. He added that repairs would take a week. The port authority, a city agency, said it agreed."
        let a = analyze([("a.txt", text)])
        let first = try XCTUnwrap(a.statements.first { $0.cue == "said" })
        XCTAssertEqual(first.speaker.name, "Tomas Reyes")
        XCTAssertEqual(first.speaker.role, "ferry company's chief engineer")
        XCTAssertEqual(first.speaker.mention, "The ferry company's chief engineer, Tomas Reyes")
        let second = try XCTUnwrap(a.statements.first { $0.cue == "added" })
        XCTAssertEqual(second.speaker.name, "Tomas Reyes", "the pronoun resolves to the named engineer")
        let head = analyze([("b.txt", "The head of the Lisbon Ferry Owners Association, Rita Sousa, told reporters the fares would rise.")])
        XCTAssertEqual(head.statements.first?.speaker.name, "Rita Sousa")
        let possessive = analyze([("c.txt", "Portugal's fisheries minister, Rita Sousa, confirmed that the quota talks had taken place.")])
        XCTAssertEqual(possessive.statements.first?.speaker.name, "Rita Sousa", "a description opened by a possessive")
        XCTAssertEqual(possessive.statements.first?.speaker.role, "Portugal's fisheries minister")
        let agency = try XCTUnwrap(a.statements.last { $0.cue == "said" })
        XCTAssertNotEqual(agency.speaker.name, "a city agency", "a description in the apposition is not a name")
    }

    func testARoleNounNoDocumentResolvesBecomesTheCorpusOnlyHolderOfThatTitle() throws {
        let texts = [
            ("release.txt", "Harbour Mayor Lea Moreau said the ferries would run all winter."),
            ("briefing.txt", "Reporter: The mayor said the ferries would run all winter. Is that right?\n\nThe mayor said so again on Friday."),
            ("other.txt", "The coach said the team was ready. Coach Piet Vos and Coach Ana Lind said little else."),
        ]
        let inMemory = analyze(texts.map { (name: $0.0, text: $0.1) })
        // The same through the streaming path that keeps statements on disk.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-title-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in texts { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        var options = AnalysisOptions()
        options.spillStatements = true
        options.buildClaims = false
        var streamed: [Statement] = []
        try Analyzer(rules: defaultRules, options: options).analyze(paths: [folder.path]).forEachStatement { streamed.append($0) }
        for statements in [inMemory.statements, streamed] {
            let mayor = statements.filter { $0.speaker.mention?.lowercased() == "the mayor" }
            XCTAssertFalse(mayor.isEmpty)
            XCTAssertTrue(mayor.allSatisfy { $0.speaker.name == "Lea Moreau" }, "\(mayor.map(\.speaker.name))")
            let coach = try XCTUnwrap(statements.first { $0.speaker.mention == "The coach" })
            XCTAssertNotEqual(coach.speaker.name, "Piet Vos", "two coaches: the title names neither")
        }
    }

    func testAPartyInParenthesesStaysInTheMentionAndGoesToTheRole() throws {
        let a = analyze([("a.txt", "Sen. Ana Ruiz (D-Ore.) said the bill was too weak.")])
        let s = try XCTUnwrap(a.statements.first)
        XCTAssertEqual(s.speaker.mention, "Sen. Ana Ruiz (D-Ore.)", "the closing parenthesis is the mention's own")
        XCTAssertEqual(s.speaker.role, "Sen. (D-Ore.)")
        XCTAssertEqual(s.speaker.name, "Ana Ruiz")
    }

    func testALowerCaseWordEndingAnOpeningClauseIsNoSpeaker() throws {
        let a = analyze([("a.txt", "Asked whether the fares were tied to the subsidy, a port spokesman, Rui Matos, said he had no details.")])
        let s = try XCTUnwrap(a.statements.first { $0.cue == "said" })
        XCTAssertEqual(s.speaker.name, "Rui Matos", "\(s.speaker)")
        XCTAssertEqual(s.speaker.role, "port spokesman")
    }

    func testAnAbbreviatedTitleIsARoleAndTheSurnameLaterIsThePerson() throws {
        let a = analyze([("a.txt", "Sen. Ana Ruiz said the bill was weak.\n\nLater, Ruiz said the vote would wait.\n")])
        XCTAssertEqual(a.statements.map { $0.speaker.name ?? "" }, ["Ana Ruiz", "Ana Ruiz"])
        XCTAssertEqual(a.statements.first?.speaker.role, "Sen.")
    }

    func testAnAnonymousSourceHedgesWhatItSays() throws {
        let text = "The pier will close in June, two officials familiar with the plan said. An official at the port authority said the ferries would keep running. A deal was near, people briefed on the talks said."
        let a = analyze([("a.txt", text)])
        let people = try XCTUnwrap(a.statements.first { $0.speaker.mention == "people briefed on the talks" })
        XCTAssertEqual(people.stance, "hedged")
        let opening = analyze([("b.txt", "Sources close to the minister said she would resign.")])
        XCTAssertEqual(opening.statements.first?.stance, "hedged", "an anonymous source that opens the sentence")
        XCTAssertEqual(opening.statements.first?.speaker.type, "anonymous")
        let anonymous = try XCTUnwrap(a.statements.first { $0.speaker.mention == "two officials familiar with the plan" })
        XCTAssertEqual(anonymous.stance, "hedged")
        XCTAssertEqual(anonymous.speaker.type, "anonymous")
        let official = try XCTUnwrap(a.statements.first { $0.speaker.mention == "An official at the port authority" })
        XCTAssertEqual(official.stance, "assert", "an unnamed official who is not marked as an anonymous source asserts")
        let withheld = analyze([("c.txt", "A port official, who declined to be named because she was not cleared to talk, said the pier was sold.")])
        let sold = try XCTUnwrap(withheld.statements.first { $0.content.contains("pier was sold") })
        XCTAssertEqual(sold.stance, "hedged", "a speaker whose name the writer withholds is an anonymous source")
        XCTAssertEqual(sold.speaker.type, "anonymous")
        XCTAssertFalse(withheld.claims.contains { $0.text.contains("cleared to talk") }, "declining to be named says nothing to check")
    }

    func testAnOrganisationNameJoinedByOfAndIsOneSpeaker() throws {
        let a = analyze([("a.txt", "The Office of Ports and Harbours of Lisbon flatly rejects reports that the pier was sold.")])
        let s = try XCTUnwrap(a.statements.first)
        XCTAssertEqual(s.speaker.name, "Office of Ports and Harbours of Lisbon")
        XCTAssertEqual(s.speaker.type, "organization")
        XCTAssertEqual(s.cue, "rejects", "\"rejects\" is the verb, not a plural speaker before the cue \"reports\"")
        XCTAssertEqual(s.stance, "deny")
    }

    func testAnOrganisationNounDoesNotResolveToAPersonDescribedByIt() throws {
        let text = "\u{201C}We never agreed to that,\u{201D} a port ministry official told reporters. The ministry also denied that a deal had been signed."
        let a = analyze([("a.txt", text)])
        let ministry = try XCTUnwrap(a.statements.first { $0.speaker.mention == "The ministry" })
        XCTAssertNotEqual(ministry.speaker.name, "a port ministry official")
    }

    func testAOneWordNameCompletesToTheNameItOpensWhenNoneEndsWithIt() throws {
        let text = "Port director Zhao Lijun said the berths were full. Zhao said more cranes would arrive in May. Trade Minister Ana Ruiz said the fees would fall. Ruiz said talks went well."
        let a = analyze([("a.txt", text)])
        XCTAssertEqual(Set(a.statements.compactMap(\.speaker.name)), ["Zhao Lijun", "Ana Ruiz"])
    }

    func testAFirmNameWithAnAmpersandIsOneOrganisation() throws {
        let a = analyze([("a.txt", "Ferry fares rose by a third, according to figures from the consultancy Halden & Pike. AT&T said the outage was over.")])
        let firm = try XCTUnwrap(a.statements.first { $0.cue == "according to" })
        XCTAssertEqual(firm.speaker.name, "Halden & Pike")
        XCTAssertEqual(firm.speaker.type, "organization")
        XCTAssertEqual(a.statements.first { $0.cue == "said" }?.speaker.name, "AT&T")
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

    func testRoleNounsResolveToTheEntityOfTheirKind() throws {
        let text = """
        The Financial Times reported on Monday that ports were full. According to the newspaper, three ships waited offshore.
        China's Ministry of Commerce said it would review the rules. The ministry’s licensing bureau said forms were late. The release urged firms to apply early.
        """
        let a = analyze([("a.txt", text)])
        let newspaper = try XCTUnwrap(a.statements.first { $0.speaker.mention == "the newspaper" })
        XCTAssertEqual(newspaper.speaker.name, "Financial Times")
        let bureau = try XCTUnwrap(a.statements.first { $0.speaker.mention == "The ministry’s licensing bureau" })
        XCTAssertEqual(bureau.speaker.name, "China's Ministry of Commerce")
        let release = try XCTUnwrap(a.statements.first { $0.speaker.mention == "The release" })
        XCTAssertEqual(release.speaker.name, "China's Ministry of Commerce")
    }

    func testSheRefersBackToASpokeswomanForAnOrganisation() throws {
        let text = "Mr. Idris Bello said the plant was safe. A spokeswoman for the Harbour Traders Association confirmed that two members had left. She said more would follow."
        let a = analyze([("a.txt", text)])
        let she = try XCTUnwrap(a.statements.first { $0.speaker.mention == "She" })
        XCTAssertEqual(she.speaker.name, "Harbour Traders Association")
    }

    func testBareSourcesMakeAHedgedAssertionWithoutSpeaker() throws {
        let a = analyze([("a.txt", "Two more mines have opened near the river, sources say.")])
        let s = try XCTUnwrap(a.statements.first)
        XCTAssertNil(s.speaker.name)
        XCTAssertEqual(s.speaker.type, "anonymous")
        XCTAssertEqual(s.stance, "hedged")
    }
}
