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
        var out: [UInt8] = []
        write(into: &out, indent: indent, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON text, compact (one line) or indented, as UTF-8 bytes.
    public func write(into out: inout [UInt8], indent: Int?, level: Int = 0) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): JSONValue.appendInteger(i, to: &out)
        case .double(let d): out.append(contentsOf: (d.isFinite ? String(format: "%.4g", d) : "null").utf8)
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (k, pair) in pairs.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                JSONValue.escape(pair.0, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                pair.1.write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    /// The decimal digits of `value`, as `String(value)` writes them.
    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 || value >= 10 {
            out.append(contentsOf: String(value).utf8)
        } else {
            out.append(UInt8(ascii: "0") + UInt8(value))
        }
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// JSON string escaping; `<`, `>` and `&` are escaped too so output is safe inside HTML.
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        s.withUTF8Bytes { escapeBytes($0, into: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// The escaped form of UTF-8 `bytes`, without the enclosing quotation marks. Runs of bytes
    /// that need no escape are copied in one go; only ASCII specials and U+2028/2029 (lead byte
    /// 0xE2) are looked at.
    static func escapeBytes(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var runStart = 0
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            // Most bytes need no escape: skip them with one test each.
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x3C && b != 0x3E && b != 0x26 && b != 0xE2 { i += 1; continue }
            let replacement: StaticString
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
                guard i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else { i += 1; continue }
                replacement = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default:
                guard b < 0x20 else { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0x0F)])
                i += 1
                runStart = i
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            i += width
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
    }
}
