import ArgumentParser
import Foundation

/// `scheduler-bot run`: every chat network configured in bot.conf, sharing one engine and one database.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the bot on the chat networks configured in bot.conf.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let app = App.load(global)
        let matrix = !app.config.string("matrix", "homeserver_url").isEmpty
        let irc = !app.config.string("irc", "host").isEmpty
        guard matrix || irc else {
            printFlushed("""
                No chat network is configured. Copy bot.conf.example to bot.conf, fill in [matrix] and/or [irc], \
                and run: scheduler-bot run --config bot.conf
                (To chat in this terminal instead, run scheduler-bot with no arguments.)
                """)
            throw ExitCode(78)
        }
        printFlushed("Chat network adapters are not available in this build yet.")
        throw ExitCode(1)
    }
}
