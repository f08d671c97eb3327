import ArgumentParser

@main
struct SchedulerBot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler-bot",
        abstract: "A behaviour-learning scheduling coach that lives in chat.",
        subcommands: [ChatCommand.self, ParseTimeCommand.self, ParseCommand.self, CostsCommand.self],
        defaultSubcommand: ChatCommand.self
    )
}

struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Chat with the bot in this terminal.")
    func run() async throws {}
}
