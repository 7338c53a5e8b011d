import Foundation
import PCRE2Kit

/// A file or JSONL line that could not be read, reported with its path.
public struct LoadProblem: Sendable, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}

/// Finds input files and turns each into one or more ``Document``s.
///
/// Bad input never throws: every file ends up as a document, `ok` or `skipped` with a reason.
public struct DocumentLoader: Sendable {
    /// Documents larger than this are skipped (the 50 MB one-line file case).
    public var maxDocumentBytes: Int
    /// File extensions read as documents.
    public static let supportedExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "jsonl"]

    public init(maxDocumentBytes: Int = 16 * 1024 * 1024) {
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// Expands the given paths (files, folders searched recursively, `-` for stdin) into a sorted
    /// list of input files. Missing paths are returned as problems.
    public func inputFiles(for paths: [String]) -> (files: [String], problems: [LoadProblem]) {
        var files: [String] = []
        var problems: [LoadProblem] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" { files.append("-"); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append(LoadProblem(path: path, message: "no such file or folder"))
                continue
            }
            if !isDir.boolValue { files.append(path); continue }
            guard let walker = fm.enumerator(atPath: path) else {
                problems.append(LoadProblem(path: path, message: "folder cannot be read"))
                continue
            }
            var found: [String] = []
            for case let relative as String in walker {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { walker.skipDescendants(); continue }
                if name == "attest.yml" || name == "attest.yaml" { continue }   // the project file, not an article
                let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
            }
            files.append(contentsOf: found.sorted())
        }
        return (files, problems)
    }

    /// The format a path's extension selects, or nil when unsupported.
    public static func format(forPath path: String) -> DocumentFormat? {
        if path == "-" { return .stdin }
        switch plainExtension(path) ?? (path as NSString).pathExtension.lowercased() {
        case "txt", "text": return .text
        case "md", "markdown": return .markdown
        case "html", "htm": return .html
        case "jsonl": return .jsonl
        default: return nil
        }
    }

    /// The extension of a path that ends in ".txt", ".md", ".html" (one of the supported
    /// extensions, in lower case) after a file name: what `pathExtension` gives it, found without
    /// bridging to NSString. nil for any other path.
    static func plainExtension(_ path: String) -> String? {
        let bytes = Array(path.utf8.suffix(10))
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0, bytes[dot - 1] != UInt8(ascii: "/") else { return nil }
        let ext = String(decoding: bytes[(dot + 1)...], as: UTF8.self)
        return supportedExtensions.contains(ext) ? ext : nil
    }

    /// Reads one input file into documents (several for JSONL). Never throws.
    public func load(path: String) -> [Document] {
        guard let format = DocumentLoader.format(forPath: path) else {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let ext = (path as NSString).pathExtension
            return [.skipped(path: path, format: .text, bytes: size,
                             reason: "unsupported file type \(ext.isEmpty ? "(no extension)" : "'.\(ext)'"); expected .txt, .md, .html, .htm or .jsonl")]
        }
        let raw: [UInt8]
        if path == "-" {
            raw = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            switch DocumentLoader.readFile(path, tooLarge: { $0 > maxDocumentBytes && format != .jsonl }) {
            case .tooLarge(let size):
                return [.skipped(path: path, format: format, bytes: size,
                                 reason: "file is \(DocumentLoader.humanBytes(size)), above the \(DocumentLoader.humanBytes(maxDocumentBytes)) limit per document (--max-document-bytes)")]
            case .unreadable:
                return [.skipped(path: path, format: format, bytes: 0, reason: "file cannot be read (permission denied or not a regular file)")]
            case .bytes(let bytes):
                raw = bytes
            }
        }
        if format == .jsonl { return loadJSONL(path: path, raw: raw) }
        return [decode(path: path, format: format, raw: raw)]
    }

    /// The size `lstat` gives the path (a link's own size, as `FileManager.attributesOfItem`
    /// reports it), or nil when it cannot be read. Asks for nothing else: no owner or group names.
    static func linkSize(_ path: String) -> Int? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }

    /// What reading a file gave.
    enum FileContent {
        case bytes([UInt8])
        /// Refused for its size (as `lstat` gives it), unread.
        case tooLarge(Int)
        /// Missing, permission denied, or a folder.
        case unreadable
    }

    /// The whole content of a file, read straight into bytes, unless `tooLarge` refuses the size
    /// `lstat` gives the path (checked first, as before reading). The open file's own size
    /// stands in for `lstat`'s where the two cannot differ in outcome: they differ only for a
    /// symbolic link, whose own size (the length of a path) is below 4096.
    static func readFile(_ path: String, tooLarge: (Int) -> Bool) -> FileContent {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if let size = linkSize(path), tooLarge(size) { return .tooLarge(size) }
            return .unreadable
        }
        defer { close(descriptor) }
        var status = stat()
        let known = fstat(descriptor, &status) == 0
        let expected = known && status.st_size > 0 ? Int(status.st_size) : 0
        if !known || tooLarge(expected) || tooLarge(4095), let size = linkSize(path), tooLarge(size) { return .tooLarge(size) }
        var buffer = [UInt8](repeating: 0, count: expected + 1)
        var count = 0
        while true {
            if count == buffer.count { buffer.append(contentsOf: repeatElement(0, count: max(buffer.count, 1 << 16))) }
            let got = buffer.withUnsafeMutableBytes { space -> Int in
                guard let base = space.baseAddress else { return -1 }
                return read(descriptor, base + count, space.count - count)
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                return .unreadable
            }
            count += got
        }
        buffer.removeLast(buffer.count - count)
        return .bytes(buffer)
    }

    /// Turns raw bytes of one document into a ``Document`` (checks size, binary, UTF-8, emptiness).
    public func decode(path: String, format: DocumentFormat, raw: [UInt8], meta: ArticleMetadata = ArticleMetadata()) -> Document {
        if raw.count > maxDocumentBytes {
            return .skipped(path: path, format: format, bytes: raw.count,
                            reason: "document is \(DocumentLoader.humanBytes(raw.count)), above the \(DocumentLoader.humanBytes(maxDocumentBytes)) limit per document (--max-document-bytes)")
        }
        if let nul = raw.prefix(65536).firstIndex(of: 0) {
            return .skipped(path: path, format: format, bytes: raw.count, reason: "binary file (NUL byte at offset \(nul)); not text")
        }
        var bytes = raw
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = UTF8Text.firstInvalidUTF8Offset(bytes) {
            return .skipped(path: path, format: format, bytes: raw.count, reason: "invalid UTF-8 at byte offset \(bad); convert the file to UTF-8")
        }
        let source = String(decoding: bytes, as: UTF8.self)
        var text: String
        var title = meta.title
        var warning: String? = nil
        switch format {
        case .html:
            let extracted = HTMLText.extract(source)
            text = extracted.text
            if title == nil { title = extracted.title }
            warning = extracted.warning
        case .markdown:
            text = MarkdownText.plainText(source)
        default:
            text = source
        }
        if DocumentLoader.holdsCarriageReturn(text) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if DocumentLoader.isBlank(text) {
            return .skipped(path: path, format: format, bytes: raw.count, reason: raw.isEmpty ? "empty file" : "no text after markup was removed")
        }
        return Document(id: "", path: path, format: format, bytes: raw.count, text: text,
                        title: title ?? DocumentLoader.firstLine(of: text), outlet: meta.outlet,
                        date: meta.date, url: meta.url, status: .ok, error: warning)
    }

    /// JSONL: one article per line with `text` and optional `id`, `title`, `url`, `outlet`, `date`.
    func loadJSONL(path: String, raw: [UInt8]) -> [Document] {
        if let bad = UTF8Text.firstInvalidUTF8Offset(raw) {
            return [.skipped(path: path, format: .jsonl, bytes: raw.count, reason: "invalid UTF-8 at byte offset \(bad); convert the file to UTF-8")]
        }
        var documents: [Document] = []
        var lineNumber = 0
        for line in raw.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            let linePath = "\(path)#line\(lineNumber)"
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)), let record = object as? [String: Any] else {
                documents.append(.skipped(path: linePath, format: .jsonl, bytes: line.count, reason: "line \(lineNumber) is not a JSON object"))
                continue
            }
            guard let body = record["text"] as? String else {
                documents.append(.skipped(path: linePath, format: .jsonl, bytes: line.count, reason: "line \(lineNumber) has no \"text\" string"))
                continue
            }
            func field(_ key: String) -> String? {
                if let s = record[key] as? String, !s.isEmpty { return s }
                if let n = record[key] as? NSNumber { return n.stringValue }
                return nil
            }
            let articleID = field("id")
            let articlePath = articleID.map { "\(path)#\($0)" } ?? linePath
            let meta = ArticleMetadata(title: field("title"), outlet: field("outlet"), date: field("date").flatMap { DateText.isoDate($0) }, url: field("url"))
            var doc = decode(path: articlePath, format: .jsonl, raw: Array(body.utf8), meta: meta)
            doc.format = .jsonl
            documents.append(doc)
        }
        if documents.isEmpty {
            documents.append(.skipped(path: path, format: .jsonl, bytes: raw.count, reason: raw.isEmpty ? "empty file" : "no articles in JSONL file"))
        }
        return documents
    }

    static func firstLine(of text: String) -> String? {
        // Line by line without splitting the whole text: the first qualifying line is near the top.
        var rest = Substring(text)
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            let trimmed = DocumentLoader.trimmedLine(rest[..<end])
            if trimmed.count > 3 && trimmed.contains(where: { $0.isLetter }) { return String(trimmed.prefix(200)) }
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
        }
        return nil
    }

    /// Whether the text holds a carriage return (searched with `memchr`).
    static func holdsCarriageReturn(_ text: String) -> Bool {
        let found: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 13, bytes.count) != nil
        }
        return found ?? text.utf8.contains(13)
    }

    /// The line without white space around it (as `trimmingCharacters(in: .whitespaces)` gives
    /// it): spaces and tabs are cut on the bytes when ASCII text then stands at both ends, and
    /// Foundation trims only lines that end in other characters.
    static func trimmedLine(_ line: Substring) -> Substring {
        let bytes = line.utf8
        var lo = bytes.startIndex, hi = bytes.endIndex
        while lo < hi, bytes[lo] == 32 || bytes[lo] == 9 { lo = bytes.index(after: lo) }
        while hi > lo, bytes[bytes.index(before: hi)] == 32 || bytes[bytes.index(before: hi)] == 9 { hi = bytes.index(before: hi) }
        if lo == hi { return "" }
        if bytes[lo] < 0x80, bytes[bytes.index(before: hi)] < 0x80 { return line[lo..<hi] }
        return Substring(line.trimmingCharacters(in: .whitespaces))
    }

    /// Whether the text holds nothing but white space (checked on bytes; Unicode spaces such as
    /// U+00A0 are looked at as characters).
    static func isBlank(_ text: String) -> Bool {
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case 9, 10, 11, 12, 13, 32: continue
            case 0..<128: return false
            default:
                let rest = text.utf8.dropFirst(offset)
                return String(decoding: Array(rest), as: UTF8.self).allSatisfy { $0.isWhitespace }
            }
        }
        return true
    }

    /// "50.0 MB" style sizes for messages.
    public static func humanBytes(_ n: Int) -> String {
        if n >= 1024 * 1024 { return String(format: "%.1f MiB", Double(n) / 1048576) }
        if n >= 1024 { return String(format: "%.1f KiB", Double(n) / 1024) }
        return "\(n) bytes"
    }
}

/// Metadata an article may bring along (from a JSONL record).
public struct ArticleMetadata: Sendable {
    public var title: String?
    public var outlet: String?
    public var date: String?
    public var url: String?
    public init(title: String? = nil, outlet: String? = nil, date: String? = nil, url: String? = nil) {
        self.title = title; self.outlet = outlet; self.date = date; self.url = url
    }
}
