/// Decides a claim's status from the roles of its evidence, and writes one short reason per
/// finding, naming who and where (file:line).
///
/// - `contradicted`: a party denies it, or a source gives a conflicting figure or date for the same
///   quantity or event, or calls the same person by a title "former" at the same date (or the reverse);
/// - `confirmed`: an independent named source confirms it (a relayed copy of the same wire text is not independent);
/// - `unconfirmed`: a party does not confirm it, or only hedged or anonymous sources assert it;
/// - `uncontested`: named sources assert it and nothing else speaks to it.
struct ClaimAssessor {
    let statements: [Statement]
    let documents: [Document]
    let features: [StatementFeatures]
    /// How many identifying words a speaker name has (to name a claimant by its fullest name).
    let identifying: (String) -> Int
    /// At most this many characters of what a non-confirming source said are quoted in a reason.
    let maxQuoted = 100

    func place(_ i: Int) -> String {
        let s = statements[i]
        let name = s.documentIndex < documents.count ? documents[s.documentIndex].fileName : s.document
        return "\(name):\(s.line)"
    }

    func who(_ i: Int) -> String {
        let s = statements[i]
        guard let name = s.speaker.name else { return "an unnamed source" }
        if let role = s.speaker.role, !role.isEmpty { return "\(name) (\(role))" }
        return name
    }

    func outlet(_ i: Int) -> String {
        let s = statements[i]
        guard s.documentIndex < documents.count else { return s.document }
        let d = documents[s.documentIndex]
        return d.outlet ?? d.fileName
    }

    /// How statement `i` leaves a claim unconfirmed, in words: its cue ("declined to comment"),
    /// with what it said when the stance came from that ("said “I'm not aware of what you
    /// mentioned”"; a transcript label is no verb), or "did not confirm it" for an answer that
    /// does not take up the claim.
    func nonConfirmation(_ i: Int) -> String {
        let s = statements[i]
        guard s.stance == "not-confirm" else { return "did not confirm it" }
        let cue = s.cue.isEmpty || s.cue == ":" || s.cue == s.speaker.mention ? "said" : s.cue
        guard !s.content.isEmpty, s.content.count <= maxQuoted || cue == "said" else { return cue }
        let content = s.content.count <= maxQuoted ? s.content : String(s.content.prefix(maxQuoted)) + "…"
        return "\(cue) “\(content)”"
    }

    func assess(_ draft: ClaimDraft, id: String) -> Claim {
        let seed = statements[draft.seed]
        var reasons: [String] = []
        let by = { (role: String) in draft.members.filter { $0.role == role }.map(\.statement) }
        let denies = by("denies"), notConfirms = by("not-confirms"), confirms = by("confirms")
        let asserts = by("asserts")
        let relayed = Set(draft.relays.map(\.statement))
        for i in denies {
            let verb = statements[i].stance == "deny" ? statements[i].cue + " it"
                : features[i].sentence.deniedClaim.map { "\($0.verb) \($0.owner.map { $0 + "'s" } ?? "the") \($0.anaphor)" } ?? "said it is not so"
            reasons.append("denied: \(who(i)) \(verb) (\(place(i)))")
        }
        for c in draft.conflicts {
            let gives = c.role == "conflicting-title" ? "writes" : "gives"
            reasons.append("\(c.role): \(who(c.statement)) \(gives) \(c.theirs) where the claim has \(c.ours) (\(place(c.statement)))")
        }
        for i in confirms {
            let verb = statements[i].stance == "confirm" ? "confirmed it" : "independently says the same"
            reasons.append("confirmed-independently: \(who(i)) \(verb) (\(place(i)))")
        }
        for i in notConfirms {
            if statements[i].speaker.name == nil {
                reasons.append("not-confirmed: the text says it \"\(statements[i].cue)\", with no named source (\(place(i)))")
            } else {
                reasons.append("not-confirmed: \(who(i)) \(nonConfirmation(i)) (\(place(i)))")
            }
        }
        let named = asserts.filter { !features[$0].hedged && !relayed.contains($0) }
        let hedgedOnly = named.isEmpty
        if hedgedOnly {
            for i in asserts where features[i].hedged {
                reasons.append("hedged-sourcing: \"\(statements[i].cue)\" with no named source (\(place(i)))")
            }
        }
        for r in draft.relays {
            reasons.append("same-wire-copy: \(outlet(r.statement)) relays the text \(outlet(r.original)) carried (\(place(r.statement)) = \(place(r.original))); counted as one source")
        }
        let status: ClaimStatus
        if !denies.isEmpty || !draft.conflicts.isEmpty {
            status = .contradicted
        } else if !confirms.isEmpty {
            status = .confirmed
        } else if !notConfirms.isEmpty || hedgedOnly {
            status = .unconfirmed
        } else {
            status = .uncontested
            let sources = Set(named.compactMap { statements[$0].speaker.name })
            reasons.append("single-source: only \(who(draft.seed)) asserts it (\(place(draft.seed)))"
                           + (sources.count > 1 ? "; restated by the same side" : "") + "; nothing else in the corpus speaks to it")
        }
        var text = seed.content.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = text.last, ".,;:".contains(last) { text.removeLast() }
        if text.isEmpty { text = seed.sentence }
        let evidence = draft.members.map { ClaimEvidence(statement: statements[$0.statement].id, role: $0.role) }
        // The claimant: the asserting source named most fully ("Donald Trump" over "U.S. president").
        var claimant = seed.speaker.name
        for i in asserts where !features[i].hedged {
            if let name = statements[i].speaker.name, identifying(name) > claimant.map(identifying) ?? -1 { claimant = name }
        }
        return Claim(id: id, text: text, claimant: claimant, status: status.rawValue, reasons: reasons, evidence: evidence)
    }
}
