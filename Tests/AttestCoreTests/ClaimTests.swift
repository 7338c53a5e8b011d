import XCTest
@testable import AttestCore

/// Claims: linking answers to claims across documents, and the status each claim gets.
final class ClaimTests: XCTestCase {
    func claim(_ a: Analysis, containing text: String) -> Claim? {
        let ids = Set(a.statements.filter { $0.sentence.contains(text) }.map(\.id))
        return a.claims.first { c in c.evidence.contains { $0.role == "asserts" && ids.contains($0.statement) } }
    }

    func testDenialInAnotherDocumentContradicts() throws {
        let a = analyze([
            ("water-1.txt", "Mayor Dana Ruiz said on Monday that the city's drinking water meets every federal safety standard for lead.\n"),
            ("water-2.txt", "The utility director, Priya Nand, denied the mayor's claim, saying tests at three schools found lead above the federal limit.\n"),
        ])
        let c = try XCTUnwrap(claim(a, containing: "Mayor Dana Ruiz said"))
        XCTAssertEqual(c.status, "contradicted", "\(c)")
        XCTAssertTrue(c.evidence.contains { $0.role == "denies" })
        XCTAssertTrue(c.reasons.contains { $0.contains("water-2.txt:1") }, "\(c.reasons)")
    }

    func testAssertionThatNegatesAnotherSidesClaimDeniesIt() throws {
        let a = analyze([
            ("ferry-1.txt", "Governor Rui Matos wrote on Monday that the Harbour Lines ferry company had begged for a subsidy.\n"),
            ("ferry-2.txt", "\"Harbour Lines has never begged anyone for money,\" the company's chief executive, Ana Ruiz, said on Tuesday.\n"),
            ("ferry-3.txt", "Port officials said operators must hand over their passenger lists. \"Nobody enjoys handing that over,\" said Lea Moreau, a ferry captain.\n"),
        ])
        let begged = try XCTUnwrap(claim(a, containing: "Governor Rui Matos"))
        XCTAssertEqual(begged.status, "contradicted", "\(begged)")
        let ruiz = try XCTUnwrap(a.statements.first { $0.speaker.name == "Ana Ruiz" })
        XCTAssertTrue(begged.evidence.contains { $0.role == "denies" && $0.statement == ruiz.id }, "\(begged)")
        // The negation governs "enjoys", not "handing": the captain does not deny the rule.
        let lists = try XCTUnwrap(claim(a, containing: "Port officials said"))
        XCTAssertNotEqual(lists.status, "contradicted", "\(lists)")
    }

    func testTheReportPointsBackToWhatWasReported() throws {
        let a = analyze([("ferry.txt", """
        The Harbour Times reported on Monday that the island ferry line had been sold to a Danish group.

        Mayor Ines Dali said the ferry timetable would not change this summer.

        The ferry operator Harbour Lines dismissed the report as false.
        """)])
        let sold = try XCTUnwrap(claim(a, containing: "The Harbour Times reported"))
        XCTAssertEqual(sold.status, "contradicted", "\(sold)")
        let timetable = try XCTUnwrap(claim(a, containing: "Mayor Ines Dali"))
        XCTAssertNotEqual(timetable.status, "contradicted", "the report is the Times' report, not the mayor's words: \(timetable)")
    }

    func testNonConfirmationOfThisReportIsUnconfirmed() throws {
        let a = analyze([("sport.txt", """
        Coach Lena Park said the club had signed the striker Tomas Varga for 40 million euros.

        A spokesman for the league, Ivo Brand, did not confirm the report.
        """)])
        let c = try XCTUnwrap(claim(a, containing: "Coach Lena Park"))
        XCTAssertEqual(c.status, "unconfirmed", "\(c)")
        XCTAssertTrue(c.evidence.contains { $0.role == "not-confirms" })
    }

