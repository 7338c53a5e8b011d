/// A paragraph of a document: byte range into the plain text.
public struct Paragraph: Sendable {
    public var range: Range<Int>
    /// Headings, boxes of one short line, tables of contents: never statements.
    public var isHeading: Bool
}

/// A sentence: byte range into the plain text, its paragraph and 1-based line.
public struct Sentence: Sendable {
    public var range: Range<Int>
    public var paragraph: Int
    public var line: Int
    public var isHeading: Bool
}

/// A quotation: from its opening mark to its closing mark (inclusive), possibly spanning
/// sentences and paragraphs.
public struct Quotation: Sendable {
    public var range: Range<Int>
    /// The quote was never closed; it runs to the end of its last paragraph.
    public var unclosed: Bool
}

/// The result of segmenting one document.
public struct Segmentation: Sendable {
    public var paragraphs: [Paragraph]
    public var sentences: [Sentence]
    public var quotations: [Quotation]

    /// The quotation containing byte `offset`, if any.
    public func quotation(containing offset: Int) -> Quotation? {
        var lo = 0, hi = quotations.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if quotations[mid].range.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        if lo < quotations.count, quotations[lo].range.contains(offset) { return quotations[lo] }
        return nil
    }

    /// The index of the sentence containing byte `offset`, if any.
    public func sentenceIndex(containing offset: Int) -> Int? {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].range.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count && sentences[lo].range.lowerBound <= offset ? lo : nil
    }
}

/// Splits scraped news text into paragraphs, sentences and quotations.
///
/// Handles abbreviations (from a lexicon), initials, decimals, missing spaces after full stops,
/// hard-wrapped lines, and quotes that run across sentences and paragraphs.
public struct Segmenter: Sendable {
    /// Abbreviations written without their final dot ("Mr", "U.S", "Jan").
    public var abbreviations: Set<String>
    /// Abbreviations that often end a sentence ("U.S", "Inc", "Jr") when a sentence starter follows.
    public var sentenceFinalAbbreviations: Set<String>
    /// Words that begin a new sentence after a sentence-final abbreviation.
    public var sentenceStarters: Set<String>
    /// Longest sentence handed to the rules; longer runs are cut at white space.
    public var maxSentenceBytes: Int
    /// Lower-case verbs of saying ("said", "asked"): a question or exclamation in quotation marks
    /// followed by capitalised words and one of these verbs ("Why?” Lee asked.) is one sentence.
    public var attributionVerbs: Set<String>

    public init(abbreviations: Set<String>, sentenceFinalAbbreviations: Set<String> = ["U.S", "U.K", "Inc", "Co", "Corp", "Ltd", "Jr", "Sr", "etc", "D.C", "a.m", "p.m"],
                sentenceStarters: Set<String> = ["The", "He", "She", "It", "They", "We", "I", "But", "This", "That", "In", "A", "An", "And", "However", "Its", "His", "Her", "Their", "There", "On", "At", "After"],
                maxSentenceBytes: Int = 4096, attributionVerbs: Set<String> = []) {
        self.abbreviations = abbreviations
        self.attributionVerbs = attributionVerbs
        self.sentenceFinalAbbreviations = sentenceFinalAbbreviations
        self.sentenceStarters = sentenceStarters
        self.maxSentenceBytes = maxSentenceBytes
    }

    // MARK: - Byte classes

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// The quotation mark at byte i, if any: “ ” „ « », and the ambiguous " and '' (two
    /// apostrophes, which some sources write for both marks), whose direction context decides.
    static func quoteMark(_ bytes: [UInt8], _ i: Int) -> (length: Int, kind: QuoteKind)? {
        let b = bytes[i]
        // Every mark starts with one of these bytes; the rest of the text is passed over at once.
        guard b == 0x22 || b == 0x27 || b == 0xE2 || b == 0xC2 else { return nil }
        if b == 0x22 { return (1, .straight) }
        if isDoubleApostrophe(bytes, i) { return (2, .straight) }
        if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 {
            switch bytes[i + 2] {
            case 0x9C: return (3, .open)      // “
            case 0x9D: return (3, .close)     // ”
            case 0x9E: return (3, .open)      // „
            default: return nil
            }
        }
        if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAB { return (2, .open) }   // «
        if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xBB { return (2, .close) }  // »
        return nil
    }

    enum QuoteKind { case open, close, straight }

