extension CompiledPattern {
    /// Replaces every match in `string` with `template`, where `$1`...`$9` insert groups.
    public func replacingAll(in string: String, template: String, scratch: MatchScratch) -> String {
        let subject = UTF8Text(string)
        guard let found = try? allMatches(in: subject, scratch: scratch), !found.isEmpty else { return string }
        var out: [UInt8] = []
        out.reserveCapacity(subject.bytes.count)
        var last = 0
        let templateBytes = Array(template.utf8)
        for m in found {
            out.append(contentsOf: subject.bytes[last..<m.range.lowerBound])
            var k = 0
            while k < templateBytes.count {
                let b = templateBytes[k]
                if b == UInt8(ascii: "$"), k + 1 < templateBytes.count,
                   let digit = Int(String(UnicodeScalar(templateBytes[k + 1]))), digit >= 1 {
                    if digit <= m.groups.count, let r = m.groups[digit - 1] {
                        out.append(contentsOf: subject.bytes[r])
                    }
                    k += 2
                    continue
                }
                out.append(b)
                k += 1
            }
            last = m.range.upperBound
        }
        out.append(contentsOf: subject.bytes[last...])
        return String(decoding: out, as: UTF8.self)
    }
}
