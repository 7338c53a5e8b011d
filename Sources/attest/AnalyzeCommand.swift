import ArgumentParser
import AttestCore
import AttestReports
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, markdown, html, claimreview
}

/// Claim statuses that make `--fail-on` exit with status 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case contradicted, unconfirmed

    /// The statuses that trip it: `unconfirmed` also trips on contradicted claims.
    var statuses: Set<String> { self == .contradicted ? ["contradicted"] : ["contradicted", "unconfirmed"] }
}

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Extract attributed statements from files and folders of articles.",
        discussion: "Reads .txt, .md, .html/.htm and .jsonl (one article per line) files; folders are searched recursively; - reads standard input."
    )

    @Argument(help: "Files or folders to analyse (- for standard input).")
    var paths: [String]

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: .long, help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Exit with status 1 when any document was skipped.")
    var strict = false

    @Option(name: .long, help: "Skip documents larger than this many bytes.")
    var maxDocumentBytes: Int = 16 * 1024 * 1024

    @Option(name: .long, help: "Worker threads (default: one per core).")
    var workers: Int?

    @Flag(name: .long, help: "Do not build claims (statements only).")
    var noClaims = false

    @Flag(name: .long, help: "Print the time claim linking takes (statements, claims, seconds) to standard error.")
    var timeLinking = false

    @Flag(name: .long, help: "Colour in the text report even when not writing to a terminal.")
    var color = false

    @Flag(name: .long, help: "Print time and match-limit hits per rule to standard error.")
    var profileRules = false

    @Option(name: .long, help: "Exit with status 1 when a claim is contradicted (contradicted), or contradicted or unconfirmed (unconfirmed).")
    var failOn: FailOn?

    func run() throws {
        let rules = try ruleOptions.load(corpusRoots: paths)
        var options = AnalysisOptions()
        options.maxDocumentBytes = maxDocumentBytes
        if let workers { options.workers = max(1, workers) }
        // Only the Markdown and HTML reports quote context from the documents; other formats drop the text early.
        options.keepText = [.markdown, .html].contains(format)
        options.profileRules = profileRules
        // JSON Lines without claims streams: statements wait on disk, not in memory.
        options.spillStatements = format == .jsonl && noClaims
        // Timed linking runs after the analysis, on its statements, so that only linking is measured.
        options.buildClaims = !noClaims && !timeLinking
        let analyzer = Analyzer(rules: rules, options: options)
        var analysis = analyzer.analyze(paths: paths)
        if timeLinking && !noClaims {
            let start = DispatchTime.now().uptimeNanoseconds
            analysis.claims = ClaimLinker(rules: rules).link(statements: analysis.statements, documents: analysis.documents)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            Stderr.print("attest: linking: \(analysis.statements.count) statements, \(analysis.claims.count) claims, "
                         + String(format: "%.3f", seconds) + " s")
        }
        for problem in analysis.inputProblems { Stderr.print("attest: \(problem)") }
        for doc in analysis.documents where doc.status == .skipped {
            Stderr.print("attest: \(doc.path): skipped: \(doc.error ?? "unknown reason")")
        }
        for warning in analysis.warnings { Stderr.print("attest: warning: \(warning)") }
        if let profile = analyzer.profile {
            Stderr.print(RuleProfile.render(profile.sortedEntries(including: rules)))
        }
        // Every format but JSON Lines is rendered whole; JSON Lines is written as it goes.
        let rendered: String?
        switch format {
        case .json: rendered = JSONReport.render(analysis)
        case .jsonl:
            let sink = try BufferedOutput(path: output)
            try JSONReport.writeLineBytes(analysis) { try sink.write($0) }
            try sink.close()
            rendered = nil
        case .text: rendered = TextReport.render(analysis, color: color || (output == nil && isatty(1) != 0))
        case .markdown: rendered = MarkdownReport.render(analysis)
        case .html: rendered = HTMLReport.render(analysis)
        case .claimreview: rendered = ClaimReviewReport.render(analysis)
        }
        if let rendered { try write(rendered, to: output) }
        if let failOn, analysis.claims.contains(where: { failOn.statuses.contains($0.status) }) {
            Stderr.print("attest: --fail-on \(failOn.rawValue): \(analysis.claims.filter { failOn.statuses.contains($0.status) }.count) claim(s)")
            throw ExitCode(1)
        }
        if strict && (analysis.documents.contains { $0.status == .skipped } || !analysis.inputProblems.isEmpty) {
            throw ExitCode(1)
        }
    }
}

/// Writes to a file, or to standard output when `path` is nil or "-".
func write(_ text: String, to path: String?) throws {
    if let path, path != "-" {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw ValidationError("cannot write \(path): \(error.localizedDescription)")
        }
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Output written in 64 KiB pieces to a file (created or truncated) or to standard output, so
/// that a long JSON Lines result never sits in memory whole.
final class BufferedOutput {
    private let handle: FileHandle
    private let path: String?
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        if let path, path != "-" {
            guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
                throw ValidationError("cannot write \(path)")
            }
            handle = h
            self.path = path
        } else {
            handle = FileHandle.standardOutput
            self.path = nil
        }
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch {
            throw ValidationError("cannot write \(path ?? "standard output"): \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        if path != nil { try? handle.close() }
    }
}
