import XCTest
import PCRE2Kit
@testable import AttestCore

final class ExtractionTests: XCTestCase {
    func testDefaultRulesLoadWithoutErrors() {
        let errors = defaultRules.problems.filter { $0.severity == .error }
        XCTAssertTrue(errors.isEmpty, errors.map(\.description).joined(separator: "\n"))
        XCTAssertGreaterThan(defaultRules.rules(.statement).count, 5)
    }

    func testClaimAndNonConfirmationAreBothFoundWithResolvedSpeakers() throws {
        let text = """
        Copper Deal Draws Questions
        Outgoing Chilean President Gabriel Boric wrote on social media that Peru would ship “every tonne it promised” by March.
        Peruvian Energy Ministry spokeswoman Ana Quispe did not directly confirm the post, saying talks were still under way.
        """
        let a = analyze([("copper.txt", text)])
        let claim = try XCTUnwrap(a.statements.first { $0.speaker.name == "Gabriel Boric" })
        XCTAssertEqual(claim.speaker.role, "Outgoing Chilean President")
        XCTAssertEqual(claim.cue, "wrote")
        XCTAssertEqual(claim.channel, "social media")
        XCTAssertEqual(claim.kind, "mixed")
        XCTAssertEqual(claim.line, 2)
        XCTAssertTrue(claim.content.hasPrefix("Peru would ship"))
        let answer = try XCTUnwrap(a.statements.first { $0.speaker.name == "Ana Quispe" })
        XCTAssertEqual(answer.stance, "not-confirm")
        XCTAssertEqual(answer.speaker.type, "person")
        XCTAssertFalse(a.statements.contains { $0.sentence.hasPrefix("Copper Deal") }, "headings are not statements")
    }

    func testACueInsideATranscriptTurnBelongsToTheTurn() throws {
        let text = """
        Harbour board briefing, May 2

        Ana Ruiz: I have said this before. The ferry company told us the hull was sound, and we believe it.

        Reporter: Will the pier reopen?
        """
        let a = analyze([("briefing.txt", text)])
        XCTAssertEqual(a.statements.map(\.speaker.name), ["Ana Ruiz"], "one statement: the turn; the cues inside it are her words")
        let turn = try XCTUnwrap(a.statements.first)
        XCTAssertTrue(turn.content.contains("ferry company told us"), turn.content)
    }

    func testStanceFromTheContentWhenTheCueGivesNone() throws {
        let text = """
        The port authority said there was no agreement to sell the ferries.
        The harbour master said she could not confirm when the dredging would start.
        The union rejected the report, saying it was false.
        The mayor said it was wrong to close the pier in summer.
        "Our own samples confirm the readings," the lab director said.
        """
        let a = analyze([("port.txt", text)])
        func stance(_ speaker: String) -> String? { a.statements.first { $0.speaker.mention == speaker }?.stance }
        XCTAssertEqual(stance("The port authority"), "deny")
        XCTAssertEqual(stance("The harbour master"), "not-confirm")
        XCTAssertEqual(a.statements.first { $0.cue == "rejected" }?.stance, "deny", "the cue decides first")
        XCTAssertEqual(stance("The mayor"), "assert", "a judgement of an act is not a denial")
        XCTAssertEqual(stance("the lab director"), "confirm")
    }

    func testTextWrappedAcrossLinesGivesTheSameStatementsAsOneLine() throws {
        let flat = """
        “The pier will stay shut until the divers have checked every pillar,” harbour master Ana Ruiz said on Monday, adding that the ferries would use the old dock.

        The ferry company, which runs nine boats, said it had not been told when the pier would reopen.
        """
        let wrapped = """
        “The pier will stay shut until the divers have checked every
        pillar,” harbour master Ana Ruiz said on Monday, adding that the
        ferries would use the old dock.

        The ferry company, which runs nine boats, said it had not been
        told when the pier would reopen.
        """
        func summary(_ text: String) -> [String] {
            analyze([("a.txt", text)]).statements.map { "\($0.speaker.name ?? "-")|\($0.cue)|\($0.content)" }
        }
        let expected = summary(flat)
        XCTAssertEqual(expected.count, 3, expected.joined(separator: "\n"))
        XCTAssertEqual(summary(wrapped), expected)
    }

    func testAnOutletAliasInAPatternIsRecognisedAndANewsAgencyLabelIsNoTurn() throws {
        let credit = analyze([("a.txt", "The ferry strike ended on Monday (AFP).")])
        XCTAssertEqual(credit.statements.first?.speaker.name, "Agence France-Presse", "the alias AFP stands for the outlet")
        let briefing = analyze([("b.txt", "Harbour ministry briefing, May 2\n\nAFP: Your office says the pier is sold. Can you confirm?\n\nAna Ruiz: I have nothing to add.")])
        XCTAssertEqual(briefing.statements.map(\.speaker.name), ["Ana Ruiz"], "the agency's question is not a statement")
    }

