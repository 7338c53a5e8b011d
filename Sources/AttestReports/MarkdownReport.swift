import AttestCore

/// Lookups shared by the claim reports.
struct ClaimIndex {
    let analysis: Analysis
    let statements: [String: Statement]

    init(_ a: Analysis) {
        analysis = a
        var byID: [String: Statement] = [:]
        for s in a.statements { byID[s.id] = s }
        statements = byID
    }

    /// Claims, contradicted first, then unconfirmed, then the rest (stable within a status).
    var ordered: [Claim] {
        analysis.claims.enumerated().sorted { a, b in
            let ra = ClaimStatus(rawValue: a.element.status)?.rank ?? 9, rb = ClaimStatus(rawValue: b.element.status)?.rank ?? 9
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    func document(_ s: Statement) -> Document? {
        s.documentIndex < analysis.documents.count ? analysis.documents[s.documentIndex] : nil
    }

    func place(_ s: Statement) -> String { "\(document(s)?.fileName ?? s.document):\(s.line)" }

    func outlet(_ s: Statement) -> String { document(s).map { $0.outlet ?? $0.fileName } ?? s.document }

    func count(_ status: ClaimStatus) -> Int { analysis.claims.filter { $0.status == status.rawValue }.count }
}

/// The contradiction report as Markdown: summary, then contradicted, unconfirmed and the other claims,
/// each with claimant, status, reasons and quoted evidence (file:line and rule).
public enum MarkdownReport {
    /// Escapes corpus text so Markdown renders it literally (no links, emphasis or HTML).
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in TextReport.sanitize(s) {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!": out += "\\" + String(ch)
            case "\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    public static func render(_ a: Analysis) -> String {
        let index = ClaimIndex(a)
        let ok = a.documents.filter { $0.status == .ok }.count
        var out = "# Attest contradiction report\n\n## Summary\n\n"
        out += "- Documents: \(ok)" + (a.documents.count > ok ? " (\(a.documents.count - ok) skipped)" : "") + "\n"
        out += "- Statements: \(a.statements.count)\n"
        out += "- Claims: \(a.claims.count) — " + ClaimStatus.allCases.map { "\(index.count($0)) \($0.rawValue)" }.joined(separator: ", ") + "\n"
        let sections: [(String, (Claim) -> Bool)] = [
            ("Contradicted claims", { $0.status == ClaimStatus.contradicted.rawValue }),
            ("Unconfirmed claims", { $0.status == ClaimStatus.unconfirmed.rawValue }),
            ("Other claims", { $0.status != ClaimStatus.contradicted.rawValue && $0.status != ClaimStatus.unconfirmed.rawValue }),
        ]
        let ordered = index.ordered
        for (title, test) in sections {
            let claims = ordered.filter(test)
            out += "\n## \(title) (\(claims.count))\n"
            if claims.isEmpty { out += "\nNone.\n" }
            for c in claims { out += claim(c, index) }
        }
        return out
    }

    static func claim(_ c: Claim, _ index: ClaimIndex) -> String {
        var out = "\n### \(c.id): \(escape(c.text))\n\n"
        out += "- Claimant: \(escape(c.claimant ?? "an unnamed source"))\n"
        out += "- Status: **\(c.status)**\n"
        if !c.reasons.isEmpty {
            out += "- Reasons:\n"
            for r in c.reasons { out += "  - \(escape(r))\n" }
        }
        out += "- Evidence:\n"
        for e in c.evidence {
            guard let s = index.statements[e.statement] else { continue }
            let who = escape(s.speaker.name ?? "unattributed")
            out += "  - *\(e.role)* — \(who), `\(index.place(s))`, rule `\(s.rule)`: “\(escape(s.sentence))”\n"
        }
        return out
    }
}
