import Dispatch
import Foundation
import PCRE2Kit

/// Settings for an analysis run.
public struct AnalysisOptions: Sendable {
    /// Documents above this size are skipped with a message.
    public var maxDocumentBytes: Int = 16 * 1024 * 1024
    /// Worker threads (defaults to the number of cores).
    public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Keep each document's plain text in the result (reports quote context from it).
    public var keepText: Bool = true
    /// Build claims and assess them.
    public var buildClaims: Bool = true
    /// PCRE2 match limit per match attempt.
    public var matchLimit: UInt32 = 5_000_000
    /// Record per-rule time and match-limit hits.
    public var profileRules: Bool = false
    /// Keep statements in a temporary file instead of memory (needs `buildClaims` off), so peak
    /// memory stays flat however large the corpus; read them with `Analysis.forEachStatement`.
    public var spillStatements: Bool = false
    /// Keep the statements of dateline credits (rules with `set: {relays: credit}`). A credit only
    /// relays the article's statements through the credited wire and is dropped after that; rule
    /// examples keep it so they can check what the credit rule found.
    public var keepCredits: Bool = false
    public init() {}
}

/// Everything an analysis found.
public struct Analysis: Sendable {
    public var documents: [Document]
    public var statements: [Statement]
    public var claims: [Claim]
    public var warnings: [AnalysisWarning]
    /// Problems with inputs that are not files (missing paths).
    public var inputProblems: [LoadProblem]
    /// With `spillStatements`: where each document's statements are (by document index), and the
    /// corpus-wide names to apply on the way out. `statements` is then empty.
    var spilled: SpilledStatements? = nil

    struct SpilledStatements {
        let spill: StatementSpill
        /// Per document: its chunk in the spill, or its statements when writing the chunk failed.
        let chunks: [Either]
        let surnames: SurnameIndex
        enum Either { case chunk(StatementSpill.Chunk), inMemory([Statement]) }
    }

    /// Every statement in document order, with its final id and canonical speaker name; reads
    /// spilled statements back one document at a time.
    public func forEachStatement(_ body: (Statement) throws -> Void) throws {
        guard let spilled else {
            for s in statements { try body(s) }
            return
        }
        var number = 0
        for (docIndex, entry) in spilled.chunks.enumerated() {
            let batch: [Statement]
            switch entry {
            case .chunk(let chunk): batch = try spilled.spill.read(chunk)
            case .inMemory(let kept): batch = kept
            }
            for var s in batch {
                number += 1
                s.documentIndex = docIndex
                s.id = "s\(number)"
                spilled.surnames.apply(to: &s)
                try body(s)
            }
        }
    }
}

/// Runs the whole pipeline: load, segment, extract, resolve entities, link claims, assess.
public struct Analyzer: Sendable {
    public let rules: RuleSet
    public let options: AnalysisOptions
    public let extractor: Extractor
    public let resolver: EntityResolver
    /// Per-rule timings, when `options.profileRules` is set.
    public let profile: RuleProfile?
    /// IDs of the rules whose statement credits the whole document to an outlet (`relays: document`
    /// or `relays: credit`).
    let relayingRules: Set<String>
    /// IDs of the rules whose credit makes no statement of its own (`relays: credit`: a dateline's wire).
    let creditOnlyRules: Set<String>

    public init(rules: RuleSet, options: AnalysisOptions = AnalysisOptions()) {
        self.rules = rules
        self.options = options
        self.profile = options.profileRules ? RuleProfile() : nil
        self.extractor = Extractor(rules: rules, profile: profile)
        self.resolver = EntityResolver(rules: rules)
        self.relayingRules = Set(rules.rules.filter { ["document", "credit"].contains($0.settings["relays"]) }.map(\.id))
        self.creditOnlyRules = Set(rules.rules.filter { $0.settings["relays"] == "credit" }.map(\.id))
    }

    /// Per-document result of the parallel stage.
    struct DocumentResult {
        var documents: [Document] = []
        var statements: [[Statement]] = []
        /// With a spill: each document's chunk (nil when writing it failed and `statements` holds them).
        var chunks: [StatementSpill.Chunk?] = []
        var warnings: [AnalysisWarning] = []
        var names: [String] = []
    }

