import ArgumentParser

/// `scheduler-bot costs`: owned by the LLM work (issue 5).
struct CostsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "costs", abstract: "Audit LLM calls and spend from a cost log.")
    func run() async throws {}
}
