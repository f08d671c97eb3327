import ArgumentParser

@main
struct SchedulerBot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler-bot",
        abstract: "A behaviour-learning scheduling coach that lives in chat.",
        discussion: "With no subcommand, chat with the bot in this terminal.",
        subcommands: [ChatCommand.self, RunCommand.self, ReplayCommand.self, ParseTimeCommand.self, ParseCommand.self, CostsCommand.self, SimulateCommand.self],
        defaultSubcommand: ChatCommand.self
    )
}
