import ArgumentParser

/// `scheduler-bot parse-time`: owned by the Language work (issue 3).
struct ParseTimeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse-time", abstract: "Resolve a time expression to JSON.")
    func run() async throws {}
}
