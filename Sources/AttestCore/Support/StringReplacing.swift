extension String {
    /// Every occurrence of `target` replaced by `replacement`, compared byte for byte in UTF-8.
    ///
    /// The hot paths (speaker mentions, names, lexicon look-ups) call this once per word; unlike
    /// Foundation's `replacingOccurrences(of:with:)` it does not bridge to a UTF-16 string, and it
    /// returns the string itself untouched when `target` does not occur, which is the usual case.
    func replacingText(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return self }
        let bytes = Array(utf8)
        guard bytes.count >= needle.count else { return self }
        var out: [UInt8] = []
        var copied = 0
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) {
                if out.isEmpty { out.reserveCapacity(bytes.count + 8) }
                out.append(contentsOf: bytes[copied..<i])
                out.append(contentsOf: replacement.utf8)
                i += needle.count
                copied = i
            } else {
                i += 1
            }
        }
        if copied == 0 { return self }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }
}
