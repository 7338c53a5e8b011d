/// Expands `{{MACRO}}` and `{{@lexicon}}` references in rule patterns.
///
/// A lexicon becomes one alternation of its entries, escaped, longest first, with spaces matching
/// any run of white space. The expansion keeps a map back to the written pattern so that compile
/// errors point at the right column of the YAML file.
public struct PatternExpander: Sendable {
    public let macros: [String: String]
    public let lexicons: [String: [String]]
    /// Each lexicon as the alternation `{{@name}}` inserts, built once: the macros insert the same
    /// lexicons into many rules.
    let alternations: [String: String]

    public init(macros: [String: String], lexicons: [String: [String]]) {
        self.macros = macros
        self.lexicons = lexicons
        self.alternations = lexicons.filter { !$0.value.isEmpty }.mapValues { "(?:\(PatternExpander.alternation($0)))" }
    }

    /// A reference that could not be expanded.
    public struct Failure: Sendable {
        public let offset: Int
        public let message: String
    }

    /// The expanded pattern, failures, and for each expanded byte the written byte it came from.
    public struct Expansion: Sendable {
        public var text: String
        public var failures: [Failure]
        var rawOffsets: [Int]

        /// The written-pattern offset for an offset in the expanded pattern.
        public func rawOffset(forExpanded offset: Int) -> Int {
            guard !rawOffsets.isEmpty else { return offset }
            return rawOffsets[min(max(0, offset), rawOffsets.count - 1)]
        }
    }

    /// Expands `pattern`.
    public func expand(_ pattern: String) -> Expansion {
        var failures: [Failure] = []
        var out: [UInt8] = []
        var map: [Int] = []
        let bytes = Array(pattern.utf8)
        expandBytes(bytes, baseOffset: nil, depth: 0, out: &out, map: &map, failures: &failures, context: nil)
        map.append(bytes.count)
        return Expansion(text: String(decoding: out, as: UTF8.self), failures: failures, rawOffsets: map)
    }

    private func expandBytes(_ bytes: [UInt8], baseOffset: Int?, depth: Int, out: inout [UInt8], map: inout [Int],
                             failures: inout [Failure], context: String?) {
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{"),
               let close = PatternExpander.findClose(bytes, from: i + 2) {
                let name = String(decoding: bytes[(i + 2)..<close], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                let at = baseOffset ?? i
                let inMacro = context.map { " (in macro \($0))" } ?? ""
                var replacement: [UInt8]? = nil
                if name.hasPrefix("@") {
                    let lexName = String(name.dropFirst())
                    if let alternation = alternations[lexName] {
                        replacement = Array(alternation.utf8)
                    } else {
                        failures.append(Failure(offset: at, message: "unknown lexicon '\(lexName)'\(inMacro): no lexicons/\(lexName).txt in any rule folder"))
                    }
                } else if let body = macros[name] {
                    if depth > 12 {
                        failures.append(Failure(offset: at, message: "macro '\(name)' nests too deep (recursive?)"))
                    } else {
                        out.append(contentsOf: Array("(?:".utf8)); map.append(contentsOf: repeatElement(at, count: 3))
                        expandBytes(Array(body.utf8), baseOffset: at, depth: depth + 1, out: &out, map: &map, failures: &failures, context: name)
                        out.append(UInt8(ascii: ")")); map.append(at)
                        i = close + 2
                        continue
                    }
                } else {
                    failures.append(Failure(offset: at, message: "unknown macro '\(name)'\(inMacro)"))
                }
                if let replacement {
                    out.append(contentsOf: replacement)
                    map.append(contentsOf: repeatElement(at, count: replacement.count))
                }
                i = close + 2
                continue
            }
            out.append(bytes[i])
            map.append(baseOffset ?? i)
            i += 1
        }
    }

    static func findClose(_ bytes: [UInt8], from start: Int) -> Int? {
        var j = start
        while j + 1 < bytes.count {
            if bytes[j] == UInt8(ascii: "}") && bytes[j + 1] == UInt8(ascii: "}") { return j }
            if bytes[j] == UInt8(ascii: "{") || bytes[j] == 10 { return nil }
            j += 1
        }
        return nil
    }

    /// Entries as an alternation: escaped, longest first, spaces as `\s+`.
    public static func alternation(_ entries: [String]) -> String {
        // A trie of the escaped entries, so that the regex engine compares each character once per
        // position instead of once per entry. At every node longer continuations come first and
        // the end of a shorter entry is an optional tail, so the preference stays longest first.
        let root = TrieNode()
        for entry in Set(entries) {
            var node = root
            let tokens = tokens(entry)
            for (k, token) in tokens.enumerated() {
                node.longest = max(node.longest, tokens.count - k)
                if let next = node.children.first(where: { $0.token == token })?.node {
                    node = next
                } else {
                    let next = TrieNode()
                    node.children.append((token, next))
                    node = next
                }
            }
            node.isEnd = true
        }
        return root.regex()
    }

    /// A node of the lexicon trie: escaped tokens (one character, `\s+` or a quote class) to children.
    final class TrieNode {
        var children: [(token: String, node: TrieNode)] = []
        var isEnd = false
        var longest = 0

        func regex() -> String {
            let ordered = children.sorted { $0.node.longest != $1.node.longest ? $0.node.longest > $1.node.longest : $0.token < $1.token }
            let branches = ordered.map { $0.token + $0.node.regex() }
            if branches.isEmpty { return "" }
            if branches.count == 1 && !isEnd {
                return branches[0]
            }
            return "(?:" + branches.joined(separator: "|") + ")" + (isEnd ? "?" : "")
        }
    }

    /// An entry as escaped tokens: one per character, a run of spaces as `\s+`.
    static func tokens(_ entry: String) -> [String] {
        var out: [String] = []
        for ch in entry {
            let token = escape(String(ch))
            if token == "\\s+", out.last == token { continue }
            out.append(token)
        }
        return out
    }

    /// Escapes regex metacharacters (valid in extended mode too); spaces become `\s+`.
    public static func escape(_ entry: String) -> String {
        var out = ""
        for ch in entry {
            switch ch {
            case " ": out += "\\s+"
            case "\\", ".", "+", "*", "?", "(", ")", "[", "]", "{", "}", "|", "^", "$", "#", "-", "/":
                out += "\\" + String(ch)
            case "'", "’":
                out += "['’]"
            default: out.append(ch)
            }
        }
        return out
    }
}
