/// A JSON value that keeps object keys in the order they were written.
public indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A string, or null.
    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// Compact (one line) or indented JSON text.
    public func render(indent: Int? = 2) -> String {
        var out = ""
        write(into: &out, indent: indent, level: 0)
        return out
    }

    func write(into out: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(format: "%.4g", d) : "null"
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                newline(&out, indent, level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (k, pair) in pairs.enumerated() {
                if k > 0 { out += "," }
                newline(&out, indent, level + 1)
                JSONValue.escape(pair.0, into: &out)
                out += indent == nil ? ":" : ": "
                pair.1.write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "}"
        }
    }

    private func newline(_ out: inout String, _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: " ", count: indent * level)
    }

    /// JSON string escaping; `<`, `>` and `&` are escaped too so output is safe inside HTML.
    static func escape(_ s: String, into out: inout String) {
        out += "\""
        // Copy runs of bytes that need no escape in one go; only ASCII specials and U+2028/2029
        // (lead byte 0xE2) are looked at.
        let bytes = s.utf8
        var runStart = bytes.startIndex
        var i = runStart
        while i != bytes.endIndex {
            let b = bytes[i]
            var replacement: String? = nil
            var width = 1
            switch b {
            case 0x22: replacement = "\\\""
            case 0x5C: replacement = "\\\\"
            case 0x0A: replacement = "\\n"
            case 0x0D: replacement = "\\r"
            case 0x09: replacement = "\\t"
            case 0x3C: replacement = "\\u003c"
            case 0x3E: replacement = "\\u003e"
            case 0x26: replacement = "\\u0026"
            case 0xE2:
                let second = bytes.index(after: i)
                if second != bytes.endIndex, bytes[second] == 0x80 {
                    let third = bytes.index(after: second)
                    if third != bytes.endIndex, bytes[third] == 0xA8 || bytes[third] == 0xA9 {
                        replacement = bytes[third] == 0xA8 ? "\\u2028" : "\\u2029"
                        width = 3
                    }
                }
            default:
                if b < 0x20 { replacement = String(format: "\\u%04x", b) }
            }
            if let replacement {
                out += s[runStart..<i]
                out += replacement
                i = bytes.index(i, offsetBy: width)
                runStart = i
            } else {
                i = bytes.index(after: i)
            }
        }
        out += s[runStart..<bytes.endIndex]
        out += "\""
    }
}
