import Foundation

/// Finds the default rule folder and a project's own rule settings (`attest.yml`).
public enum RuleFolders {
    /// Whether `path` looks like an Attest rule folder: a `lexicons` folder beside YAML rule files.
    static func isRuleFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("lexicons"), isDirectory: &isDir)
            && isDir.boolValue && !RuleLoader.yamlFiles(in: path).isEmpty
    }

    /// The default rules: `$ATTEST_RULES`, else `rules/` or `share/attest/rules` found by walking up
    /// from the executable, else `./rules`.
    public static func defaultFolder() -> String? {
        if let env = ProcessInfo.processInfo.environment["ATTEST_RULES"], !env.isEmpty { return env }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            for candidate in ["rules", "share/attest/rules"] {
                let path = dir.appendingPathComponent(candidate).path
                if isRuleFolder(path) { return path }
            }
            dir = dir.deletingLastPathComponent()
        }
        let local = FileManager.default.currentDirectoryPath + "/rules"
        return isRuleFolder(local) ? local : nil
    }

    /// Settings from a project file.
    public struct Project: Sendable {
        public var path: String?
        public var ruleFolders: [String] = []
        public var disabled: Set<String> = []
        /// Extra `alias = canonical` pairs.
        public var aliases: [String: String] = [:]
        public var problems: [RuleProblem] = []
    }

    /// Reads `attest.yml` from the first of `roots` (corpus folders, then the current folder) that has one.
    public static func project(roots: [String]) -> Project {
        var project = Project()
        let fm = FileManager.default
        let candidates = roots.map { root -> String in
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: root, isDirectory: &isDir), !isDir.boolValue { return (root as NSString).deletingLastPathComponent }
            return root
        } + [fm.currentDirectoryPath]
        for root in candidates {
            for name in ["attest.yml", "attest.yaml"] {
                let path = ((root.isEmpty ? "." : root) as NSString).appendingPathComponent(name)
                if fm.fileExists(atPath: path) {
                    project.path = path
                    ProjectFile.read(path, into: &project)
                    return project
                }
            }
        }
        return project
    }
}
