import Foundation

/// Statements kept on disk instead of in memory while a large corpus is analysed, so that peak
/// memory does not grow with the corpus (`attest analyze --format jsonl --no-claims`).
///
/// Workers append each document's statements as one encoded chunk; the writer reads the chunks
/// back in document order. The first chunks, up to a fixed number of bytes, stay in memory (a
/// small corpus never touches the disk); the rest go to the file. The temporary file is removed
/// when the spill is released.
public final class StatementSpill: @unchecked Sendable {
    /// Where one document's statements are in the file.
    public struct Chunk: Sendable {
        let offset: UInt64
        let length: Int
        /// In the spill's memory (offset into it) rather than in the file.
        let inMemory: Bool
        /// Number of statements in the chunk.
        public let count: Int
    }

    private let path: String
    private let writer: FileHandle
    private let lock = NSLock()
    private var size: UInt64 = 0
    /// Chunks kept in memory, at most `memoryLimit` bytes.
    private var memory: [UInt8] = []
    private let memoryLimit: Int

    /// Creates an empty spill file in the temporary directory; up to `memoryLimit` bytes of
    /// chunks are kept in memory instead.
    public init(memoryLimit: Int = 4 << 20) throws {
        self.memoryLimit = memoryLimit
        let dir = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        path = (dir as NSString).appendingPathComponent("attest-spill-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).bin")
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        writer = handle
    }

    deinit {
        try? writer.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Appends one document's statements; safe to call from several threads. Only the place in
    /// the file is taken under the lock; the bytes are written there (`pwrite`) outside it.
    public func append(_ statements: [Statement]) throws -> Chunk {
        var encoded = ByteWriter()
        encoded.int(statements.count)
        for statement in statements { StatementCodec.write(statement, to: &encoded) }
        lock.lock()
        if memory.count + encoded.bytes.count <= memoryLimit {
            // Reserved whole at once so that growing never holds two copies (pages are only
            // taken as they are written).
            if memory.isEmpty { memory.reserveCapacity(memoryLimit) }
            let start = memory.count
            memory.append(contentsOf: encoded.bytes)
            lock.unlock()
            return Chunk(offset: UInt64(start), length: encoded.bytes.count, inMemory: true, count: statements.count)
        }
        let offset = size
        size += UInt64(encoded.bytes.count)
        lock.unlock()
        try encoded.bytes.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                guard let base = bytes.baseAddress else { break }
                let wrote = pwrite(writer.fileDescriptor, base + done, bytes.count - done, off_t(offset) + off_t(done))
                if wrote < 0 && errno == EINTR { continue }
                guard wrote > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
                done += wrote
            }
        }
        return Chunk(offset: offset, length: encoded.bytes.count, inMemory: false, count: statements.count)
    }

    /// Person names counted over the corpus so far (full names by surname), for canonical names.
    private var names = SurnameIndex()

    /// Adds the person names (speakers and mentions) a worker counted; safe from several threads.
    /// Only distinct names take memory, so this stays small however many statements there are.
    public func count(names counted: SurnameIndex) {
        lock.lock()
        defer { lock.unlock() }
        names.merge(counted)
    }

    /// The names counted so far.
    public var surnames: SurnameIndex {
        lock.lock()
        defer { lock.unlock() }
        return names
    }

    /// The statements of one chunk.
    public func read(_ chunk: Chunk) throws -> [Statement] {
        guard chunk.count > 0 else { return [] }
        if chunk.inMemory {
            lock.lock()
            let start = Int(chunk.offset)
            let bytes = Array(memory[start..<min(memory.count, start + chunk.length)])
            lock.unlock()
            return try StatementSpill.decode(bytes)
        }
        var bytes = [UInt8](repeating: 0, count: chunk.length)
        var got = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while got < buffer.count {
                guard let base = buffer.baseAddress else { break }
                let n = pread(writer.fileDescriptor, base + got, buffer.count - got, off_t(chunk.offset) + off_t(got))
                if n < 0 && errno == EINTR { continue }
                if n == 0 { break }
                guard n > 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path]) }
                got += n
            }
        }
        bytes.removeLast(bytes.count - got)
        return try StatementSpill.decode(bytes)
    }

    /// The statements of one encoded chunk.
    private static func decode(_ bytes: [UInt8]) throws -> [Statement] {
        var reader = ByteReader(bytes: bytes)
        let count = try reader.int()
        var statements: [Statement] = []
        statements.reserveCapacity(count)
        for _ in 0..<count { statements.append(try StatementCodec.read(from: &reader)) }
        return statements
    }
}