    /// Analyses files and folders (recursively); `-` reads standard input.
    public func analyze(paths: [String]) -> Analysis {
        let loader = DocumentLoader(maxDocumentBytes: options.maxDocumentBytes)
        let (files, problems) = loader.inputFiles(for: paths)
        var results = [DocumentResult](repeating: DocumentResult(), count: files.count)
        var spill: StatementSpill? = nil
        var spillProblem: LoadProblem? = nil
        if options.spillStatements && !options.buildClaims {
            do { spill = try StatementSpill() } catch {
                spillProblem = LoadProblem(path: "(temporary file)", message: "cannot keep statements on disk (\(error)); they are kept in memory")
            }
        }
        let workers = max(1, min(options.workers, files.count))
        let lock = NSLock()
        var next = 0
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let worker = Worker(matchLimit: options.matchLimit)
                while true {
                    lock.lock()
                    let index = next
                    next += 1
                    lock.unlock()
                    guard index < files.count else { break }
                    slots[index] = process(file: files[index], loader: loader, worker: worker, spill: spill)
                }
                spill?.count(names: worker.names)
            }
        }
        return assemble(results, problems: problems + (spillProblem.map { [$0] } ?? []), spill: spill)
    }

    /// Analyses documents already in memory (tests, `explain`).
    public func analyze(documents: [Document]) -> Analysis {
        let worker = Worker(matchLimit: options.matchLimit)
        let results = documents.map { doc -> DocumentResult in
            var r = DocumentResult()
            processDocument(doc, into: &r, worker: worker)
            return r
        }
        return assemble(results, problems: [])
    }

    /// What one worker thread keeps from document to document.
    final class Worker {
        /// PCRE2 matching state.
        let scratch: MatchScratch
        /// Named mentions resolved before.
        let memo = EntityResolver.Memo()
        /// With a spill: the person names this worker counted, handed to the spill when it ends
        /// (so workers do not take the spill's lock for every document).
        var names = SurnameIndex()

        init(matchLimit: UInt32) { scratch = MatchScratch(matchLimit: matchLimit) }
    }

    func process(file: String, loader: DocumentLoader, worker: Worker, spill: StatementSpill?) -> DocumentResult {
        var result = DocumentResult()
        for doc in loader.load(path: file) { processDocument(doc, into: &result, worker: worker, spill: spill) }
        return result
    }

    func processDocument(_ doc: Document, into result: inout DocumentResult, worker: Worker, spill: StatementSpill? = nil) {
        let scratch = worker.scratch
        var doc = doc
        guard doc.status == .ok else {
            result.documents.append(doc)
            result.statements.append([])
            if spill != nil { result.chunks.append(nil) }
            return
        }
        var (statements, warnings, _, seg) = extractor.extract(doc, index: 0, scratch: scratch)
        let mentions = entityMentions(doc, seg: seg, scratch: scratch, warnings: &warnings)
        resolver.resolveDocument(&statements, mentions: mentions, memo: worker.memo)
        relayThroughCreditedOutlet(&statements, of: doc)
        if !options.keepCredits && !creditOnlyRules.isEmpty {
            statements.removeAll { creditOnlyRules.contains($0.rule) }
        }
        result.names.append(contentsOf: mentions.filter { $0.type == "person" }.map(\.name))
        if !options.keepText { doc.text = "" }
        result.warnings.append(contentsOf: warnings)
        guard let spill else {
            result.documents.append(doc)
            result.statements.append(statements)
            return
        }
        // Names are counted for the spill and the document keeps only what the stream needs.
        for name in result.names { worker.names.add(name) }
        for s in statements where s.speaker.type == "person" { if let name = s.speaker.name { worker.names.add(name, role: s.speaker.role, isSpeaker: true) } }
        result.names.removeAll()
        result.documents.append(Document(id: "", path: doc.path, format: doc.format, bytes: doc.bytes, text: "", status: doc.status, error: doc.error))
        do {
            result.chunks.append(try spill.append(statements))
            result.statements.append([])
        } catch {
            result.chunks.append(nil)
            result.statements.append(statements)
            result.warnings.append(AnalysisWarning(document: doc.path, message: "cannot write statements to the temporary file (\(error)); kept in memory"))
        }
    }

    /// A wire story another outlet carries: when a credit rule (`set: {relays: credit}`, the
    /// dateline's "(Pacific Wire)", or `relays: document`) names an outlet other than the document's
    /// own (`outlet` of a JSONL article), every other statement of the document is relayed through
    /// the credited one.
    ///
    /// Nothing is relayed through the document's own outlet: "Ruiz told Straits Wire" in Straits
    /// Wire's copy (its `outlet`, or with none its dateline credit) is Ruiz speaking to the reporter.
    func relayThroughCreditedOutlet(_ statements: inout [Statement], of doc: Document) {
        let credit = relayingRules.isEmpty ? nil : statements.firstIndex(where: { relayingRules.contains($0.rule) })
        let credited = credit.flatMap { statements[$0].speaker.name }
        if let own = doc.outlet ?? credited {
            let folded = EntityLexicon.fold(own)
            for i in statements.indices where statements[i].via.map({ EntityLexicon.fold($0) == folded }) == true {
                statements[i].via = nil
            }
        }
        guard let own = doc.outlet, let credit, let wire = credited,
              EntityLexicon.fold(wire) != EntityLexicon.fold(own) else { return }
        for i in statements.indices where i != credit && statements[i].via == nil && statements[i].speaker.name != wire {
            statements[i].via = wire
        }
    }

    /// Entity mentions found by `entity` rules, with their sentence index.
    func entityMentions(_ doc: Document, seg: Segmentation, scratch: MatchScratch, warnings: inout [AnalysisWarning]) -> [(name: String, type: String, sentence: Int)] {
        let entityRules = rules.rules(.entity)
        guard !entityRules.isEmpty else { return [] }
        let text = UTF8Text(doc.text)
        let types = entityRules.map { $0.settings["speaker_type"] ?? "person" }
        var out: [(String, String, Int)] = []
        for (i, sentence) in seg.sentences.enumerated() {
            let subject = text.sentenceSlice(sentence.range)
            for (rule, type) in zip(entityRules, types) {
                do {
                    let matches = try extractor.timed(rule.id, phase: rule.phase.rawValue) { () throws -> [PatternMatch]? in
                        let all: [PatternMatch] = try rule.compiled.allMatches(in: subject, scratch: scratch)
                        return all.isEmpty ? nil : all
                    } ?? []
                    for m in matches {
                        guard let r = m.range(named: "name") else { continue }
                        out.append((Extractor.cleanMention(subject[r]), type, i))
                    }
                } catch {
                    warnings.append(extractor.limitWarning(rule, doc, sentence.range.lowerBound, error))
                }
            }
        }
        return out
    }

    func assemble(_ results: [DocumentResult], problems: [LoadProblem], spill: StatementSpill? = nil) -> Analysis {
        var documents: [Document] = []
        var statements: [Statement] = []
        var warnings: [AnalysisWarning] = []
        var names: [String] = []
        for r in results {
            for (k, var doc) in r.documents.enumerated() {
                let docIndex = documents.count
                doc.id = "d\(docIndex + 1)"
                documents.append(doc)
                for var s in r.statements[k] {
                    s.documentIndex = docIndex
                    statements.append(s)
                }
            }
            warnings.append(contentsOf: r.warnings)
            names.append(contentsOf: r.names)
        }
        if let spill {
            var chunks: [Analysis.SpilledStatements.Either] = []
            let surnames = spill.surnames  // Streaming counted every name there; `names` stays empty.
            for r in results {
                for k in r.documents.indices {
                    if k < r.chunks.count, let chunk = r.chunks[k] { chunks.append(.chunk(chunk)) } else { chunks.append(.inMemory(r.statements[k])) }
                }
            }
            var analysis = Analysis(documents: documents, statements: [], claims: [], warnings: warnings, inputProblems: problems)
            analysis.spilled = Analysis.SpilledStatements(spill: spill, chunks: chunks, surnames: surnames)
            return analysis
        }
        resolver.canonicalize(&statements, knownNames: names)
        for i in statements.indices { statements[i].id = "s\(i + 1)" }
        var claims: [Claim] = []
        if options.buildClaims {
            claims = ClaimLinker(rules: rules).link(statements: statements, documents: documents)
        }
        return Analysis(documents: documents, statements: statements, claims: claims, warnings: warnings, inputProblems: problems)
    }
}