    /// Whether the mark at byte i (of `length` bytes) follows a comma or final punctuation and is
    /// followed by a space or the paragraph end: the place of a closing mark.
    static func endsAClause(_ bytes: [UInt8], _ i: Int, _ length: Int, _ paragraph: Range<Int>) -> Bool {
        guard i > paragraph.lowerBound else { return false }
        let before = bytes[i - 1]
        let after = i + length
        return (before == 44 || before == 46 || before == 33 || before == 63) && (after >= paragraph.upperBound || isSpace(bytes[after]))
    }

    /// Two apostrophes used as one quotation mark (''like this''), not part of a longer run,
    /// except the first two of a run of three, where a single quotation mark nests inside the
    /// double one: ''… 'We will win,''' she said.
    @inline(__always) static func isDoubleApostrophe(_ bytes: [UInt8], _ i: Int) -> Bool {
        i + 1 < bytes.count && bytes[i] == 0x27 && bytes[i + 1] == 0x27
            && (i == 0 || bytes[i - 1] != 0x27)
            && (i + 2 >= bytes.count || bytes[i + 2] != 0x27 || i + 3 >= bytes.count || bytes[i + 3] != 0x27)
    }

    /// Whether the text before `end` finishes with a closing quotation mark (” ’ " or '').
    static func endsWithQuoteMark(_ bytes: [UInt8], _ end: Int) -> Bool {
        if end >= 1, bytes[end - 1] == 0x22 { return true }
        if end >= 2, isDoubleApostrophe(bytes, end - 2) { return true }
        return endsWithCloseQuote(bytes, end)
    }

    // MARK: - Segmenting

