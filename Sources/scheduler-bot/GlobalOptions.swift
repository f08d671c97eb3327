import ArgumentParser

/// Options every subcommand accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Path to bot.conf (TOML). Without it the defaults serve; SCHEDULER_BOT_* variables override either.")
    var config: String?
}