    func testConflictingDurationsForTheSameThingContradict() throws {
        let a = analyze([
            ("pipes-1.txt", "Councillor Omar Betts said the lead pipe replacement programme would take six months.\n"),
            ("pipes-2.txt", "Contractor Jana Wolfe said the lead pipe replacement programme would take two years.\n"),
        ])
        let c = try XCTUnwrap(claim(a, containing: "Omar Betts"))
        XCTAssertEqual(c.status, "contradicted", "\(c)")
        XCTAssertTrue(c.evidence.contains { $0.role == "conflicting-figure" })
        XCTAssertTrue(c.reasons.contains { $0.contains("two years") }, "\(c.reasons)")
    }

    func testFiguresAboutDifferentThingsDoNotContradict() throws {
        let a = analyze([
            ("city-1.txt", "Councillor Omar Betts said the lead pipe replacement programme would take six months.\n"),
            ("city-2.txt", "Auditor Ruth Kemp said the budget review of the transit authority would take one year.\n"),
        ])
        let c = try XCTUnwrap(claim(a, containing: "Omar Betts"))
        XCTAssertEqual(c.status, "uncontested", "\(c)")
    }

    func testConflictingDatesForTheSameEventContradict() throws {
        let a = analyze([
            ("vote-1.txt", "Club secretary Ines Moll said the members' vote on the stadium sale would be held on May 14.\n"),
            ("vote-2.txt", "Board member Karl Obi said the members' vote on the stadium sale was set for May 21.\n"),
        ])
        let c = try XCTUnwrap(claim(a, containing: "Ines Moll"))
        XCTAssertEqual(c.status, "contradicted", "\(c)")
        XCTAssertTrue(c.evidence.contains { $0.role == "conflicting-date" }, "\(c)")
        XCTAssertTrue(c.reasons.contains { $0.hasPrefix("conflicting-date") && $0.contains("May 21") }, "\(c.reasons)")
    }

    func testDatesOfDifferentEventsDoNotContradict() throws {
        let a = analyze([
            ("vote-1.txt", "Club secretary Ines Moll said the members' vote on the stadium sale would be held on May 14.\n"),
            ("kit-1.txt", "Kit manager Rosa Lind said the new away shirts would go on sale in shops on May 21.\n"),
        ])
        let c = try XCTUnwrap(claim(a, containing: "Ines Moll"))
        XCTAssertEqual(c.status, "uncontested", "\(c)")
    }

    func testFormerAndCurrentTitleAtTheSameDateContradict() throws {
        let a = analyze([
            ("board-1.txt", "RIVERTON, April 3, 2026 — Chairwoman Edda Stone of the water board said on Friday that the reservoir levels were safe for the summer.\n"),
            ("board-2.txt", "RIVERTON, April 3, 2026 — Former Chairwoman Edda Stone of the water board said on Friday that the reservoir was too low for the summer.\n"),
        ])
        let c = try XCTUnwrap(claim(a, containing: "RIVERTON, April 3, 2026 — Chairwoman"))
        XCTAssertEqual(c.status, "contradicted", "\(c)")
        XCTAssertTrue(c.evidence.contains { $0.role == "conflicting-title" }, "\(c)")
        XCTAssertTrue(c.reasons.contains { $0.contains("Former Chairwoman Edda Stone") }, "\(c.reasons)")
    }

    func testFormerTitleYearsApartDoesNotContradict() throws {
        let a = analyze([
            ("board-1.txt", "RIVERTON, April 3, 2019 — Chairwoman Edda Stone of the water board said on Friday that the reservoir levels were safe for the summer.\n"),
            ("board-2.txt", "RIVERTON, April 3, 2026 — Former Chairwoman Edda Stone of the water board said on Friday that the reservoir was too low for the summer.\n"),
        ])
        let c = try XCTUnwrap(claim(a, containing: "April 3, 2019"))
        XCTAssertFalse(c.evidence.contains { $0.role == "conflicting-title" }, "\(c)")
        XCTAssertNotEqual(c.status, "contradicted", "\(c)")
    }

