import AttestCore

/// The JSON result contract (`shared/eval/OUTPUT.md`): documents, statements and claims.
public enum JSONReport {
    public static let toolVersion = "0.1.0"

    public static func document(_ d: Document) -> JSONValue {
        .object([
            ("id", .string(d.id)), ("path", .string(d.path)), ("title", .optional(d.title)), ("outlet", .optional(d.outlet)),
            ("date", .optional(d.date)), ("url", .optional(d.url)), ("format", .string(d.format.rawValue)),
            ("bytes", .int(d.bytes)), ("status", .string(d.status.rawValue)), ("error", .optional(d.error)),
        ])
    }

    public static func statement(_ s: Statement) -> JSONValue {
        .object([
            ("id", .string(s.id)), ("document", .string(s.document)), ("sentence", .string(s.sentence)),
            ("span", .object([("start", .int(s.span.start)), ("end", .int(s.span.end))])), ("line", .int(s.line)),
            ("speaker", .object([("name", .optional(s.speaker.name)), ("mention", .optional(s.speaker.mention)),
                                 ("role", .optional(s.speaker.role)), ("type", .string(s.speaker.type))])),
            ("cue", .string(s.cue)), ("content", .string(s.content)), ("kind", .string(s.kind)), ("stance", .string(s.stance)),
            ("via", .optional(s.via)), ("channel", .optional(s.channel)), ("date", .optional(s.date)), ("rule", .string(s.rule)),
            ("cue_span", .object([("start", .int(s.cueSpan.start)), ("end", .int(s.cueSpan.end))])),
        ])
    }

    public static func claim(_ c: Claim) -> JSONValue {
        .object([
            ("id", .string(c.id)), ("text", .string(c.text)), ("claimant", .optional(c.claimant)), ("status", .string(c.status)),
            ("reasons", .array(c.reasons.map(JSONValue.string))),
            ("evidence", .array(c.evidence.map { .object([("statement", .string($0.statement)), ("role", .string($0.role))]) })),
        ])
    }

    static func warnings(_ a: Analysis) -> JSONValue {
        .array(a.warnings.map { w in
            .object([("document", .string(w.document)), ("rule", .optional(w.rule)), ("offset", w.offset.map(JSONValue.int) ?? .null),
                     ("message", .string(w.message))])
        } + a.inputProblems.map { p in .object([("document", .string(p.path)), ("rule", .null), ("offset", .null), ("message", .string(p.message))]) })
    }

    /// The whole analysis as one JSON document.
    public static func render(_ a: Analysis) -> String {
        JSONValue.object([
            ("tool", .object([("name", .string("attest")), ("version", .string(toolVersion))])),
            ("documents", .array(a.documents.map(document))),
            ("statements", .array(a.statements.map(statement))),
            ("claims", .array(a.claims.map(claim))),
            ("warnings", warnings(a)),
        ]).render() + "\n"
    }

    /// JSON Lines: one statement per line, then one claim per line (`"record": "claim"`).
    public static func renderLines(_ a: Analysis) -> String {
        var out = ""
        try? writeLines(a) { out += $0 }
        return out
    }

    /// JSON Lines written piece by piece (one line per call), for output that streams instead of
    /// being built in memory; statements spilled to disk are read back one document at a time.
    public static func writeLines(_ a: Analysis, to write: (String) throws -> Void) throws {
        try writeLineBytes(a) { try write(String(decoding: $0, as: UTF8.self)) }
    }

    /// JSON Lines as UTF-8 bytes, one line (with its line feed) per call; the buffer passed is
    /// reused for the next line.
    public static func writeLineBytes(_ a: Analysis, to write: ([UInt8]) throws -> Void) throws {
        var line: [UInt8] = []
        line.reserveCapacity(4096)
        func emit(_ record: String, _ value: JSONValue) throws {
            guard case .object(let pairs) = value else { return }
            line.removeAll(keepingCapacity: true)
            JSONValue.object([("record", .string(record))] + pairs).write(into: &line, indent: nil)
            line.append(UInt8(ascii: "\n"))
            try write(line)
        }
        try a.forEachStatement { s in try emit("statement", statement(s)) }
        for c in a.claims { try emit("claim", claim(c)) }
    }
}

/// The human-readable report: one block per statement, speaker and cue highlighted on a terminal.
public enum TextReport {
    public static func render(_ a: Analysis, color: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = ""
        for s in a.statements {
            let who = s.speaker.name ?? "(unattributed)"
            var head = paint(who, "1;36")
            if let mention = s.speaker.mention, mention != who { head += " (“\(mention)”)" }
            head += " " + paint(s.cue, "1;33") + "  [\(s.stance), \(s.kind)]"
            out += head + "\n"
            out += "  " + paint("\(s.document):\(s.line)", "2") + "  rule " + s.rule + "\n"
            if !s.content.isEmpty { out += "  “" + TextReport.sanitize(s.content) + "”\n" }
            var extras: [String] = []
            if let role = s.speaker.role { extras.append("role: \(role)") }
            if let via = s.via { extras.append("via: \(via)") }
            if let channel = s.channel { extras.append("channel: \(channel)") }
            if let date = s.date { extras.append("date: \(date)") }
            if !extras.isEmpty { out += "  " + extras.joined(separator: "; ") + "\n" }
            out += "\n"
        }
        let ok = a.documents.filter { $0.status == .ok }.count
        out += "\(a.statements.count) statements in \(ok) documents"
        let skipped = a.documents.filter { $0.status == .skipped }
        if !skipped.isEmpty { out += ", \(skipped.count) skipped" }
        out += "\n"
        return out
    }

    /// Removes terminal control characters from corpus text before printing it.
    public static func sanitize(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F || $0 == "\n" }))
    }
}
