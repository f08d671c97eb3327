import Adapters
import ArgumentParser
import Foundation

/// `scheduler-bot` / `scheduler-bot chat`: the console front end, as user "local".
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Chat with the bot in this terminal (the default).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Database file (default: scheduler-bot.sqlite in the data folder).")
    var db: String?

    func run() async throws {
        let app = App.load(global, logLevel: .warning)
        let path = db ?? app.databasePath
        let store = try app.openStore(at: path)
        printFlushed("scheduler-bot: data in \(path)")
        let engine = try app.engine(store: store)
        let listener = try await app.startWebListener(engine: engine, probes: [])
        await ConsoleAdapter(handler: engine).run(output: printFlushed)
        await listener?.stop()
    }
}