/// A compact binary form of ``Statement`` for the spill file: every stored property in a fixed
/// order (a test checks that the list covers every property, so a new field cannot be lost).
enum StatementCodec {
    /// The stored properties written, in order, for the completeness test.
    static let statementFields = ["id", "documentIndex", "document", "sentence", "span", "line", "speaker", "cue", "content",
                                  "kind", "stance", "via", "channel", "date", "rule", "cueSpan", "speakerSpan", "speakerHead", "contentSpan",
                                  "recipient", "sentenceIndex"]
    static let speakerFields = ["name", "mention", "role", "type"]

    static func write(_ s: Statement, to w: inout ByteWriter) {
        w.string(s.id); w.int(s.documentIndex); w.string(s.document); w.string(s.sentence); w.span(s.span); w.int(s.line)
        w.optional(s.speaker.name); w.optional(s.speaker.mention); w.optional(s.speaker.role); w.string(s.speaker.type)
        w.string(s.cue); w.string(s.content); w.string(s.kind); w.string(s.stance)
        w.optional(s.via); w.optional(s.channel); w.optional(s.date); w.string(s.rule); w.span(s.cueSpan)
        w.optionalSpan(s.speakerSpan); w.optional(s.speakerHead); w.optionalSpan(s.contentSpan); w.optional(s.recipient); w.int(s.sentenceIndex)
    }

    static func read(from r: inout ByteReader) throws -> Statement {
        let id = try r.string(), documentIndex = try r.int(), document = try r.string(), sentence = try r.string()
        let span = try r.span(), line = try r.int()
        let speaker = Speaker(name: try r.optional(), mention: try r.optional(), role: try r.optional(), type: try r.string())
        let cue = try r.string(), content = try r.string(), kind = try r.string(), stance = try r.string()
        let via = try r.optional(), channel = try r.optional(), date = try r.optional(), rule = try r.string(), cueSpan = try r.span()
        var s = Statement(documentIndex: documentIndex, document: document, sentence: sentence, span: span, line: line,
                          speaker: speaker, cue: cue, content: content, kind: kind, stance: stance, rule: rule, cueSpan: cueSpan,
                          sentenceIndex: 0)
        s.id = id; s.via = via; s.channel = channel; s.date = date
        s.speakerSpan = try r.optionalSpan(); s.speakerHead = try r.optional(); s.contentSpan = try r.optionalSpan(); s.recipient = try r.optional()
        s.sentenceIndex = try r.int()
        return s
    }
}

/// Appends variable-length integers and length-prefixed UTF-8 strings.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    mutating func string(_ s: String) { int(s.utf8.count); bytes.append(contentsOf: s.utf8) }
    mutating func optional(_ s: String?) {
        if let s { bytes.append(1); string(s) } else { bytes.append(0) }
    }
    mutating func span(_ span: ByteSpan) { int(span.start); int(span.end) }
    mutating func optionalSpan(_ span: ByteSpan?) {
        if let span { bytes.append(1); self.span(span) } else { bytes.append(0) }
    }
}

/// Reads what ``ByteWriter`` wrote; a truncated or corrupt record throws instead of crashing.
struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    struct Corrupt: Error, CustomStringConvertible {
        let offset: Int
        var description: String { "the temporary statement file is corrupt at byte \(offset)" }
    }

    mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw Corrupt(offset: position) }
        defer { position += 1 }
        return bytes[position]
    }
    mutating func int() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Corrupt(offset: position) }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: value))
    }
    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, position + count <= bytes.count else { throw Corrupt(offset: position) }
        defer { position += count }
        return String(decoding: bytes[position..<(position + count)], as: UTF8.self)
    }
    mutating func optional() throws -> String? { try byte() == 1 ? try string() : nil }
    mutating func span() throws -> ByteSpan {
        let start = try int()
        var span = ByteSpan(start..<start)
        span.end = try int()
        return span
    }
    mutating func optionalSpan() throws -> ByteSpan? { try byte() == 1 ? try span() : nil }
}
