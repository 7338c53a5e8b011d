/// Who a statement is attributed to.
public struct Speaker: Sendable, Codable, Hashable {
    /// Canonical name (one per entity across the corpus); nil for unattributed hedged assertions.
    public var name: String?
    /// How the sentence names the speaker, as written.
    public var mention: String?
    /// Title or role ("former U.S. President", "researcher at the Atlantic Council").
    public var role: String?
    /// person | organization | outlet | group | anonymous
    public var type: String

    public init(name: String?, mention: String?, role: String? = nil, type: String) {
        self.name = name; self.mention = mention; self.role = role; self.type = type
    }
}

/// A byte range into a document's plain text.
public struct ByteSpan: Sendable, Codable, Hashable {
    public var start: Int
    public var end: Int
    public init(_ range: Range<Int>) { start = range.lowerBound; end = range.upperBound }
    public var range: Range<Int> { start..<max(start, end) }
}

/// One attributed statement: who said what, how, where and when, and which rule found it.
public struct Statement: Sendable {
    public var id: String = ""
    /// Index of the document in the analysis.
    public var documentIndex: Int
    /// The document's path.
    public var document: String
    /// The sentence holding the cue, markup removed.
    public var sentence: String
    public var span: ByteSpan
    /// 1-based line of the sentence in the plain text.
    public var line: Int
    public var speaker: Speaker
    public var cue: String
    public var content: String
    /// direct | indirect | mixed
    public var kind: String
    /// assert | confirm | deny | not-confirm | hedged
    public var stance: String
    public var via: String?
    public var channel: String?
    public var date: String?
    public var rule: String
    /// Byte ranges of the parts, for highlighting and linking.
    public var cueSpan: ByteSpan
    public var speakerSpan: ByteSpan?
    /// The speaker without the apposition that follows it in the mention ("Song Wendi" when the
    /// mention is "Song Wendi, a researcher at the Atlantic Council"); nil when the mention has none.
    /// Entity resolution reads this head, the report shows the mention as written.
    public var speakerHead: String?
    public var contentSpan: ByteSpan?
    /// Who the statement was addressed to ("reporters", "the Financial Times").
    public var recipient: String?
    /// Index of the sentence in the document's segmentation.
    public var sentenceIndex: Int

    public init(documentIndex: Int, document: String, sentence: String, span: ByteSpan, line: Int, speaker: Speaker,
                cue: String, content: String, kind: String, stance: String, rule: String, cueSpan: ByteSpan,
                sentenceIndex: Int) {
        self.documentIndex = documentIndex; self.document = document; self.sentence = sentence; self.span = span
        self.line = line; self.speaker = speaker; self.cue = cue; self.content = content; self.kind = kind
        self.stance = stance; self.rule = rule; self.cueSpan = cueSpan; self.sentenceIndex = sentenceIndex
    }
}

/// A warning raised while analysing (a rule that hit its match limit, a document problem).
public struct AnalysisWarning: Sendable, CustomStringConvertible {
    public var document: String
    public var rule: String?
    public var offset: Int?
    public var message: String
    public init(document: String, rule: String? = nil, offset: Int? = nil, message: String) {
        self.document = document; self.rule = rule; self.offset = offset; self.message = message
    }
    public var description: String {
        var s = document
        if let offset { s += " (byte \(offset))" }
        if let rule { s += ": rule \(rule)" }
        return s + ": " + message
    }
}
