import PCRE2Kit

/// Plain text of a Markdown document: emphasis, link and heading markup removed, one output line
/// per input line so that line numbers still point at the source.
public enum MarkdownText {
    private static let patterns: [(CompiledPattern, String)] = {
        let specs: [(String, String)] = [
            (#"^\s{0,3}(?:`{3,}|~{3,}).*$"#, ""),                    // code fences
            (#"^\s{0,3}#{1,6}\s+"#, ""),                                // ATX headings
            (#"^\s{0,3}>\s?"#, ""),                                     // blockquote markers
            (#"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+"#, ""),                 // list markers
            (#"^\s{0,3}(?:[-*_]\s*){3,}$"#, ""),                        // thematic breaks
            (#"!\[([^\]]*)\]\([^)]*\)"#, "$1"),                         // images → alt text
            (#"\[([^\]]+)\]\([^)]*\)"#, "$1"),                          // links → text
            (#"\[([^\]]+)\]\[[^\]]*\]"#, "$1"),                         // reference links
            (#"`([^`]+)`"#, "$1"),                                      // inline code
            (#"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"#, "$2"),                  // strong
            (#"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])"#, "$1"),   // emphasis *x*
            (#"(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])"#, "$1"),     // emphasis _x_
            (#"<[^>\n]+>"#, ""),                                        // inline HTML tags
        ]
        return specs.compactMap { spec in
            (try? CompiledPattern(spec.0, options: .unicode)).map { ($0, spec.1) }
        }
    }()

    /// The plain text of `markdown`.
    public static func plainText(_ markdown: String) -> String {
        let scratch = MatchScratch()
        var lines: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = String(line)
            for (pattern, template) in patterns {
                current = pattern.replacingAll(in: current, template: template, scratch: scratch)
            }
            lines.append(HTMLEntities.decode(current))
        }
        return lines.joined(separator: "\n")
    }
}

/// Decodes the common named and numeric HTML entities (for Markdown and plain text inputs).
public enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
        "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "hellip": "…", "copy": "©",
    ]

    /// Replaces `&name;`, `&#123;` and `&#x1F;` entities.
    public static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let body = s[s.index(after: i)..<semi]
                var replacement: String? = nil
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    if let v = UInt32(body.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { replacement = String(Character(u)) }
                } else if body.hasPrefix("#") {
                    if let v = UInt32(body.dropFirst()), let u = Unicode.Scalar(v) { replacement = String(Character(u)) }
                } else {
                    replacement = named[String(body)]
                }
                if let replacement {
                    out += replacement
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }
}
