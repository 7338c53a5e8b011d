import AttestCore
import Foundation

/// schema.org `ClaimReview` JSON-LD, one review per assessed claim; the author is this tool run.
public enum ClaimReviewReport {
    /// The reviews as a JSON-LD array. `date` is the review date (defaults to today, UTC).
    public static func render(_ a: Analysis, date: String? = nil) -> String {
        let index = ClaimIndex(a)
        let today = date ?? ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC") ?? .current,
                                                         formatOptions: [.withFullDate])
        let tool = JSONValue.object([("@type", .string("Organization")), ("name", .string("attest \(JSONReport.toolVersion)"))])
        let reviews: [JSONValue] = index.ordered.map { c in
            let members = c.evidence.compactMap { e in index.statements[e.statement].map { (e.role, $0) } }
            let asserting = members.filter { $0.0 == "asserts" }.map(\.1)
            var seen = Set<String>()
            let appearances: [JSONValue] = asserting.compactMap { s in
                guard let d = index.document(s), seen.insert(d.path).inserted else { return nil }
                var pairs: [(String, JSONValue)] = [("@type", .string("CreativeWork")), ("url", .string(d.url ?? d.path))]
                if let t = d.title { pairs.append(("headline", .string(t))) }
                if let o = d.outlet { pairs.append(("publisher", .object([("@type", .string("Organization")), ("name", .string(o))]))) }
                if let dt = d.date { pairs.append(("datePublished", .string(dt))) }
                return .object(pairs)
            }
            let first = asserting.first
            let published = asserting.compactMap { $0.date ?? index.document($0)?.date }.min()
            let authorType = first.map { $0.speaker.type == "person" ? "Person" : "Organization" } ?? "Organization"
            var item: [(String, JSONValue)] = [("@type", .string("Claim"))]
            item.append(("author", .object([("@type", .string(authorType)), ("name", .string(c.claimant ?? "unnamed source"))])))
            item.append(("appearance", .array(appearances)))
            if let firstAppearance = appearances.first { item.append(("firstAppearance", firstAppearance)) }
            item.append(("datePublished", .optional(published)))
            return .object([
                ("@context", .string("https://schema.org")),
                ("@type", .string("ClaimReview")),
                ("identifier", .string(c.id)),
                ("claimReviewed", .string(c.text)),
                ("itemReviewed", .object(item)),
                ("reviewRating", .object([("@type", .string("Rating")), ("alternateName", .string(c.status)),
                                          ("ratingExplanation", .string(c.reasons.joined(separator: " ")))])),
                ("author", tool),
                ("datePublished", .string(today)),
            ])
        }
        return JSONValue.array(reviews).render() + "\n"
    }
}
