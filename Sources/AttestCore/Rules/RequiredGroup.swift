/// Finds the text of a named group that every match of a pattern must contain.
///
/// A statement rule's `cue` group is usually a lexicon alternation ("said|told|stated…") behind
/// an expensive speaker search. When the cue group is mandatory (not optional, not inside an
/// alternation, a lookaround or a conditional), a sentence without a match of the cue group alone
/// cannot match the rule, so the extractor runs the cheap cue pattern first and the whole rule only
/// on sentences where it matches. When the group is not provably mandatory, `text(ofGroup:in:)`
/// returns nil and the rule runs as written.
public enum RequiredGroup {
    /// The body of the named group `name` in `pattern` when every match of `pattern` must match
    /// that group; nil when the group is missing, repeated, optional or inside an alternation.
    /// `extended` tells whether white space and `#` comments are ignored (PCRE2_EXTENDED).
    public static func text(ofGroup name: String, in pattern: String, extended: Bool) -> String? {
        let bytes = Array(pattern.utf8)
        let opener = Array("(?<\(name)>".utf8)
        // Each open group on the way: its start, whether it holds a top-level `|`, and its kind.
        struct Open { var start: Int; var hasBar: Bool; var mayBeSkipped: Bool }
        var stack: [Open] = [Open(start: -1, hasBar: false, mayBeSkipped: false)]
        var target: (start: Int, bodyStart: Int, end: Int)? = nil
        var enclosingIsUnsafe = false
        var i = 0
        var inClass = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\\") {
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "Q") {
                    // \Q…\E quotes literally.
                    var j = i + 2
                    while j + 1 < bytes.count, !(bytes[j] == UInt8(ascii: "\\") && bytes[j + 1] == UInt8(ascii: "E")) { j += 1 }
                    i = j + 2
                    continue
                }
                i += 2
                continue
            }
            if inClass {
                if b == UInt8(ascii: "[") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ":") {
                    // POSIX class such as [:alpha:] inside a class.
                    if let close = find(Array(":]".utf8), in: bytes, from: i + 2) { i = close + 2; continue }
                }
                if b == UInt8(ascii: "]") { inClass = false }
                i += 1
                continue
            }
            if b == UInt8(ascii: "[") {
                inClass = true
                i += 1
                // A `]` (or `^]`) right after the opening bracket is a literal.
                if i < bytes.count, bytes[i] == UInt8(ascii: "^") { i += 1 }
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1 }
                continue
            }
            if extended && b == UInt8(ascii: "#") {
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            if b == UInt8(ascii: "(") {
                if matches(opener, in: bytes, at: i) {
                    if target != nil { return nil }  // The name is used twice: neither copy is required.
                    target = (i, i + opener.count, -1)
                    enclosingIsUnsafe = stack.contains { $0.hasBar || $0.mayBeSkipped }
                    stack.append(Open(start: i, hasBar: false, mayBeSkipped: false))
                    i += opener.count
                    continue
                }
                // Lookarounds, conditionals and comments: a group inside them is not required text.
                let skipped = [Array("(?=".utf8), Array("(?!".utf8), Array("(?<=".utf8), Array("(?<!".utf8),
                               Array("(?(".utf8), Array("(*".utf8)].contains { matches($0, in: bytes, at: i) }
                stack.append(Open(start: i, hasBar: false, mayBeSkipped: skipped))
                i += 1
                continue
            }
            if b == UInt8(ascii: "|") {
                stack[stack.count - 1].hasBar = true
                i += 1
                continue
            }
            if b == UInt8(ascii: ")") {
                guard stack.count > 1 else { return nil }
                let closed = stack.removeLast()
                let quantified = isOptionalQuantifier(bytes, after: i + 1, extended: extended)
                if let t = target {
                    if closed.start == t.start {
                        target = (t.start, t.bodyStart, i)
                        if quantified { return nil }
                    } else if t.end != -1, closed.start < t.start, quantified || closed.hasBar || closed.mayBeSkipped {
                        // A group that encloses the target can be skipped or has alternatives.
                        enclosingIsUnsafe = true
                    }
                }
                i += 1
                continue
            }
            i += 1
        }
        guard let t = target, t.end > t.bodyStart, !enclosingIsUnsafe, !stack[0].hasBar else { return nil }
        return String(decoding: bytes[t.bodyStart..<t.end], as: UTF8.self)
    }

    /// Whether a quantifier that allows zero repetitions (`?`, `*`, `{0…}`, `{,…}`) starts at `index`.
    static func isOptionalQuantifier(_ bytes: [UInt8], after index: Int, extended: Bool) -> Bool {
        var j = index
        if extended { while j < bytes.count, [9, 10, 13, 32].contains(bytes[j]) { j += 1 } }
        guard j < bytes.count else { return false }
        switch bytes[j] {
        case UInt8(ascii: "?"), UInt8(ascii: "*"): return true
        case UInt8(ascii: "{"):
            var k = j + 1
            while k < bytes.count, bytes[k] == UInt8(ascii: " ") { k += 1 }
            return k < bytes.count && (bytes[k] == UInt8(ascii: "0") || bytes[k] == UInt8(ascii: ","))
        default: return false
        }
    }

    static func matches(_ needle: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[index + k] != needle[k] { return false }
        return true
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from index: Int) -> Int? {
        var i = index
        while i + needle.count <= bytes.count {
            if matches(needle, in: bytes, at: i) { return i }
            i += 1
        }
        return nil
    }
}
