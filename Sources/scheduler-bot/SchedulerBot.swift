import ArgumentParser

struct SchedulerBot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler-bot",
        abstract: "A behaviour-learning scheduling coach that lives in chat.",
        discussion: "With no subcommand, chat with the bot in this terminal. --config PATH works before or after the subcommand.",
        subcommands: [ChatCommand.self, RunCommand.self, ReplayCommand.self, ParseTimeCommand.self, ParseCommand.self, CostsCommand.self,
                      BenchCostCommand.self, BenchCommand.self, BenchRouteCommand.self, SimulateCommand.self, BenchCalendarCommand.self],
        defaultSubcommand: ChatCommand.self
    )
}

@main
enum Entry {
    static func main() async {
        await SchedulerBot.main(GlobalArguments.movingConfigAfterSubcommand(Array(CommandLine.arguments.dropFirst())))
    }
}

/// `scheduler-bot --config PATH replay` must work like `scheduler-bot replay --config PATH`:
/// every subcommand declares `--config`, so a leading one is moved behind the subcommand name.
enum GlobalArguments {
    static func movingConfigAfterSubcommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if first == "--config", rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--config=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        let names = SchedulerBot.configuration.subcommands.compactMap { $0.configuration.commandName }
        if let subcommand = rest.first, names.contains(subcommand) {
            return [subcommand] + leading + rest.dropFirst()
        }
        return leading + rest
    }
}