    func testAStatementInsideWhatAnotherReportsIsPartOfThatReportUnlessItIsRelayed() throws {
        let lawyer = analyze([("a.txt", "Her lawyer said she would not answer questions about the pier.")])
        XCTAssertEqual(lawyer.statements.map(\.cue), ["said"], "the lawyer says she will not answer: one statement, the lawyer's")
        XCTAssertEqual(lawyer.statements.first?.content, "she would not answer questions about the pier")
        let relayed = analyze([("b.txt", "The Harbour Post reported that the mayor said the pier was safe.")])
        XCTAssertEqual(relayed.statements.map(\.cue), ["reported", "said"], "a report of what the mayor said passes her words on")
        let joined = analyze([("c.txt", "The mayor stressed that the repairs were not done, and harbour unions warned that the city was rushing.")])
        XCTAssertEqual(joined.statements.map(\.speaker.mention), ["The mayor", "harbour unions"], "a clause of its own after ', and' is a second statement")
    }

    func testAWireStoryCarriedByAnotherOutletIsRelayedThroughTheWire() throws {
        let text = "LISBON, May 2 (Reuters) - The ferry strike is over, the union said.\n\nThe union's leader, Ana Ruiz, said the crews would sail on Monday."
        func statements(outlet: String) -> [Statement] {
            let doc = Document(id: "", path: "feed.jsonl#a", format: .text, bytes: text.utf8.count, text: text, outlet: outlet)
            return Analyzer(rules: defaultRules).analyze(documents: [doc]).statements
        }
        let carried = statements(outlet: "Harbour Courier")
        let ruiz = try XCTUnwrap(carried.first { $0.speaker.name == "Ana Ruiz" })
        XCTAssertEqual(ruiz.via, "Reuters", "the courier carries the Reuters story")
        XCTAssertFalse(carried.contains { $0.cue == "(Reuters)" }, "the dateline credit relays the article and makes no statement of its own")
        let own = statements(outlet: "Reuters")
        XCTAssertNil(own.first { $0.speaker.name == "Ana Ruiz" }?.via, "in Reuters' own copy nothing is relayed")
        let told = "Ana Ruiz told Reuters in an interview that the crews would sail on Monday."
        let interview = Analyzer(rules: defaultRules).analyze(documents: [
            Document(id: "", path: "feed.jsonl#b", format: .text, bytes: told.utf8.count, text: told, outlet: "Reuters")]).statements
        XCTAssertEqual(interview.count, 1)
        XCTAssertNil(interview.first?.via, "told Reuters, in Reuters' own copy: spoken to its reporter, not relayed")
        let elsewhere = Analyzer(rules: defaultRules).analyze(documents: [
            Document(id: "", path: "feed.jsonl#c", format: .text, bytes: told.utf8.count, text: told, outlet: "Harbour Courier")]).statements
        XCTAssertEqual(elsewhere.first?.via, "Reuters", "told Reuters, in another outlet's story: relayed through Reuters")
        XCTAssertFalse(own.contains { $0.cue == "(Reuters)" })
    }

    func testPronounResolvesToPreviousSpeakerNotToOrganisationInApposition() throws {
        let text = "Maria Ortiz, an economist at the Lima Policy Institute, describes the pact as “a pause, not a peace”. She argues that prices will stay volatile for years."
        let a = analyze([("a.txt", text)])
        let pronoun = try XCTUnwrap(a.statements.first { $0.speaker.mention == "She" })
        XCTAssertEqual(pronoun.speaker.name, "Maria Ortiz")
        XCTAssertEqual(pronoun.content, "prices will stay volatile for years")
    }

    func testQuoteBeforeInvertedSpeakerSpanningTwoSentences() throws {
        let text = "“We will not sign this week. The text is not ready,” said Tomas Lind, the union’s lead negotiator."
        let a = analyze([("a.txt", text)])
        let s = try XCTUnwrap(a.statements.first)
        XCTAssertEqual(s.speaker.name, "Tomas Lind")
        XCTAssertEqual(s.kind, "direct")
        XCTAssertEqual(s.content, "We will not sign this week. The text is not ready")
    }

    /// The statement of `speaker` found in `text` (a failure when there is none).
    func statement(by speaker: String, in text: String) throws -> Statement {
        try XCTUnwrap(analyze([("a.txt", text)]).statements.first { $0.speaker.name == speaker }, "no statement by \(speaker)")
    }