    /// Segments `text`.
    public func segment(_ text: String) -> Segmentation {
        let bytes = Array(text.utf8)
        let paragraphs = splitParagraphs(bytes)
        let lineStarts = Segmenter.lineStarts(bytes)
        var sentences: [Sentence] = []
        for (index, paragraph) in paragraphs.enumerated() {
            for range in splitSentences(bytes, paragraph.range) {
                for piece in capLength(bytes, range) {
                    sentences.append(Sentence(range: piece, paragraph: index,
                                              line: Segmenter.line(of: piece.lowerBound, lineStarts: lineStarts),
                                              isHeading: paragraph.isHeading))
                }
            }
        }
        return Segmentation(paragraphs: paragraphs, sentences: sentences, quotations: findQuotations(bytes, paragraphs))
    }

    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 10 { starts.append(i + 1) }
        return starts
    }

    static func line(of offset: Int, lineStarts: [Int]) -> Int {
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Cuts over-long runs (a 50 MB single line) at white space so rules see bounded subjects.
    func capLength(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        guard range.count > maxSentenceBytes else { return [range] }
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var end = min(start + maxSentenceBytes, range.upperBound)
            if end < range.upperBound {
                var cut = end
                while cut > start + maxSentenceBytes / 2, !Segmenter.isSpace(bytes[cut]) { cut -= 1 }
                if cut > start + maxSentenceBytes / 2 { end = cut }
                while end < range.upperBound, bytes[end] & 0xC0 == 0x80 { end += 1 }
            }
            pieces.append(start..<end)
            start = end
        }
        return pieces
    }

    /// Paragraphs: blank lines always separate; a single line break separates unless the text is
    /// hard-wrapped or the break falls inside a sentence ("...Ministry\nspokesman Lin Jian said").
    func splitParagraphs(_ bytes: [UInt8]) -> [Paragraph] {
        var lines: [Range<Int>] = []
        var start = 0
        for i in 0..<bytes.count where bytes[i] == 10 {
            lines.append(start..<i)
            start = i + 1
        }
        lines.append(start..<bytes.count)
        func trimmed(_ r: Range<Int>) -> Range<Int> {
            var lo = r.lowerBound, hi = r.upperBound
            while lo < hi, Segmenter.isSpace(bytes[lo]) { lo += 1 }
            while hi > lo, Segmenter.isSpace(bytes[hi - 1]) { hi -= 1 }
            return lo..<hi
        }
        let content = lines.map(trimmed)
        // Hard-wrapped text: many consecutive line pairs where the first ends mid-sentence.
        var consecutive = 0, midSentence = 0
        for k in 0..<(content.count > 0 ? content.count - 1 : 0) where !content[k].isEmpty && !content[k + 1].isEmpty {
            consecutive += 1
            if content[k].count >= 40, let last = content[k].last.map({ bytes[$0] }), Segmenter.isLower(last) || last == 44 { midSentence += 1 }
        }
        let wrapped = midSentence >= 3 && midSentence * 3 >= consecutive
        var paragraphs: [Paragraph] = []
        var current: Range<Int>? = nil
        for (k, line) in content.enumerated() {
            if line.isEmpty {
                if let c = current { paragraphs.append(makeParagraph(bytes, c)) }
                current = nil
                continue
            }
            if let c = current {
                let prevLast = bytes[c.upperBound - 1]
                let nextFirst = bytes[line.lowerBound]
                let prevTerminal = [46, 33, 63, 58, 41].contains(prevLast) || Segmenter.endsWithQuoteMark(bytes, c.upperBound)
                let join = !prevTerminal && (wrapped || (Segmenter.isLower(nextFirst) && content[k - 1].count >= 25))
                if join {
                    current = c.lowerBound..<line.upperBound
                    continue
                }
                paragraphs.append(makeParagraph(bytes, c))
            }
            current = line
        }
        if let c = current { paragraphs.append(makeParagraph(bytes, c)) }
        return paragraphs
    }

    static func endsWithCloseQuote(_ bytes: [UInt8], _ end: Int) -> Bool {
        end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && (bytes[end - 1] == 0x9D || bytes[end - 1] == 0x99)
    }

    /// A heading: a short line without final punctuation, or a short title-cased line.
    func makeParagraph(_ bytes: [UInt8], _ range: Range<Int>) -> Paragraph {
        // Most paragraphs are long prose: count words on the bytes and stop at 15, and only decode
        // short paragraphs (heading candidates) into characters.
        var wordCount = 0
        var inWord = false
        for i in range {
            let b = bytes[i]
            let space = b == 32 || b == 9 || b == 10
            if !space && !inWord {
                wordCount += 1
                if wordCount > 14 { break }
            }
            inWord = !space
        }
        if wordCount > 14 {
            let asciiLetter = bytes[range].contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
            let anyLetter = asciiLetter || String(decoding: bytes[range], as: UTF8.self).contains(where: { $0.isLetter })
            return Paragraph(range: range, isHeading: !anyLetter)
        }
        if let heading = Segmenter.asciiHeading(bytes, range) { return Paragraph(range: range, isHeading: heading) }
        let text = String(decoding: bytes[range], as: UTF8.self)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        let lastChar = text.last ?? " "
        // A line ending in a colon introduces what follows ("He added:"): no heading.
        let terminal = ".!?):".contains(lastChar) || Segmenter.endsWithQuoteMark(bytes, range.upperBound)
        let quotes = text.containsText("“") || text.containsText("\"") || text.containsText("''")
        var heading = false
        if words.count <= 14 {
            if !terminal { heading = true }
            let long = words.filter { $0.count >= 4 && $0.first?.isLetter == true }
            let capitalised = long.filter { $0.first?.isUppercase == true }
            if long.count >= 2, capitalised.count * 4 >= long.count * 3, lastChar != ".", !quotes { heading = true }
        }
        if !text.contains(where: { $0.isLetter }) { heading = true }
        return Paragraph(range: range, isHeading: heading)
    }

    /// `makeParagraph`'s verdict for a short paragraph of ASCII text without carriage returns,
    /// where every byte is one character, taken on the bytes; nil for other text.
    static func asciiHeading(_ bytes: [UInt8], _ range: Range<Int>) -> Bool? {
        var words = 0, long = 0, capitalised = 0
        var anyLetter = false, quotes = false
        var wordStart: Int? = nil
        func endWord(_ start: Int, _ end: Int) {
            words += 1
            let first = bytes[start]
            if end - start >= 4, isUpper(first) || isLower(first) {
                long += 1
                if isUpper(first) { capitalised += 1 }
            }
        }
        for i in range {
            let b = bytes[i]
            if b >= 0x80 || b == 13 { return nil }
            if isUpper(b) || isLower(b) { anyLetter = true }
            if b == 34 || (b == 39 && i > range.lowerBound && bytes[i - 1] == 39) { quotes = true }
            if b == 32 || b == 9 || b == 10 {
                if let start = wordStart { endWord(start, i) }
                wordStart = nil
            } else if wordStart == nil {
                wordStart = i
            }
        }
        if let start = wordStart { endWord(start, range.upperBound) }
        let last: UInt8 = range.isEmpty ? 32 : bytes[range.upperBound - 1]
        let terminal = last == 46 || last == 33 || last == 63 || last == 41 || last == 58 || endsWithQuoteMark(bytes, range.upperBound)
        var heading = false
        if words <= 14 {
            if !terminal { heading = true }
            if long >= 2, capitalised * 4 >= long * 3, last != 46, !quotes { heading = true }
        }
        if !anyLetter { heading = true }
        return heading
    }

    /// Sentence boundaries inside one paragraph.
    func splitSentences(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            guard b == 46 || b == 33 || b == 63 else { i += 1; continue }
            // Absorb runs of terminal punctuation and closing quotes/brackets.
            var j = i + 1
            while j < end {
                let c = bytes[j]
                if c == 46 || c == 33 || c == 63 || c == 34 || c == 39 || c == 41 || c == 93 { j += 1; continue }
                if c == 0xE2, j + 2 < end, bytes[j + 1] == 0x80, bytes[j + 2] == 0x9D || bytes[j + 2] == 0x99 { j += 3; continue }
                break
            }
            if j >= end { break }
            var k = j
            while k < end {
                // White space, a no-break space (U+00A0) included: scraped text often has one after a full stop.
                if Segmenter.isSpace(bytes[k]) { k += 1 } else if bytes[k] == 0xC2, k + 1 < end, bytes[k + 1] == 0xA0 { k += 2 } else { break }
            }
            let hasSpace = k > j
            let next = bytes[k]
            var boundary = false
            if hasSpace {
                boundary = Segmenter.isUpper(next) || Segmenter.isDigit(next) || next == 34 || next == 40 || next == 91
                    || Segmenter.isDoubleApostrophe(bytes, k) || next >= 0xC0 && !Segmenter.isLowerMultibyte(bytes, k)
                if !boundary, b == 46, j == i + 1, Segmenter.isLower(next) {
                    // Sloppy scraped text starts sentences in lower case ("standards. in return").
                    let word = precedingWord(bytes, start, i)
                    boundary = word.utf8.count >= 3 && word.utf8.allSatisfy(Segmenter.isLower) && !abbreviations.contains(word)
                }
            } else if b == 46, i > start, Segmenter.isLower(bytes[i - 1]), Segmenter.isUpper(next), k + 1 < end, Segmenter.isLower(bytes[k + 1]) {
                boundary = true   // "truce.The agreement"
            } else if b != 46, Segmenter.isUpper(next) {
                boundary = true   // "ready?Yes"
            }
            if boundary, b != 46, hasSpace, Segmenter.endsWithQuoteMark(bytes, j), attributionFollows(bytes, k, end) {
                boundary = false   // “Why?” Lee asked.
            }
            if boundary && b == 46 {
                let word = precedingWord(bytes, start, i)
                if !word.isEmpty {
                    let nextWord = followingWord(bytes, k, end)
                    if sentenceFinalAbbreviations.contains(word) {
                        boundary = sentenceStarters.contains(nextWord)
                    } else if abbreviations.contains(word) {
                        boundary = false
                    } else if Segmenter.isInitials(word) {
                        // Initials: "J. R. Smith", "G.K. Chesterton"; joined ones may also be a
                        // place that ends the sentence ("in Concord, N.H. The rally").
                        boundary = word.count > 1 && sentenceStarters.contains(nextWord)
                    }
                }
            }
            if boundary {
                result.append(start..<j)
                start = k
                i = k
            } else {
                i = j
            }
        }
        var tail = start
        while tail < end, Segmenter.isSpace(bytes[tail]) { tail += 1 }
        if tail < end { result.append(tail..<end) }
        return result
    }

    /// Whether the words from `start` are capitalised words (a name, a title) and then an
    /// attribution verb: "Lee asked", "Sen. Ana Ruiz said".
    func attributionFollows(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard !attributionVerbs.isEmpty else { return false }
        var k = start
        for _ in 0..<6 {
            while k < end, Segmenter.isSpace(bytes[k]) { k += 1 }
            let word = followingWord(bytes, k, end)
            guard !word.isEmpty else { return false }
            var bare = Substring(word)
            while let last = bare.last, ".,;:!?".contains(last) { bare.removeLast() }
            if k > start, attributionVerbs.contains(String(bare)) { return true }
            guard let first = bare.unicodeScalars.first, first.properties.isUppercase else { return false }
            if bare.count < word.count, !word.hasSuffix(".") { return false }   // a comma ends the name
            k += word.utf8.count
        }
        return false
    }

    /// Whether the mark at `i` stands at the start of the paragraph or after white space or an
    /// opening bracket, directly before a letter or digit.
    static func opensAWord(_ bytes: [UInt8], _ i: Int, _ length: Int, _ paragraph: Range<Int>) -> Bool {
        let after = i + length
        guard after < paragraph.upperBound, !isSpace(bytes[after]), bytes[after] != 44, bytes[after] != 46 else { return false }
        return i == paragraph.lowerBound || isSpace(bytes[i - 1]) || bytes[i - 1] == 40 || bytes[i - 1] == 91
    }

    /// One capital letter, or capitals joined by full stops ("J", "G.K"): a person's initials.
    static func isInitials(_ word: String) -> Bool {
        // ASCII: capitals and full stops taking turns, a capital first and last.
        let ascii: Bool?? = word.utf8.withContiguousStorageIfAvailable { bytes in
            var expectCapital = true
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if expectCapital ? !isUpper(byte) : byte != 46 { return false }
                expectCapital.toggle()
            }
            return !expectCapital
        }
        if let known = ascii ?? nil { return known }
        let letters = word.split(separator: ".", omittingEmptySubsequences: false)
        return letters.allSatisfy { $0.count == 1 && $0.unicodeScalars.first?.properties.isUppercase == true }
    }

    static func isLowerMultibyte(_ bytes: [UInt8], _ k: Int) -> Bool {
        // Opening curly quotes and accented capitals count as starts; lower-case accented letters do not.
        let scalar = String(decoding: bytes[k..<min(k + 4, bytes.count)], as: UTF8.self).unicodeScalars.first
        return scalar?.properties.isLowercase ?? false
    }

    /// The word before the full stop at `dot`, without the dot ("Mr", "U.S").
    func precedingWord(_ bytes: [UInt8], _ lower: Int, _ dot: Int) -> String {
        var s = dot
        while s > lower, !Segmenter.isSpace(bytes[s - 1]), bytes[s - 1] != 40, bytes[s - 1] != 34 { s -= 1 }
        return String(decoding: bytes[s..<dot], as: UTF8.self)
    }

    func followingWord(_ bytes: [UInt8], _ k: Int, _ end: Int) -> String {
        var e = k
        while e < end, !Segmenter.isSpace(bytes[e]), bytes[e] != 44 { e += 1 }
        return String(decoding: bytes[k..<e], as: UTF8.self)
    }

    /// Quotations across the document: curly quotes pair by direction; straight quotes by
    /// context; a paragraph ending inside a quote continues it when the next paragraph opens with a
    /// quote mark, and closes it otherwise (odd quote counts are recovered, never refused).
    func findQuotations(_ bytes: [UInt8], _ paragraphs: [Paragraph]) -> [Quotation] {
        var quotes: [Quotation] = []
        var openAt: Int? = nil
        for (pIndex, paragraph) in paragraphs.enumerated() {
            var i = paragraph.range.lowerBound
            let end = paragraph.range.upperBound
            var continuing = false
            if openAt != nil {
                // A continued quote re-opens with a mark at the paragraph start.
                if let mark = Segmenter.quoteMark(bytes, i), mark.kind != .close { i += mark.length; continuing = true }
            }
            _ = continuing
            while i < end {
                guard let mark = Segmenter.quoteMark(bytes, i) else { i += 1; continue }
                var kind = mark.kind
                if kind == .straight {
                    let before: UInt8 = i > paragraph.range.lowerBound ? bytes[i - 1] : 32
                    let after: UInt8 = i + mark.length < end ? bytes[i + mark.length] : 32
                    let openingContext = Segmenter.isSpace(before) || before == 40 || before == 91 || before == 45 || before == 58 || i == paragraph.range.lowerBound
                    if openAt == nil { kind = (openingContext && !Segmenter.isSpace(after)) || i == paragraph.range.lowerBound ? .open : .close }
                    else { kind = .close }
                    if openAt == nil && kind == .close { i += mark.length; continue }
                } else if kind == .close, openAt == nil, Segmenter.opensAWord(bytes, i, mark.length, paragraph.range) {
                    kind = .open   // a closing mark written where a quotation opens: ”We will win.”
                } else if kind == .open, openAt != nil, Segmenter.endsAClause(bytes, i, mark.length, paragraph.range) {
                    kind = .close  // an opening mark written where a quotation closes: “We will win,“ she said.
                }
                if kind == .open {
                    if openAt == nil { openAt = i }
                } else if let o = openAt {
                    quotes.append(Quotation(range: o..<(i + mark.length), unclosed: false))
                    openAt = nil
                }
                i += mark.length
            }
            if let o = openAt {
                let nextOpens = pIndex + 1 < paragraphs.count
                    && Segmenter.quoteMark(bytes, paragraphs[pIndex + 1].range.lowerBound).map { $0.kind != .close } == true
                if !nextOpens {
                    quotes.append(Quotation(range: o..<end, unclosed: true))
                    openAt = nil
                }
            }
        }
        if let o = openAt { quotes.append(Quotation(range: o..<bytes.count, unclosed: true)) }
        return quotes
    }
}
