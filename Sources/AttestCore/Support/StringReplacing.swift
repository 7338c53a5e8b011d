import Foundation

extension String {
    /// Calls `body` with the string's UTF-8 bytes: in place when the string stores them
    /// contiguously (native Swift strings), else from a copy.
    public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }

    /// Every occurrence of `target` replaced by `replacement`, compared byte for byte in UTF-8.
    ///
    /// The hot paths (speaker mentions, names, lexicon look-ups) call this once per word; unlike
    /// Foundation's `replacingOccurrences(of:with:)` it does not bridge to a UTF-16 string, and it
    /// returns the string itself untouched (without copying its bytes) when `target` does not
    /// occur, which is the usual case.
    func replacingText(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard !needle.isEmpty else { return self }
        guard let bytes = withUTF8Bytes({ String.replacing(needle, with: replacement, in: $0) }) else { return self }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `bytes` with every occurrence of `needle` replaced, or nil when there is none.
    private static func replacing(_ needle: [UInt8], with replacement: String, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard bytes.count >= needle.count, let first = needle.first else { return nil }
        var out: [UInt8] = []
        var copied = 0
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first && UnsafeBufferPointer(rebasing: bytes[i..<(i + needle.count)]).elementsEqual(needle) {
                if out.isEmpty { out.reserveCapacity(bytes.count + 8) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                out.append(contentsOf: replacement.utf8)
                i += needle.count
                copied = i
            } else {
                i += 1
            }
        }
        if copied == 0 { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return out
    }

    /// The same answer as Foundation's `contains(_:)` for `needle` (whole characters), found on
    /// the UTF-8 bytes. An occurrence between ASCII bytes (or the ends) is a match of whole
    /// characters for sure; Foundation's character-aware search is asked only when every
    /// occurrence touches non-ASCII bytes (a combining mark may join it to a larger character).
    func containsText(_ needle: String) -> Bool {
        byteOccurrence(of: needle) ?? (range(of: needle) != nil)
    }

    /// Whether `needle` occurs on the UTF-8 bytes: true when it does between ASCII bytes (or the
    /// ends), so as whole characters; false when it does not occur at all; nil when it occurs only
    /// next to non-ASCII bytes, where a character-aware look must decide.
    func byteOccurrence(of needle: String) -> Bool? {
        let pattern = Array(needle.utf8)
        return withUTF8Bytes { String.standaloneOccurrence(of: pattern, in: $0) }
    }

    /// true: `pattern` occurs between ASCII bytes (or the ends); false: it does not occur at all;
    /// nil: it occurs only next to non-ASCII bytes.
    private static func standaloneOccurrence(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return pattern.isEmpty ? nil : false }
        var undecided = false
        var i = 0
        let last = bytes.count - pattern.count
        while i <= last {
            if bytes[i] == first && UnsafeBufferPointer(rebasing: bytes[i..<(i + pattern.count)]).elementsEqual(pattern) {
                let end = i + pattern.count
                if (i == 0 || bytes[i - 1] < 0x80) && (end == bytes.count || bytes[end] < 0x80) { return true }
                undecided = true
            }
            i += 1
        }
        return undecided ? nil : false
    }
}