    func testQuotationContinuedAfterTheAttributionJoinsTheContent() throws {
        let s = try statement(by: "Nadia Haddad", in: "“The port will reopen,” said Nadia Haddad, the harbour master. “Repairs take two weeks. Then ships return.” Traders were relieved.")
        XCTAssertEqual(s.content, "The port will reopen … Repairs take two weeks. Then ships return.")
        XCTAssertEqual(s.kind, "direct")
    }

    func testQuotationWithItsOwnAttributionIsNoContinuation() throws {
        let s = try statement(by: "Nadia Haddad", in: "“The port will reopen,” Nadia Haddad said. “Not before May,” her deputy replied.")
        XCTAssertEqual(s.content, "The port will reopen")
    }

    func testQuotationContinuesIntoAParagraphThatIsOnlyTheQuote() throws {
        let text = "“Prices will fall,” Omar Rahimi said.\n\n“Not this month, but by winter.”\n\n“Supply is short,” a trader said on Monday, and left."
        XCTAssertEqual(try statement(by: "Omar Rahimi", in: text).content, "Prices will fall … Not this month, but by winter.")
    }

    func testClauseAfterTheAttributionOfAQuotationIsNoContent() throws {
        let s = try statement(by: "Nadia Haddad", in: "“The port will reopen,” Nadia Haddad said, pointing at the cranes.")
        XCTAssertEqual(s.content, "The port will reopen")
    }

    func testContentEndingInAQuotationRunsToItsClosingMark() throws {
        let s = try statement(by: "Omar Rahimi", in: "Omar Rahimi told the traders on Monday that “prices will fall. Not this month, but by winter.”")
        XCTAssertTrue(s.content.hasSuffix("but by winter.”"), s.content)
        XCTAssertEqual(s.kind, "mixed")
    }

    func testQuestionInQuotesStaysWithItsAttribution() throws {
        let s = try statement(by: "Omar Rahimi", in: "“Who will pay for it?” Omar Rahimi asked. “Not the farmers.”")
        XCTAssertEqual(s.content, "Who will pay for it? … Not the farmers.")
    }

    func testHeadlineHoldingACueIsRead() throws {
        let a = analyze([("a.txt", "Ana Ruiz says port talks have failed\n\nTrade Talks In Lisbon\n\nThe meeting ended early on Monday.")])
        let headline = try XCTUnwrap(a.statements.first)
        XCTAssertEqual(headline.line, 1)
        XCTAssertEqual(headline.speaker.name, "Ana Ruiz")
        XCTAssertEqual(a.statements.count, 1, "a heading without a cue stays skipped")
    }

    func testHeadlineWithoutACueIsReadOnlyByHeadingRules() throws {
        let a = analyze([("a.txt", "Ruiz: Port Talks Have Failed\n\nTrade Talks In Lisbon\n\nThe meeting ended early on Monday.")])
        let headline = try XCTUnwrap(a.statements.first)
        XCTAssertEqual(headline.line, 1)
        XCTAssertEqual(headline.rule, "headline-name-colon")
        XCTAssertEqual(headline.speaker.name, "Ruiz")
        XCTAssertEqual(a.statements.count, 1, "the second heading holds no claim and stays skipped")
    }

    func testLineEndingInAColonTakesTheQuotationThatFollows() throws {
        let s = try statement(by: "Omar Rahimi", in: "Omar Rahimi added:\n\n“Nobody wants a price war.”")
        XCTAssertEqual(s.content, "Nobody wants a price war.")
    }

    func testQuotedTranscriptTurnRunsToTheParagraphEnd() throws {
        let text = "\"HOST: Welcome back. Prices rose again this week.\n\n\"RAHIMI: They did. Nobody expected it."
        let turn = try XCTUnwrap(analyze([("a.txt", text)]).statements.first { $0.speaker.mention == "HOST" })
        XCTAssertEqual(turn.content, "Welcome back. Prices rose again this week")
    }

    func testTranscriptTurnRunsToTheParagraphEnd() throws {
        let text = "The panel went on.\n\nRUIZ: We agree on prices. The rest waits until May.\n\nThe hearing ended."
        XCTAssertEqual(try statement(by: "RUIZ", in: text).content, "We agree on prices. The rest waits until May")
    }

    func testTwoApostropheQuotationIsDirectAndStripped() throws {
        let s = try statement(by: "Ines Moreau", in: "''The harvest is late,'' said Ines Moreau, a grower. ''It rained all June.''")
        XCTAssertEqual(s.kind, "direct")
        XCTAssertEqual(s.content, "The harvest is late … It rained all June.")
    }

    func testHedgedAssertionHasAnonymousSpeaker() throws {
        let a = analyze([("a.txt", "Meanwhile, reports indicate that the plant may close by autumn.")])
        let s = try XCTUnwrap(a.statements.first)
        XCTAssertNil(s.speaker.name)
        XCTAssertEqual(s.speaker.type, "anonymous")
        XCTAssertEqual(s.stance, "hedged")
        XCTAssertEqual(s.content, "the plant may close by autumn")
    }

