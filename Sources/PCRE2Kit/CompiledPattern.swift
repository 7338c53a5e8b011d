import CPCRE2

/// Compile-time options for a ``CompiledPattern``.
public struct PatternOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Treat the pattern and subjects as UTF-8 (always recommended).
    public static let utf = PatternOptions(rawValue: 0x0008_0000)
    /// Unicode properties for `\w`, `\b`, `\d` (so "Müller" is a word).
    public static let ucp = PatternOptions(rawValue: 0x0002_0000)
    /// Case-insensitive matching.
    public static let caseless = PatternOptions(rawValue: 0x0000_0008)
    /// Ignore white space and `#` comments in the pattern.
    public static let extended = PatternOptions(rawValue: 0x0000_0080)
    /// `.` matches newlines too.
    public static let dotAll = PatternOptions(rawValue: 0x0000_0020)
    /// `^` and `$` match at line starts and ends.
    public static let multiline = PatternOptions(rawValue: 0x0000_0400)
    /// Allow a per-match limit on where a match may start (`firstMatch(startLimit:)`), which
    /// JIT code then honours while searching.
    public static let useOffsetLimit = PatternOptions(rawValue: 0x0080_0000)

    /// The defaults Attest uses: UTF-8 with Unicode-aware classes.
    public static let unicode: PatternOptions = [.utf, .ucp]
}

/// A pattern that failed to compile, with PCRE2's message and the byte offset of the error.
public struct PatternCompileError: Error, CustomStringConvertible, Sendable {
    /// PCRE2's own error message.
    public let message: String
    /// Byte offset into the pattern where PCRE2 stopped.
    public let offset: Int
    /// PCRE2's numeric error code.
    public let code: Int32
    public var description: String { "\(message) at pattern offset \(offset)" }
}

/// A regular expression compiled (and JIT-compiled where available) by PCRE2.
///
/// Compiled patterns may be shared across threads once compiled (call ``compileJIT()`` on a pattern
/// made with `jit: false` before sharing it); matching state lives in a per-thread ``MatchScratch``.
public final class CompiledPattern: @unchecked Sendable {
    /// The pattern text as given.
    public let source: String
    /// The options it was compiled with.
    public let options: PatternOptions
    /// Named capture groups and their numbers.
    public let groupNumbers: [String: Int]
    /// Number of capturing groups.
    public let captureCount: Int
    /// Whether PCRE2 JIT-compiled the pattern.
    public private(set) var isJITCompiled = false
    /// Whether ``compileJIT()`` ran (successfully or not).
    private var jitAttempted = false

    let code: OpaquePointer

    /// Compiles `pattern`; throws ``PatternCompileError`` with PCRE2's message and offset. With
    /// `jit: false` the pattern is left to the interpreter until ``compileJIT()`` is called.
    public init(_ pattern: String, options: PatternOptions = .unicode, jit: Bool = true) throws {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let compiled: OpaquePointer? = pattern.withCString { ptr in
            ptr.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
                pcre2_compile_8(bytes, pattern.utf8.count, options.rawValue, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PatternCompileError(message: CompiledPattern.errorMessage(errorCode), offset: errorOffset, code: errorCode)
        }
        self.code = compiled
        self.source = pattern
        self.options = options
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, 4 /* CAPTURECOUNT */, &count)
        self.captureCount = Int(count)
        self.groupNumbers = CompiledPattern.readNameTable(compiled)
        if jit { compileJIT() }
    }

    /// JIT-compiles the pattern (once; later calls do nothing). Not thread-safe: call it before the
    /// pattern is shared, or from one thread per pattern. Different patterns may be JIT-compiled in
    /// parallel.
    public func compileJIT() {
        guard !jitAttempted else { return }
        jitAttempted = true
        isJITCompiled = pcre2_jit_compile_8(code, 0x1 /* PCRE2_JIT_COMPLETE */) == 0
    }

    deinit { pcre2_code_free_8(code) }

    /// PCRE2's text for an error code.
    public static func errorMessage(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pcre2_get_error_message_8(code, &buffer, buffer.count)
        guard n > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(n)], as: UTF8.self)
    }

    private static func readNameTable(_ code: OpaquePointer) -> [String: Int] {
        var nameCount: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>? = nil
        pcre2_pattern_info_8(code, 17 /* NAMECOUNT */, &nameCount)
        pcre2_pattern_info_8(code, 18 /* NAMEENTRYSIZE */, &entrySize)
        pcre2_pattern_info_8(code, 19 /* NAMETABLE */, &table)
        guard nameCount > 0, let table else { return [:] }
        var result: [String: Int] = [:]
        for i in 0..<Int(nameCount) {
            let entry = table + i * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            var end = 2
            while end < Int(entrySize), entry[end] != 0 { end += 1 }
            let name = String(decoding: UnsafeBufferPointer(start: entry + 2, count: end - 2), as: UTF8.self)
            // Duplicate names (?J) keep the first number.
            if result[name] == nil { result[name] = number }
        }
        return result
    }

    /// Finds the first match at or after byte offset `start`. With `startLimit`, only matches that
    /// start at or before that offset count; the search stops there when the pattern was compiled
    /// with ``PatternOptions/useOffsetLimit`` (otherwise a later match is filtered out afterwards).
    public func firstMatch(in subject: UTF8Text, from start: Int = 0, startLimit: Int? = nil,
                           scratch: MatchScratch) throws(MatchLimitError) -> PatternMatch? {
        let m = try scratch.match(self, subject: subject, start: start, startLimit: startLimit)
        if let m, let startLimit, m.range.lowerBound > startLimit { return nil }
        return m
    }

    /// Where the last of the non-overlapping matches ends (as `allMatches` finds them), or nil
    /// when there is none.
    public func lastMatchEnd(in subject: UTF8Text, scratch: MatchScratch) throws(MatchLimitError) -> Int? {
        try matchRanges(in: subject, scratch: scratch).last?.upperBound
    }

    /// The ranges of the non-overlapping matches (as `allMatches` finds them), without their groups.
    public func matchRanges(in subject: UTF8Text, scratch: MatchScratch) throws(MatchLimitError) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var position = 0
        let count = subject.bytes.count
        while position <= count {
            guard let range = try scratch.matchRange(self, subject: subject, start: position) else { break }
            ranges.append(range)
            position = range.isEmpty ? subject.nextCharacterBoundary(after: range.upperBound) : range.upperBound
        }
        return ranges
    }

    /// All non-overlapping matches, left to right. Empty matches advance one whole character.
    public func allMatches(in subject: UTF8Text, from start: Int = 0, scratch: MatchScratch) throws(MatchLimitError) -> [PatternMatch] {
        var results: [PatternMatch] = []
        try forEachMatch(in: subject, from: start, scratch: scratch) { results.append($0) }
        return results
    }

    /// Calls `body` with each non-overlapping match, left to right; an empty match advances one
    /// whole character.
    func forEachMatch(in subject: UTF8Text, from start: Int, scratch: MatchScratch,
                      _ body: (PatternMatch) -> Void) throws(MatchLimitError) {
        var position = start
        let count = subject.bytes.count
        while position <= count {
            guard let m = try scratch.match(self, subject: subject, start: position) else { break }
            body(m)
            position = m.range.isEmpty ? subject.nextCharacterBoundary(after: m.range.upperBound) : m.range.upperBound
        }
    }

    /// Convenience for one-off use (tests, linting): matches with a fresh scratch.
    public func matches(_ string: String) -> Bool {
        let scratch = MatchScratch()
        return ((try? firstMatch(in: UTF8Text(string), scratch: scratch)) ?? nil) != nil
    }
}
