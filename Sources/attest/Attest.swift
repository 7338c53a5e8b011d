import ArgumentParser

@main
struct Attest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attest",
        abstract: "Who said what, where it came from, and which assertions stand unconfirmed or contradicted.",
        version: "0.1.0",
        subcommands: [AnalyzeCommand.self, RulesCommand.self, ExplainCommand.self, EvalCommand.self],
        defaultSubcommand: nil
    )
}
