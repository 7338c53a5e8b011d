/// A piece of evidence for a claim: a statement and the part it plays.
public struct ClaimEvidence: Sendable, Codable, Hashable {
    public var statement: String
    /// asserts | confirms | denies | not-confirms | conflicting-figure | relays
    public var role: String
    public init(statement: String, role: String) { self.statement = statement; self.role = role }
}

/// A proposition asserted by a statement, with its assessed status, reasons and evidence.
public struct Claim: Sendable {
    public var id: String
    public var text: String
    public var claimant: String?
    /// contradicted | unconfirmed | confirmed | uncontested
    public var status: String
    public var reasons: [String]
    public var evidence: [ClaimEvidence]
    public init(id: String, text: String, claimant: String?, status: String, reasons: [String], evidence: [ClaimEvidence]) {
        self.id = id; self.text = text; self.claimant = claimant; self.status = status; self.reasons = reasons; self.evidence = evidence
    }
}

/// Groups statements into claims and assesses them (minimal until linking is built: each asserting
/// statement is its own claim; hedged ones are unconfirmed).
public struct ClaimLinker: Sendable {
    public let rules: RuleSet
    public init(rules: RuleSet) { self.rules = rules }

    public func link(statements: [Statement], documents: [Document]) -> [Claim] {
        var claims: [Claim] = []
        for s in statements where s.stance == "assert" || s.stance == "hedged" {
            let hedged = s.stance == "hedged"
            let who = s.speaker.name ?? "an unnamed source"
            claims.append(Claim(id: "c\(claims.count + 1)", text: s.content, claimant: s.speaker.name,
                                status: hedged ? "unconfirmed" : "uncontested",
                                reasons: [hedged ? "hedged-sourcing: \"\(s.cue)\" with no named source (\(s.document):\(s.line))"
                                                 : "single-source: only \(who) asserts it (\(s.document):\(s.line))"],
                                evidence: [ClaimEvidence(statement: s.id, role: "asserts")]))
        }
        return claims
    }
}