    func testTranscriptAnswerToARelayedClaimDoesNotConfirmIt() throws {
        let a = analyze([("briefing.txt", """
        Transcript of the utility's weekly briefing

        Reporter: On Monday the mayor said that the reservoir water meets every safety standard for lead. Can you confirm that?

        Priya Nand: We are still collecting samples from the schools and will publish the results when they are complete.

        Reporter: Will the water rates go up next year?

        Priya Nand: The board sets rates in the autumn and the budget is public.
        """)])
        let c = try XCTUnwrap(claim(a, containing: "the mayor said that the reservoir water"))
        XCTAssertEqual(c.status, "unconfirmed", "\(c)")
        let answers = a.statements.filter { $0.sentence.hasPrefix("Priya Nand:") }
        XCTAssertEqual(answers.count, 2, "\(a.statements.map(\.sentence))")
        let first = try XCTUnwrap(answers.first { $0.sentence.contains("samples") })
        let second = try XCTUnwrap(answers.first { $0.sentence.contains("rates") })
        XCTAssertTrue(c.evidence.contains { $0.statement == first.id && $0.role == "not-confirms" }, "\(c)")
        XCTAssertFalse(c.evidence.contains { $0.statement == second.id }, "the answer to another question stays out")
    }

    func testUnnamedCouldNotBeVerifiedQualifiesTheClaimBefore() throws {
        let a = analyze([("transfer.txt", """
        Coach Lena Park said the club had signed the striker Tomas Varga for 40 million euros. The fee could not be independently verified.
        """)])
        let c = try XCTUnwrap(claim(a, containing: "Coach Lena Park"))
        XCTAssertEqual(c.status, "unconfirmed", "\(c)")
        let note = try XCTUnwrap(a.statements.first { $0.sentence.hasPrefix("The fee could not") })
        XCTAssertNil(note.speaker.name)
        XCTAssertTrue(c.evidence.contains { $0.statement == note.id && $0.role == "not-confirms" }, "\(c)")
    }

    func testSameSideRestatementIsNotAnIndependentConfirmation() throws {
        let a = analyze([
            ("mofcom.txt", "China's Ministry of Commerce said exports of gallium to Europe had doubled in the first half of the year.\n"),
            ("briefing.txt", "Chinese Foreign Ministry spokesman Lin Jian said exports of gallium to Europe had doubled in the first half of the year.\n"),
            ("traders.txt", "Metals trader Ruth Eng of Norvale Metals said exports of gallium to Europe had doubled in the first half of the year.\n"),
        ])
        let c = try XCTUnwrap(claim(a, containing: "China's Ministry of Commerce said"))
        let lin = try XCTUnwrap(a.statements.first { $0.speaker.name == "Lin Jian" })
        let trader = try XCTUnwrap(a.statements.first { $0.sentence.hasPrefix("Metals trader") })
        XCTAssertTrue(c.evidence.contains { $0.statement == lin.id && $0.role == "asserts" }, "the same side restates: \(c)")
        XCTAssertTrue(c.evidence.contains { $0.statement == trader.id && $0.role == "confirms" }, "another side confirms: \(c)")
        XCTAssertEqual(c.status, "confirmed", "\(c)")
    }

    func testSentenceRelayedWordForWordByAnotherOutletIsOneSource() throws {
        let wire = "Port director Anil Rao said the new container terminal would open to ships in the first week of March."
        let a = analyze([
            ("wire.txt", "HARBOUR TOWN — \(wire)\n\nThe terminal cost the port authority two years of planning.\n"),
            ("gazette.txt", "From our wire service. \(wire)\n\nLocal traders welcomed the news at a meeting on Tuesday evening.\n"),
        ])
        let c = try XCTUnwrap(claim(a, containing: "HARBOUR TOWN"))
        XCTAssertEqual(c.status, "uncontested", "\(c)")
        XCTAssertFalse(c.evidence.contains { $0.role == "confirms" }, "\(c)")
        XCTAssertTrue(c.reasons.contains { $0.hasPrefix("same-wire-copy") }, "\(c.reasons)")
    }

