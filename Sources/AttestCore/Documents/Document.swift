import PCRE2Kit

/// How a document's plain text was obtained from its file.
public enum DocumentFormat: String, Sendable, Codable {
    case text, markdown, html, jsonl, stdin
}

/// Whether a document was analysed, or skipped with an error.
public enum DocumentStatus: String, Sendable, Codable {
    case ok, skipped
}

/// A document of the corpus: metadata plus the plain text that every offset refers to.
public struct Document: Sendable {
    /// Short corpus-wide identifier ("d1", "d2", ...).
    public var id: String
    /// The path as given (for JSONL articles `file.jsonl#id`).
    public var path: String
    public var title: String?
    public var outlet: String?
    /// ISO date (yyyy-mm-dd) when known.
    public var date: String?
    public var url: String?
    public var format: DocumentFormat
    /// Size of the input in bytes (the file, or the JSONL line's text).
    public var bytes: Int
    public var status: DocumentStatus
    /// Why the document was skipped, or a warning about it; nil when all went well.
    public var error: String?
    /// The plain text (markup removed) that offsets refer to; empty for skipped documents.
    public var text: String

    public init(id: String, path: String, format: DocumentFormat, bytes: Int, text: String,
                title: String? = nil, outlet: String? = nil, date: String? = nil, url: String? = nil,
                status: DocumentStatus = .ok, error: String? = nil) {
        self.id = id
        self.path = path
        self.format = format
        self.bytes = bytes
        self.text = text
        self.title = title
        self.outlet = outlet
        self.date = date
        self.url = url
        self.status = status
        self.error = error
    }

    /// A skipped document entry that keeps the corpus accounted for.
    public static func skipped(path: String, format: DocumentFormat, bytes: Int, reason: String) -> Document {
        Document(id: "", path: path, format: format, bytes: bytes, text: "", status: .skipped, error: reason)
    }

    /// The file name used by scorers: the last path component (keeps `#id` for JSONL articles).
    public var fileName: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
