import Foundation

/// Statements kept on disk instead of in memory while a large corpus is analysed, so that peak
/// memory does not grow with the corpus (`attest analyze --format jsonl --no-claims`).
///
/// Workers append each document's statements as one encoded chunk; the writer reads the chunks
/// back in document order. The temporary file is removed when the spill is released.
public final class StatementSpill: @unchecked Sendable {
    /// Where one document's statements are in the file.
    public struct Chunk: Sendable {
        let offset: UInt64
        let length: Int
        /// Number of statements in the chunk.
        public let count: Int
    }

    private let path: String
    private let writer: FileHandle
    private let lock = NSLock()
    private var size: UInt64 = 0

    /// Creates an empty spill file in the temporary directory.
    public init() throws {
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

    /// Appends one document's statements; safe to call from several threads.
    public func append(_ statements: [Statement]) throws -> Chunk {
        let data = try JSONEncoder().encode(statements)
        lock.lock()
        defer { lock.unlock() }
        try writer.seek(toOffset: size)
        try writer.write(contentsOf: data)
        let chunk = Chunk(offset: size, length: data.count, count: statements.count)
        size += UInt64(data.count)
        return chunk
    }

    /// The statements of one chunk.
    public func read(_ chunk: Chunk) throws -> [Statement] {
        guard chunk.count > 0 else { return [] }
        lock.lock()
        defer { lock.unlock() }
        try writer.seek(toOffset: chunk.offset)
        let data = try writer.read(upToCount: chunk.length) ?? Data()
        return try JSONDecoder().decode([Statement].self, from: data)
    }
}
