import ArgumentParser
import Foundation
import LLM

/// `scheduler-bot costs`: audits a cost log (a production copy works; nothing else is read).
struct CostsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costs",
        abstract: "Audit LLM calls and spend from a cost log.",
        discussion: """
            Prints rows, tokens and dollars grouped as asked; the messages by route, the pattern-cache \
            and plan-cache hit rates and the spend by model; and the saving against a bot that sends \
            every chat message to the strong model with its whole thread and every tool (each row's \
            baseline tokens, or for older rows its own tokens, except sync, summary and embedding rows, \
            priced at the strong model's rates: the model most used on the assistant route, else \
            [llm] assistant_model). Prices come from bot.conf [costs.prices] over the built-in list. \
            Malformed lines are counted, not fatal.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The cost log (JSON lines).")
    var log: String = LLMSettings().costLogPath

    @Option(help: "Only rows at or after this time: YYYY-MM-DD (UTC) or an ISO 8601 timestamp.")
    var since: String?

    @Option(help: "Group rows by day, route, model, user or type.")
    var by: CostGrouping = .day

    func validate() throws {
        if let since, CostLogTime.parse(since) == nil {
            throw ValidationError("--since \(since): expected YYYY-MM-DD or an ISO 8601 timestamp such as 2026-11-22T08:00:00Z")
        }
    }

    func run() async throws {
        // bot.conf (when given) supplies the prices, [costs.prices] included, and the strong model to fall back on.
        let app = App.load(global, logLevel: .error)
        let lines = try CostLogLines(path: log)
        let report = CostReport(lines: lines, grouping: by, since: since.flatMap(CostLogTime.parse),
                                fallbackStrongModel: app.llmSettings.assistantModel, prices: app.llmSettings.prices)
        print(report.renderTable(), terminator: "")
    }
}

extension CostGrouping: ExpressibleByArgument {}
