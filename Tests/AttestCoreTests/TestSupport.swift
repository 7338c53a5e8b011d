import Foundation
@testable import AttestCore

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The default rules in `rules/`, loaded once.
let defaultRules: RuleSet = RuleLoader().load(folders: [repositoryRoot.appendingPathComponent("rules").path])

/// Analyses in-memory documents with the default rules.
func analyze(_ texts: [(name: String, text: String)], rules: RuleSet = defaultRules) -> Analysis {
    let docs = texts.map { Document(id: "", path: $0.name, format: .text, bytes: $0.text.utf8.count, text: $0.text) }
    return Analyzer(rules: rules).analyze(documents: docs)
}
