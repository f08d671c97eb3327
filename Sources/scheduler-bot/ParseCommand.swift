import ArgumentParser

/// `scheduler-bot parse`: owned by the Language work (issue 3).
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Read a message into an intent, as JSON.")
    func run() async throws {}
}
