/// A piece of evidence for a claim: a statement and the part it plays.
public struct ClaimEvidence: Sendable, Codable, Hashable {
    public var statement: String
    /// asserts | confirms | denies | not-confirms | conflicting-figure | conflicting-date | conflicting-title
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

/// The claim statuses, most severe first.
public enum ClaimStatus: String, Sendable, CaseIterable {
    case contradicted, unconfirmed, confirmed, uncontested

    /// Position in the report order (contradicted first).
    public var rank: Int { ClaimStatus.allCases.firstIndex(of: self) ?? 0 }
}
