import ArgumentParser
import Benchmarks
import Conversation
import Foundation
import LLM

/// `scheduler-bot bench-cost`: what the LLM economy saves on a realistic workload, with the offline provider.
struct BenchCostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-cost",
        abstract: "Replay a realistic chat workload and compare LLM spend with a strong-model-for-everything baseline.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Messages in the workload.") var messages = 5000
    @Option(help: "Distinct users.") var users = 50
    @Option(help: "Weeks the workload spans.") var weeks = 4
    @Option(help: "Random seed (the same seed gives the same workload).") var seed: UInt64 = 42
    @Flag(help: "Print one JSON object instead of the table.") var json = false
    @Option(help: "Also write the run's cost log here (JSON lines; an existing file is replaced), to audit with `scheduler-bot costs --log`.")
    var log: String?

    func validate() throws {
        guard messages > 0, users > 0, weeks > 0 else { throw ValidationError("messages, users and weeks must be positive") }
    }

    func run() async throws {
        let app = App.load(global, logLevel: .error)
        let chat = try app.chatSettings()
        let book = (try? OfflineReplyBook.load(path: app.llmSettings.offlineRepliesPath)) ?? .builtIn
        let benchmark = CostBenchmark(prices: app.llmSettings.prices, replies: book, prompts: app.prompts(waitForEncoder: true),
                                      assistantPrompt: chat.assistantSystemPrompt, completionsPrompt: chat.completionsSystemPrompt,
                                      plans: chat.plans)
        if let log { try? FileManager.default.removeItem(atPath: log) }
        let report = try await benchmark.run(.init(messages: messages, users: users, weeks: weeks, seed: seed, logPath: log))
        printFlushed(json ? report.json : report.table)
    }
}
