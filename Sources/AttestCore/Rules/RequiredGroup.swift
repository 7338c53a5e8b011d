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

    /// `body` with the optional groups that open each of its top-level alternatives left out:
    /// `(?:did\s+not\s+)?(?:said|told)` becomes `(?:said|told)`. Whatever the original matches
    /// contains a match of the result, at or after the same start, so as a filter the result
    /// passes the same sentences and its last match ends no earlier than the cue it stands for
    /// starts; it is cheaper, since the engine no longer tries the optional part at every
    /// position. Returns `body` unchanged when nothing can be left out, when an alternative would
    /// become empty, or when the pattern refers to groups (back references, subroutines,
    /// conditions), where leaving a group out could change what the rest means.
    public static func withoutOptionalPrefixes(_ body: String, extended: Bool) -> String {
        let bytes = Array(body.utf8)
        let references = ["\\k", "\\g", "(?P", "(?(", "(?&", "(?R", "(?+", "(?-"] + (1...9).map { "\\\($0)" } + (0...9).map { "(?\($0)" }
        if references.contains(where: { contains($0, in: bytes) }) { return body }
        // Top-level alternatives: (start, end) byte ranges.
        var branches: [Range<Int>] = []
        var branchStart = 0
        var depth = 0
        var i = 0
        while i < bytes.count {
            let next = skipAtom(bytes, at: i, extended: extended)
            if next == i + 1 {
                switch bytes[i] {
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"): depth -= 1
                case UInt8(ascii: "|") where depth == 0:
                    branches.append(branchStart..<i)
                    branchStart = i + 1
                default: break
                }
            }
            i = next
        }
        guard depth == 0 else { return body }
        branches.append(branchStart..<bytes.count)
        var changed = false
        var pieces: [String] = []
        for branch in branches {
            var start = branch.lowerBound
            var cut = start
            while true {
                var j = start
                if extended { j = skipSpaceAndComments(bytes, from: j, to: branch.upperBound) }
                guard j < branch.upperBound, bytes[j] == UInt8(ascii: "("), !matches(Array("(*".utf8), in: bytes, at: j),
                      let close = closingParenthesis(bytes, openingAt: j, extended: extended), close < branch.upperBound,
                      isOptionalQuantifier(bytes, after: close + 1, extended: extended),
                      let afterQuantifier = quantifierEnd(bytes, after: close + 1, extended: extended) else { break }
                start = afterQuantifier
                cut = afterQuantifier
            }
            let rest = String(decoding: bytes[cut..<branch.upperBound], as: UTF8.self)
            let restIsEmpty = extended ? skipSpaceAndComments(bytes, from: cut, to: branch.upperBound) >= branch.upperBound : cut >= branch.upperBound
            if cut > branch.lowerBound && !restIsEmpty {
                changed = true
                pieces.append(rest)
            } else {
                pieces.append(String(decoding: bytes[branch], as: UTF8.self))
            }
        }
        return changed ? pieces.joined(separator: "|") : body
    }

    /// The index after one atom of pattern text starting at `index`: an escape (`\x`, `\Q…\E`),
    /// a whole character class, an extended-mode comment, or else a single byte.
    static func skipAtom(_ bytes: [UInt8], at index: Int, extended: Bool) -> Int {
        let b = bytes[index]
        if b == UInt8(ascii: "\\") {
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "Q") {
                var j = index + 2
                while j + 1 < bytes.count, !(bytes[j] == UInt8(ascii: "\\") && bytes[j + 1] == UInt8(ascii: "E")) { j += 1 }
                return min(bytes.count, j + 2)
            }
            return min(bytes.count, index + 2)
        }
        if b == UInt8(ascii: "[") {
            var j = index + 1
            if j < bytes.count, bytes[j] == UInt8(ascii: "^") { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "]") { j += 1 }
            while j < bytes.count {
                if bytes[j] == UInt8(ascii: "\\") { j += 2; continue }
                if bytes[j] == UInt8(ascii: "["), j + 1 < bytes.count, bytes[j + 1] == UInt8(ascii: ":"),
                   let close = find(Array(":]".utf8), in: bytes, from: j + 2) { j = close + 2; continue }
                if bytes[j] == UInt8(ascii: "]") { return j + 1 }
                j += 1
            }
            return bytes.count
        }
        if extended && b == UInt8(ascii: "#") {
            var j = index
            while j < bytes.count, bytes[j] != UInt8(ascii: "\n") { j += 1 }
            return max(j, index + 1)
        }
        return index + 1
    }

    /// The index of the `)` that closes the group opened at `index`, or nil.
    static func closingParenthesis(_ bytes: [UInt8], openingAt index: Int, extended: Bool) -> Int? {
        var depth = 0
        var i = index
        while i < bytes.count {
            let next = skipAtom(bytes, at: i, extended: extended)
            if next == i + 1 {
                if bytes[i] == UInt8(ascii: "(") { depth += 1 }
                if bytes[i] == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { return i }
                }
            }
            i = next
        }
        return nil
    }

    /// The index after the quantifier (and its lazy `?` or possessive `+` mark) that starts at or
    /// after `index` (past white space in extended mode), or nil when none is there.
    static func quantifierEnd(_ bytes: [UInt8], after index: Int, extended: Bool) -> Int? {
        var j = extended ? skipSpaceAndComments(bytes, from: index, to: bytes.count) : index
        guard j < bytes.count else { return nil }
        switch bytes[j] {
        case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"): j += 1
        case UInt8(ascii: "{"):
            guard let close = bytes[j...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
            j = close + 1
        default: return nil
        }
        if j < bytes.count, bytes[j] == UInt8(ascii: "?") || bytes[j] == UInt8(ascii: "+") { j += 1 }
        return j
    }

    /// The first index at or after `index` (before `end`) that is not white space or a `#` comment.
    static func skipSpaceAndComments(_ bytes: [UInt8], from index: Int, to end: Int) -> Int {
        var j = index
        while j < end {
            if [9, 10, 13, 32].contains(bytes[j]) { j += 1; continue }
            if bytes[j] == UInt8(ascii: "#") {
                while j < end, bytes[j] != 10 { j += 1 }
                continue
            }
            break
        }
        return j
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

    /// Whether `needle` occurs in `bytes` (a plain byte search, cheaper than Foundation's).
    static func contains(_ needle: String, in bytes: [UInt8]) -> Bool {
        find(Array(needle.utf8), in: bytes, from: 0) != nil
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