    func testOutletRelayAndOutletSpeaker() throws {
        let a = analyze([("a.txt", "A senior executive told the Financial Times that the forms demanded customer lists. The *Wall Street Journal* reports that two suppliers have paused orders.")])
        let relayed = try XCTUnwrap(a.statements.first { $0.cue == "told" })
        XCTAssertEqual(relayed.via, "Financial Times")
        let outlet = try XCTUnwrap(a.statements.first { $0.cue == "reports" })
        XCTAssertEqual(outlet.speaker.type, "outlet")
        XCTAssertEqual(outlet.speaker.name, "The Wall Street Journal")
        XCTAssertNil(outlet.via)
    }

    func testShortNameBecomesFullNameAcrossDocuments() throws {
        let a = analyze([("1.txt", "Prime Minister Lena Varga said the budget would pass."),
                         ("2.txt", "Varga said on Tuesday that taxes would not rise.")])
        XCTAssertEqual(a.statements.count, 2)
        XCTAssertEqual(Set(a.statements.compactMap(\.speaker.name)), ["Lena Varga"])
    }

    func testBoxesAndCuesInsideQuotesAreNotStatements() {
        let a = analyze([("a.txt", "Did You Know? Officials said the mine is the largest in the region.\nPro Tip: Ask the ministry what it said.\n“I said no twice,” the mayor recalled.")])
        XCTAssertFalse(a.statements.contains { $0.sentence.hasPrefix("Did You Know") })
        XCTAssertFalse(a.statements.contains { $0.sentence.hasPrefix("Pro Tip") })
        XCTAssertFalse(a.statements.contains { $0.speaker.mention == "I" }, "a cue inside a quotation is quoted speech")
    }

    func testRuleThatBacktracksForeverIsStoppedAndTheRunGoesOn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attest-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lexicons"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        schema: 1
        rules:
          - id: runaway
            phase: statement
            pattern: '(?<cue>(?:\\w+\\s?)+)+[0-9]'
            flags: [no_extended]
            examples:
              - no_match: 'x'
        """.write(to: dir.appendingPathComponent("runaway.yml"), atomically: true, encoding: .utf8)
        let rules = RuleLoader().load(folders: [repositoryRoot.appendingPathComponent("rules").path, dir.path])
        XCTAssertFalse(rules.hasErrors, rules.problems.map(\.description).joined(separator: "\n"))
        var options = AnalysisOptions()
        options.matchLimit = 20_000
        let text = "The spokesman said that the long sentence here goes on" + String(repeating: " and on", count: 30)
        let a = Analyzer(rules: rules, options: options).analyze(documents: [Document(id: "", path: "slow.txt", format: .text, bytes: text.utf8.count, text: text)])
        XCTAssertTrue(a.warnings.contains { $0.rule == "runaway" && $0.document == "slow.txt" && $0.message.contains("match limit") })
        XCTAssertTrue(a.statements.contains { $0.speaker.mention == "The spokesman" }, "other rules still ran")
    }

    func testSpilledStatementsComeBackWhole() throws {
        var statement = Statement(documentIndex: 3, document: "a/b.txt", sentence: "“稀土,” he said.", span: ByteSpan(10..<30), line: 7,
                                  speaker: Speaker(name: "Lin Jian", mention: "he", role: nil, type: "person"), cue: "said",
                                  content: "稀土", kind: "direct", stance: "assert", rule: "r1", cueSpan: ByteSpan(24..<28), sentenceIndex: 5)
        statement.id = "s9"; statement.via = "Pacific Wire"; statement.date = "2025-06-12"; statement.contentSpan = ByteSpan(13..<19)
        statement.recipient = "reporters"; statement.speakerHead = "Lin"
        // Every stored property is in the codec: a new field must be added there too.
        XCTAssertEqual(Mirror(reflecting: statement).children.compactMap(\.label), StatementCodec.statementFields)
        XCTAssertEqual(Mirror(reflecting: statement.speaker).children.compactMap(\.label), StatementCodec.speakerFields)
        // In memory (the default for small corpora) and on disk (no memory allowed).
        for spill in [try StatementSpill(), try StatementSpill(memoryLimit: 0)] {
            let empty = try spill.append([])
            let chunk = try spill.append([statement, statement])
            XCTAssertEqual(try spill.read(empty).count, 0)
            let back = try spill.read(chunk)
            XCTAssertEqual(back.count, 2)
            let b = try XCTUnwrap(back.last)
            XCTAssertEqual(String(describing: b), String(describing: statement), "every field survives the round trip")
        }
    }
}
