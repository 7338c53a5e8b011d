import Foundation
import Yams

/// Reads `attest.yml`: `rules:` (folders, relative to the file), `disable:` (rule IDs) and
/// `aliases:` (canonical name: [alias, ...]).
enum ProjectFile {
    static let keys: Set<String> = ["schema", "rules", "disable", "aliases"]

    static func read(_ path: String, into project: inout RuleFolders.Project) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            project.problems.append(RuleProblem(.error, SourceLocation(file: path, line: 0), "project file is not readable UTF-8 text"))
            return
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            project.problems.append(RuleLoader.yamlProblem(error, file: path))
            return
        }
        guard let map = node?.mapping else { return }
        let base = (path as NSString).deletingLastPathComponent
        for (key, value) in map {
            let k = key.string ?? ""
            switch k {
            case "schema":
                if let v = value.int, v > RuleLoader.schemaVersion {
                    project.problems.append(RuleProblem(.error, RuleLoader.location(value, path), "project file schema \(v) is newer than this engine (reads schema \(RuleLoader.schemaVersion))"))
                }
            case "rules":
                for item in value.array().compactMap(\.string) {
                    project.ruleFolders.append(item.hasPrefix("/") ? item : (base as NSString).appendingPathComponent(item))
                }
            case "disable":
                for item in value.array().compactMap(\.string) { project.disabled.insert(item) }
            case "aliases":
                for (canonical, list) in value.mapping ?? [:] {
                    guard let name = canonical.string else { continue }
                    for alias in list.array().compactMap(\.string) { project.aliases[alias] = name }
                }
            default:
                project.problems.append(RuleProblem(.error, RuleLoader.location(key, path), "unknown key '\(k)'\(RuleLoader.suggestion(k, keys))"))
            }
        }
    }
}
