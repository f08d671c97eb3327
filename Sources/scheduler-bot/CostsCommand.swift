import ArgumentParser
import Foundation
import LLM

/// `scheduler-bot costs`: audits a cost log (a production copy works; nothing else is read).
struct CostsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costs",
        abstract: "Audit LLM calls and spend from a cost log.",
        discussion: """
            Prints calls, tokens and dollars grouped as asked, and the saving against a bot that \
            sends every chat message to the strong model: each logged row except summary and \
            embedding rows priced at the strong model's rates (the model most used on the \
            assistant route, else \(LLMSettings().assistantModel)). Malformed lines are counted, not fatal.
            """
    )

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
        let lines = try CostLogLines(path: log)
        let report = CostReport(lines: lines, grouping: by, since: since.flatMap(CostLogTime.parse))
        print(report.renderTable(), terminator: "")
    }
}

extension CostGrouping: ExpressibleByArgument {}
