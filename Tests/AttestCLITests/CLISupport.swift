import Foundation
import XCTest

/// The repository root, found from this file's path.
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `attest` binary: `$ATTEST_BIN`, else `.build/debug/attest`.
var attestBinary: URL {
    if let env = ProcessInfo.processInfo.environment["ATTEST_BIN"], !env.isEmpty { return URL(fileURLWithPath: env) }
    return repoRoot.appendingPathComponent(".build/debug/attest")
}

/// What a run of the binary printed and returned.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built binary with arguments, optional standard input, in `directory` (default: repo root).
func runAttest(_ arguments: [String], stdin: String? = nil, directory: URL? = nil) throws -> RunResult {
    try runProgram(attestBinary, arguments, stdin: stdin, directory: directory)
}

/// The first of `names` found on `PATH`, or nil.
func findOnPath(_ names: [String]) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for name in names {
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
    }
    return nil
}

/// Runs a program with arguments, optional standard input, in `directory` (default: repo root).
func runProgram(_ executable: URL, _ arguments: [String], stdin: String? = nil, directory: URL? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? repoRoot
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read both pipes concurrently so a large output cannot block the child.
    let errBox = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

/// A fresh temporary folder removed after the test.
func temporaryFolder(_ test: XCTestCase) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attest-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    return dir
}

/// Parses JSON output into a dictionary.
func jsonObject(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try XCTUnwrap(object as? [String: Any])
}

/// Holds bytes read on another thread (written once, read after the group's wait).
final class DataBox: @unchecked Sendable { var data = Data() }
