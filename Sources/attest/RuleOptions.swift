import ArgumentParser
import AttestCore
import Foundation

/// Options shared by every command that loads rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A rule folder to add to the defaults (repeatable).")
    var ruleFolders: [String] = []

    @Flag(name: .customLong("no-default-rules"), help: "Use only the folders given with --rules.")
    var noDefaultRules = false

    /// Loads defaults, the project file's folders and `--rules` folders; prints rule problems.
    func load(corpusRoots: [String] = [], quiet: Bool = false) throws -> RuleSet {
        var folders: [String] = []
        if !noDefaultRules {
            guard let defaults = RuleFolders.defaultFolder() else {
                throw ValidationError("the default rules were not found; set ATTEST_RULES or pass --rules DIR")
            }
            folders.append(defaults)
        }
        let project = RuleFolders.project(roots: corpusRoots)
        folders.append(contentsOf: project.ruleFolders)
        folders.append(contentsOf: ruleFolders)
        let set = RuleLoader(disabled: project.disabled).load(folders: folders, extraAliases: project.aliases)
        if !quiet {
            for problem in project.problems + set.problems where problem.severity == .error {
                Stderr.print("attest: \(problem)")
            }
        }
        return set
    }
}

enum Stderr {
    static func print(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}
