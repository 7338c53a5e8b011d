import CPCRE2

/// UTF-8 text that is known to be valid, so PCRE2 may skip its per-call UTF check.
///
/// Offsets are UTF-8 byte offsets throughout.
public struct UTF8Text: Sendable {
    /// The bytes, valid UTF-8.
    public let bytes: [UInt8]

    /// Wraps a Swift string (always valid UTF-8).
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    /// Validates raw bytes; returns nil with the offset of the first invalid byte.
    public static func validating(_ raw: [UInt8]) -> (text: UTF8Text?, invalidOffset: Int?) {
        if let offset = firstInvalidUTF8Offset(raw) { return (nil, offset) }
        return (UTF8Text(validBytes: raw), nil)
    }

    init(validBytes: [UInt8]) { self.bytes = validBytes }

    /// The string between two byte offsets (clamped to character boundaries by decoding).
    public subscript(range: Range<Int>) -> String {
        let lo = max(0, min(range.lowerBound, bytes.count))
        let hi = max(lo, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// The next character (scalar) boundary strictly after `offset`.
    public func nextCharacterBoundary(after offset: Int) -> Int {
        var i = offset + 1
        while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
        return i
    }

    /// The byte offset of the first invalid UTF-8 sequence, or nil when the bytes are valid.
    public static func firstInvalidUTF8Offset(_ raw: [UInt8]) -> Int? {
        var i = 0
        let n = raw.count
        while i < n {
            let b = raw[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var minScalar: UInt32 = 0
            var scalar: UInt32 = 0
            if b & 0xE0 == 0xC0 { need = 1; minScalar = 0x80; scalar = UInt32(b & 0x1F) }
            else if b & 0xF0 == 0xE0 { need = 2; minScalar = 0x800; scalar = UInt32(b & 0x0F) }
            else if b & 0xF8 == 0xF0 { need = 3; minScalar = 0x10000; scalar = UInt32(b & 0x07) }
            else { return i }
            if i + need >= n { return i }
            for k in 1...need {
                let c = raw[i + k]
                if c & 0xC0 != 0x80 { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }
}

/// A match ran into the match, depth, heap or JIT-stack limit: the pattern backtracks too much.
public struct MatchLimitError: Error, CustomStringConvertible, Sendable {
    /// PCRE2's error code.
    public let code: Int32
    /// Byte offset where the failing match attempt started.
    public let startOffset: Int
    public var description: String { "\(CompiledPattern.errorMessage(code)) (match started at byte \(startOffset))" }
}

/// One match: byte ranges of the whole match and of each capture group.
public struct PatternMatch: Sendable {
    /// Range of the whole match.
    public let range: Range<Int>
    /// Ranges of groups 1...n; nil where a group did not take part.
    public let groups: [Range<Int>?]
    /// Group numbers by name, from the pattern.
    public let names: [String: Int]

    /// The range of a named group, or nil if absent or unset.
    public func range(named name: String) -> Range<Int>? {
        guard let number = names[name], number >= 1, number <= groups.count else { return nil }
        return groups[number - 1]
    }
}

/// Per-thread matching state: PCRE2 match data, a match context with limits and a JIT stack.
///
/// Not thread-safe: give each worker its own.
public final class MatchScratch {
    private let matchData: OpaquePointer?
    private let context: OpaquePointer?
    private let jitStack: OpaquePointer?
    /// The match limit in force (PCRE2's count of backtracking steps).
    public let matchLimit: UInt32

    /// Creates scratch space with a match limit and a depth limit.
    public init(matchLimit: UInt32 = 5_000_000, depthLimit: UInt32 = 100_000) {
        // Allocation failure (out of memory) leaves these nil; matching then reports PCRE2's
        // "no memory" error instead of crashing.
        self.matchData = pcre2_match_data_create_8(128, nil)
        self.context = pcre2_match_context_create_8(nil)
        self.jitStack = pcre2_jit_stack_create_8(64 * 1024, 8 * 1024 * 1024, nil)
        self.matchLimit = matchLimit
        if let context {
            pcre2_set_match_limit_8(context, matchLimit)
            pcre2_set_depth_limit_8(context, depthLimit)
            pcre2_set_heap_limit_8(context, 200_000) // KiB
            if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
        }
    }

    deinit {
        if let matchData { pcre2_match_data_free_8(matchData) }
        if let context { pcre2_match_context_free_8(context) }
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    /// Runs PCRE2 once from `start`; returns its (non-negative) return code, or nil when nothing
    /// matched. The ranges are then in `matchData`'s output vector.
    private func run(_ pattern: CompiledPattern, subject: UTF8Text, start: Int, startLimit: Int?) throws(MatchLimitError) -> Int32? {
        let count = subject.bytes.count
        guard start <= count else { return nil }
        guard let matchData, let context else { throw MatchLimitError(code: -48 /* NOMEMORY */, startOffset: start) }
        if let startLimit {
            guard startLimit >= start else { return nil }
            if pattern.options.contains(.useOffsetLimit) {
                pcre2_set_offset_limit_8(context, startLimit)
            }
        }
        defer { if startLimit != nil && pattern.options.contains(.useOffsetLimit) { pcre2_set_offset_limit_8(context, ~0) } }
        let rc: Int32 = subject.bytes.withUnsafeBufferPointer { buf in
            // An empty array may have a nil base address; PCRE2 accepts any pointer for length 0.
            let base = buf.baseAddress ?? UnsafePointer<UInt8>(bitPattern: 1)
            return pcre2_match_8(pattern.code, base, count, start, 0x4000_0000 /* NO_UTF_CHECK */, matchData, context)
        }
        if rc == -1 { return nil }
        if rc < 0 { throw MatchLimitError(code: rc, startOffset: start) }
        return rc
    }

    /// The range of the whole match from `start`, without reading the groups (no allocation).
    func matchRange(_ pattern: CompiledPattern, subject: UTF8Text, start: Int) throws(MatchLimitError) -> Range<Int>? {
        guard try run(pattern, subject: subject, start: start, startLimit: nil) != nil,
              let matchData, let ovector = pcre2_get_ovector_pointer_8(matchData) else { return nil }
        let lo = ovector[0], hi = ovector[1]
        if lo == size_t.max || hi == size_t.max || hi < lo { return nil }
        return Int(lo)..<Int(hi)
    }

    func match(_ pattern: CompiledPattern, subject: UTF8Text, start: Int, startLimit: Int? = nil) throws(MatchLimitError) -> PatternMatch? {
        guard let rc = try run(pattern, subject: subject, start: start, startLimit: startLimit),
              let matchData else { return nil }
        guard let ovector = pcre2_get_ovector_pointer_8(matchData) else { return nil }
        let pairs = rc == 0 ? 128 : Int(rc)
        let unset = Int.max
        func rangeAt(_ i: Int) -> Range<Int>? {
            let lo = ovector[2 * i], hi = ovector[2 * i + 1]
            if lo == unset || hi == unset || lo == size_t.max || hi < lo { return nil }
            return Int(lo)..<Int(hi)
        }
        guard let whole = rangeAt(0) else { return nil }
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(pattern.captureCount)
        if pattern.captureCount > 0 {
            for i in 1...pattern.captureCount {
                groups.append(i < pairs ? rangeAt(i) : nil)
            }
        }
        return PatternMatch(range: whole, groups: groups, names: pattern.groupNumbers)
    }
}

extension UTF8Text {
    /// A copy of the bytes in `range`, which must start and end on character boundaries.
    public func slice(_ range: Range<Int>) -> UTF8Text {
        UTF8Text(validBytes: copyOfBytes(range))
    }

    /// The bytes in `range` (clamped to the text), copied.
    private func copyOfBytes(_ range: Range<Int>) -> [UInt8] {
        Array(bytes[max(0, range.lowerBound)..<min(bytes.count, range.upperBound)])
    }

    /// A copy of a sentence's bytes with each line break (LF or CR) turned into a space: text wrapped
    /// across lines reads as one line to patterns, whose `.` and `$` stop at line breaks, and every
    /// byte offset stays what it is in the text.
    public func sentenceSlice(_ range: Range<Int>) -> UTF8Text {
        var copy = copyOfBytes(range)
        for i in copy.indices where copy[i] == 10 || copy[i] == 13 { copy[i] = 32 }
        return UTF8Text(validBytes: copy)
    }
}
