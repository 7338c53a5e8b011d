import AttestCore
import Foundation

/// The contradiction report as one self-contained HTML page: no network, no external assets.
/// Filters by status, speaker and outlet; each claim expands to its evidence highlighted in context;
/// an inline SVG graph shows who answered whom. Every piece of corpus text is escaped, and a
/// Content-Security-Policy with a per-page nonce keeps any script but the page's own from running.
public enum HTMLReport {
    /// Escapes text for HTML element content and quoted attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if u.value < 0x20 && u != "\n" && u != "\t" || u.value == 0x7F { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Evidence roles in legend order.
    static let roleOrder = ["asserts", "confirms", "denies", "not-confirms", "conflicting-figure", "conflicting-date", "conflicting-title"]

    static let roleColors: [String: String] = [
        "asserts": "#6b7280", "confirms": "#15803d", "denies": "#b91c1c", "not-confirms": "#c2410c",
        "conflicting-figure": "#7e22ce", "conflicting-date": "#a21caf", "conflicting-title": "#be185d",
    ]

    static let statusColors: [String: String] = [
        "contradicted": "#b91c1c", "unconfirmed": "#c2410c", "confirmed": "#15803d", "uncontested": "#475569",
    ]

    /// The page. `nonce` marks the page's own script for the Content-Security-Policy (random by default).
    public static func render(_ a: Analysis, nonce: String = UUID().uuidString.replacingOccurrences(of: "-", with: "")) -> String {
        let index = ClaimIndex(a)
        let claims = index.ordered
        var speakers = Set<String>(), outlets = Set<String>()
        for c in claims {
            for e in c.evidence {
                guard let s = index.statements[e.statement] else { continue }
                speakers.insert(s.speaker.name ?? "unattributed")
                outlets.insert(index.outlet(s))
            }
        }
        let ok = a.documents.filter { $0.status == .ok }.count
        var out = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-\(nonce)'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Attest contradiction report</title>
        <style>
        body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 1.5em;color:#111827}
        h1{font-size:1.5em}.summary span{display:inline-block;margin-right:1em}
        .badge{display:inline-block;color:#fff;border-radius:4px;padding:0 .45em;font-size:.8em;text-transform:uppercase;margin-right:.4em}
        details.claim{border:1px solid #d1d5db;border-radius:6px;margin:.5em 0;padding:.4em .8em}
        details.claim summary{cursor:pointer}.claimant{color:#4b5563}
        .evidence{margin:.6em 0;padding:.4em .6em;background:#f9fafb;border-left:4px solid #9ca3af}
        .context{color:#374151;white-space:pre-line}.context mark{background:#fef08a}.context b{background:#bfdbfe;font-weight:600}
        .meta{font-size:.85em;color:#4b5563}.filters label{margin-right:1em}
        svg text{font-size:11px;fill:#111827}svg text.head{font-size:12px;font-weight:600;fill:#374151}
        </style></head><body>
        <h1>Attest contradiction report</h1>
        <p class="summary"><span>\(ok) documents</span><span>\(a.statements.count) statements</span><span>\(a.claims.count) claims:</span>
        """
        for status in ClaimStatus.allCases {
            out += "<span><span class=\"badge\" style=\"background:\(statusColors[status.rawValue] ?? "#444")\">\(status.rawValue)</span>\(index.count(status))</span>"
        }
        out += "</p>\n<div class=\"filters\">"
        out += select("status", "Status", ClaimStatus.allCases.map(\.rawValue))
        out += select("speaker", "Speaker", speakers.sorted())
        out += select("outlet", "Outlet", outlets.sorted())
        out += "</div>\n<h2>Who answered whom</h2>\n" + graph(claims, index) + "\n<h2>Claims</h2>\n<div id=\"claims\">\n"
        for c in claims { out += claim(c, index) }
        out += "</div>\n<p class=\"meta\">Written by attest \(escape(JSONReport.toolVersion)).</p>\n"
        out += """
        <script nonce="\(nonce)">
        (function(){
          var sel=function(n){return document.getElementById('filter-'+n);};
          function apply(){
            var st=sel('status').value, sp=sel('speaker').value, ou=sel('outlet').value;
            var items=document.querySelectorAll('details.claim');
            for(var i=0;i<items.length;i++){
              var d=items[i], show=true;
              if(st&&d.getAttribute('data-status')!==st)show=false;
              if(sp&&d.getAttribute('data-speakers').split('\\u001f').indexOf(sp)<0)show=false;
              if(ou&&d.getAttribute('data-outlets').split('\\u001f').indexOf(ou)<0)show=false;
              d.style.display=show?'':'none';
            }
          }
          ['status','speaker','outlet'].forEach(function(n){sel(n).addEventListener('change',apply);});
        })();
        </script>
        </body></html>

        """
        return out
    }

    static func select(_ id: String, _ label: String, _ values: [String]) -> String {
        var out = "<label>\(label) <select id=\"filter-\(id)\"><option value=\"\">all</option>"
        for v in values { out += "<option value=\"\(escape(v))\">\(escape(v))</option>" }
        return out + "</select></label>"
    }

    static func claim(_ c: Claim, _ index: ClaimIndex) -> String {
        let members = c.evidence.compactMap { e in index.statements[e.statement].map { (e.role, $0) } }
        let speakers = Set(members.map { $0.1.speaker.name ?? "unattributed" }).sorted().joined(separator: "\u{1F}")
        let outlets = Set(members.map { index.outlet($0.1) }).sorted().joined(separator: "\u{1F}")
        // Contradicted claims open by default: they are what a fact-checker reads first.
        let open = c.status == ClaimStatus.contradicted.rawValue ? " open" : ""
        var out = "<details class=\"claim\"\(open) id=\"\(escape(c.id))\" data-status=\"\(escape(c.status))\" data-speakers=\"\(escape(speakers))\" data-outlets=\"\(escape(outlets))\">\n"
        out += "<summary><span class=\"badge\" style=\"background:\(statusColors[c.status] ?? "#444")\">\(escape(c.status))</span>"
        out += "\(escape(c.id)): \(escape(c.text)) <span class=\"claimant\">— \(escape(c.claimant ?? "an unnamed source"))</span></summary>\n"
        if !c.reasons.isEmpty {
            out += "<ul class=\"reasons\">" + c.reasons.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
        }
        for (role, s) in members {
            out += "<div class=\"evidence\" style=\"border-left-color:\(roleColors[role] ?? "#9ca3af")\">"
            out += "<div class=\"meta\"><strong>\(escape(role))</strong> · \(escape(s.speaker.name ?? "unattributed")) · \(escape(index.place(s)))\(index.document(s)?.outlet.map { " · " + escape($0) } ?? "") · rule \(escape(s.rule))</div>"
            out += "<div class=\"context\">\(context(s, index))</div></div>\n"
        }
        return out + "</details>\n"
    }

    /// The sentence in its surrounding text, the sentence marked and the cue in bold, all escaped.
    static func context(_ s: Statement, _ index: ClaimIndex) -> String {
        guard let doc = index.document(s), !doc.text.isEmpty else {
            return "<mark>" + escape(s.sentence) + "</mark>"
        }
        let bytes = Array(doc.text.utf8)
        func boundary(_ i: Int) -> Int {
            var i = min(max(0, i), bytes.count)
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            return i
        }
        func text(_ a: Int, _ b: Int) -> String {
            let lo = boundary(a), hi = boundary(b)
            return lo < hi ? String(decoding: bytes[lo..<hi], as: UTF8.self) : ""
        }
        let start = boundary(s.span.start), end = boundary(s.span.end)
        guard start < end, end <= bytes.count else { return "<mark>" + escape(s.sentence) + "</mark>" }
        let before = text(start - 240, start), after = text(end, end + 240)
        var cueLo = boundary(s.cueSpan.start), cueHi = boundary(s.cueSpan.end)
        if !(start <= cueLo && cueHi <= end && cueLo < cueHi) { cueLo = start; cueHi = start }
        let marked = escape(text(start, cueLo)) + "<b>" + escape(text(cueLo, cueHi)) + "</b>" + escape(text(cueHi, end))
        return "…" + escape(before) + "<mark>" + marked + "</mark>" + escape(after) + "…"
    }

    /// Speakers (left), claims (middle) and outlets (right); edges coloured by the role a speaker plays.
    static func graph(_ claims: [Claim], _ index: ClaimIndex) -> String {
        let linked = claims.filter { c in c.evidence.contains { $0.role != "asserts" } }
        let shown = Array((linked.isEmpty ? claims : linked).prefix(60))
        var speakers: [String] = [], outlets: [String] = []
        var edges: [(String, Int, String)] = []   // speaker, claim row, role
        var outletEdges = Set<String>()
        var outletPairs: [(Int, String)] = []
        for (row, c) in shown.enumerated() {
            for e in c.evidence {
                guard let s = index.statements[e.statement] else { continue }
                let who = s.speaker.name ?? "unattributed"
                if !speakers.contains(who) { speakers.append(who) }
                edges.append((who, row, e.role))
                let o = index.outlet(s)
                if !outlets.contains(o) { outlets.append(o) }
                if outletEdges.insert("\(row)|\(o)").inserted { outletPairs.append((row, o)) }
            }
        }
        let rowHeight = 24, width = 1000, top = 44
        let height = max(speakers.count, shown.count, outlets.count, 1) * rowHeight + top + 36
        func y(_ i: Int, _ count: Int) -> Int {
            let total = max(speakers.count, shown.count, outlets.count, 1)
            return top + Int(Double(i) * Double(total) / Double(max(count, 1)) * Double(rowHeight))
        }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Who answered whom\">\n"
        out += "<text class=\"head\" x=\"225\" y=\"16\" text-anchor=\"end\">Speakers</text><text class=\"head\" x=\"426\" y=\"16\">Claims</text><text class=\"head\" x=\"795\" y=\"16\">Outlets and documents</text>\n"
        // Legend: what each edge colour means.
        var legendX = 20
        for role in roleOrder {
            let ly = height - 14
            out += "<line x1=\"\(legendX)\" y1=\"\(ly - 4)\" x2=\"\(legendX + 24)\" y2=\"\(ly - 4)\" stroke=\"\(roleColors[role] ?? "#999")\" stroke-width=\"3\"/><text x=\"\(legendX + 30)\" y=\"\(ly)\">\(role)</text>\n"
            legendX += 30 + role.count * 7 + 18
        }
        for (who, row, role) in edges {
            guard let si = speakers.firstIndex(of: who) else { continue }
            out += "<line x1=\"230\" y1=\"\(y(si, speakers.count) - 4)\" x2=\"420\" y2=\"\(y(row, shown.count) - 4)\" stroke=\"\(roleColors[role] ?? "#999")\" stroke-width=\"\(role == "asserts" ? 1 : 2)\"><title>\(escape(who)) \(escape(role)) \(escape(shown[row].id))</title></line>\n"
        }
        for (row, o) in outletPairs {
            guard let oi = outlets.firstIndex(of: o) else { continue }
            out += "<line x1=\"700\" y1=\"\(y(row, shown.count) - 4)\" x2=\"790\" y2=\"\(y(oi, outlets.count) - 4)\" stroke=\"#cbd5e1\"/>\n"
        }
        for (i, who) in speakers.enumerated() {
            out += "<text x=\"225\" y=\"\(y(i, speakers.count))\" text-anchor=\"end\">\(escape(short(who, 34)))</text>\n"
        }
        for (row, c) in shown.enumerated() {
            let color = statusColors[c.status] ?? "#444"
            out += "<circle cx=\"426\" cy=\"\(y(row, shown.count) - 4)\" r=\"5\" fill=\"\(color)\"/><text x=\"436\" y=\"\(y(row, shown.count))\">\(escape(c.id)): \(escape(short(c.text, 40)))</text>\n"
        }
        for (i, o) in outlets.enumerated() {
            out += "<text x=\"795\" y=\"\(y(i, outlets.count))\">\(escape(short(o, 30)))</text>\n"
        }
        return out + "</svg>"
    }

    static func short(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n - 1)) + "…" : s }
}