    func testFiguresForOtherPeriodsOrOtherSpeakersThemselvesDoNotContradict() throws {
        let a = analyze([
            ("club-a.txt", "The Harbour Rovers supporters' trust said it raised about 40,000 pounds from members in January for the new stand.\n"),
            ("club-b.txt", "The Millbrook Athletic supporters' trust said it raised about 90,000 pounds from members in January for the new stand.\n"),
            ("club-c.txt", "Treasurer Nina Holt said the Harbour Rovers trust raised 12,000 pounds from members in March for the new stand.\n"),
        ])
        for start in ["The Harbour Rovers", "The Millbrook", "Treasurer Nina Holt"] {
            let c = try XCTUnwrap(claim(a, containing: start))
            XCTAssertNotEqual(c.status, "contradicted", "\(start): \(c)")
        }
    }

    func testFigureOfAnotherThingAboutTheSameNamesDoesNotContradict() throws {
        let a = analyze([
            ("transfer.txt", "Chairman Piet Olsen said Harbour Rovers had signed the striker Tomas Varga for 18 million euros.\n"),
            ("fine.txt", "League secretary Ida Berg said Harbour Rovers had been fined 50,000 euros for registering Tomas Varga late.\n"),
            ("fee.txt", "Sporting director Anke Vos said Lakeside had sold the striker Tomas Varga to Harbour Rovers for 12 million euros.\n"),
        ])
        let fee = try XCTUnwrap(claim(a, containing: "Piet Olsen"))
        let fine = try XCTUnwrap(a.statements.first { $0.sentence.contains("fined") })
        XCTAssertFalse(fee.evidence.contains { $0.statement == fine.id }, "the fine is another quantity: \(fee)")
        XCTAssertTrue(fee.reasons.contains { $0.contains("12 million euros") }, "the other fee conflicts: \(fee.reasons)")
    }

    func testNegatedFigureAndDatelineDateAreNotTheFiguresGiven() throws {
        let a = analyze([
            ("tariff.txt", "WASHINGTON, April 8, 2026 — Trade Representative Carla Hines said the tariff on imported steel would rise to 40 percent from May 1.\n"),
            ("reply.txt", "Trade Minister Joao Prado said the tariff on imported steel would rise to 25 percent, not 40 percent.\n"),
            ("wire.txt", "Customs director Lea Sand said the tariff on imported steel would rise on June 1.\n"),
        ])
        let c = try XCTUnwrap(claim(a, containing: "Carla Hines"))
        XCTAssertTrue(c.reasons.contains { $0.hasPrefix("conflicting-figure") && $0.contains("25 percent") }, "\(c.reasons)")
        XCTAssertTrue(c.reasons.contains { $0.hasPrefix("conflicting-date") && $0.contains("June 1") && $0.contains("May 1") },
                      "the event date, not the dateline: \(c.reasons)")
    }

    func testDenialWordAloneDoesNotAnswerAnUnrelatedClaim() throws {
        // A city news corpus: "city" and "next year" are everywhere; only a denial word and those are shared.
        let a = analyze([
            ("budget.txt", "Council leader Ayo Bello said the city would spend 3 million pounds on new cycle lanes next year.\n"),
            ("match.txt", "Coach Lena Park said it would be wrong to blame the referee for the defeat in the city derby next year.\n"),
            ("museum.txt", "Curator Omar Betts said the city museum would reopen its east wing next year.\n"),
            ("schools.txt", "Head teacher Ruth Kemp said the city would open two primary schools next year.\n"),
            ("buses.txt", "Transport chief Ivo Brand said the city would buy forty electric buses next year.\n"),
            ("parks.txt", "Parks officer Jana Wolfe said the city would plant a thousand trees next year.\n"),
        ])
        let c = try XCTUnwrap(claim(a, containing: "Ayo Bello"))
        XCTAssertEqual(c.status, "uncontested", "\(c)")
    }

