import Adapters
import ArgumentParser
import Foundation

/// `scheduler-bot replay`: JSON lines in, one JSON line out per input line (the contract tools rely on).
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Drive the bot with JSON lines on stdin; one JSON line out per line in.",
        discussion: """
            In:  {"user":"@alice:example.org","room":"!r1:example.org","text":"schedule deep coding tomorrow for 2h","at":"2026-11-23T08:00:00Z"}
            Or:  {"tick":true,"at":"2026-11-24T08:50:00Z"} to advance the clock.
            Out: {"user":...,"room":...,"replies":[...],"intent":...,"route":...,"event":{...}|null,"llm":{...},"proactive":[{"user","room","text"}]}
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Database file to use and keep (default: a fresh temporary database, removed at the end).")
    var db: String?

    func run() async throws {
        var app = App.load(global, logLevel: .error)
        let temporary = db == nil ? NSTemporaryDirectory() + "scheduler-bot-replay-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64(Date().timeIntervalSince1970 * 1000)).sqlite" : nil
        let path = db ?? temporary ?? ""
        if let temporary { app.defaultCostLog = temporary + ".costs.jsonl" }
        defer {
            if let temporary {
                for suffix in ["", "-wal", "-shm", ".costs.jsonl"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            }
        }
        let store = try app.openStore(at: path)
        let engine = try app.engine(store: store, waitForEncoder: true)
        // Tools drive a conversation and fetch its feed from the same process.
        let listener = try await app.startWebListener(engine: engine, probes: [], scriptedClock: true)
        await ReplayAdapter(handler: engine).run(output: printFlushed)
        await listener?.stop()
    }
}