    func testHedgedAssertionIsUnconfirmed() throws {
        let a = analyze([("merger.txt", "Reports indicate that Halvard Foods may sell its dairy unit to Norgate for about $2 billion.\n")])
        let c = try XCTUnwrap(claim(a, containing: "Halvard"))
        XCTAssertEqual(c.status, "unconfirmed")
        XCTAssertNil(c.claimant)
        XCTAssertTrue(c.reasons.contains { $0.hasPrefix("hedged-sourcing") })
    }

    func testIndependentConfirmation() throws {
        let a = analyze([
            ("deal-1.txt", "Norgate chief executive Paul Ames said the company had agreed to buy the Halvard dairy unit for $2 billion in cash.\n"),
            ("deal-2.txt", "Halvard Foods confirmed that Norgate had agreed to buy its dairy unit for $2 billion in cash.\n"),
        ])
        let c = try XCTUnwrap(claim(a, containing: "Paul Ames"))
        XCTAssertEqual(c.status, "confirmed", "\(c)")
        XCTAssertTrue(c.evidence.contains { $0.role == "confirms" })
    }

    func testRelayedWireCopyIsOneSource() throws {
        let text = """
        GENEVA, May 3 (Lake Wire) - Negotiator Sofia Lind said the two countries would cut tariffs on steel by half before the end of the year.

        The talks resume in Geneva next week, when officials from both delegations are expected to settle the details of the quota system.
        """
        let a = analyze([("wire-a.txt", text), ("wire-b.txt", text)])
        let c = try XCTUnwrap(claim(a, containing: "Sofia Lind"))
        XCTAssertEqual(c.status, "uncontested", "\(c)")
        XCTAssertEqual(c.evidence.filter { $0.role == "asserts" }.count, 2)
        XCTAssertTrue(c.reasons.contains { $0.hasPrefix("same-wire-copy") }, "\(c.reasons)")
        XCTAssertEqual(a.claims.filter { $0.text.contains("tariffs on steel") }.count, 1)
    }

    func testQuantitiesFromSignalRules() {
        let reader = SignalReader(rules: defaultRules)
        let q1 = reader.read("members now had \"a full twelve months\" to ship").quantities
        let q2 = reader.read("the permits may expire after only six months").quantities
        let q3 = reader.read("the permits run for one year").quantities
        XCTAssertEqual(q1.first?.family, "duration")
        XCTAssertTrue(q1[0].conflicts(with: q2[0]))
        XCTAssertFalse(q1[0].conflicts(with: q3[0]), "twelve months is one year")
        XCTAssertTrue(reader.read("shipments fell from a year earlier").quantities.isEmpty)
        let money = reader.read("valued at $4.5 billion").quantities
        XCTAssertEqual(money.first?.value, 4.5e9)
    }

    func testAnaphorSignal() {
        let s = SignalReader(rules: defaultRules).read("the president's account when asked about it")
        XCTAssertEqual(s.anaphor, "account")
        XCTAssertEqual(s.owner, "the president")
    }

    func testLinkingScalesWithoutComparingEveryPair() {
        // 200 unrelated single-source statements: each becomes its own uncontested claim.
        func word(_ i: Int, _ salt: Int) -> String {
            let letters = Array("bcdfghjklmnpqrstvwxz"), vowels = Array("aeiou")
            var v = i * 7 + salt * 1009, out = ""
            for _ in 0..<4 { out.append(letters[v % letters.count]); v /= letters.count; out.append(vowels[(v + salt) % vowels.count]) }
            return out
        }
        let docs = (0..<200).map { i in
            ("d\(i).txt", "Analyst \(word(i, 1).capitalized) \(word(i, 2).capitalized) said the \(word(i, 3)) \(word(i, 4)) would \(word(i, 5)) the \(word(i, 6)).\n")
        }
        let a = analyze(docs)
        XCTAssertEqual(a.claims.count, a.statements.count)
        XCTAssertTrue(a.claims.allSatisfy { $0.status == "uncontested" })
    }
}
