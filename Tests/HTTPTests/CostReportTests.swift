import Foundation
import LLM
import Testing

@Suite struct CostReportTests {
    static func line(
        _ time: String, user: String = "u1", route: String, type: String = "check_in", model: String,
        prompt: Int, completion: Int, cached: Int = 0, cost: Double, outcome: String = "ok", estimated: Bool = false
    ) -> String {
        """
        {"time":"\(time)","user":"\(user)","route":"\(route)","message_type":"\(type)","model":"\(model)",\
        "prompt_tokens":\(prompt),"completion_tokens":\(completion),"cached_tokens":\(cached),"estimated":\(estimated),\
        "cost_usd":\(cost),"latency_ms":12,"outcome":"\(outcome)"}
        """
    }

    static let log = [
        line("2026-11-20T08:00:00.000Z", user: "u1", route: "completions", model: "gpt-4o-mini", prompt: 100, completion: 20, cost: 0.000027),
        line("2026-11-20T09:00:00Z", user: "u2", route: "assistant", type: "deep_coaching", model: "gpt-4o", prompt: 800, completion: 150, cached: 200, cost: 0.003),
        "{not json",
        "",
        line("2026-11-21T07:00:00.000Z", user: "u1", route: "pattern", type: "greeting", model: "gpt-4o", prompt: 60, completion: 0, cost: 0, outcome: "cached", estimated: true),
        line("2026-11-21T07:30:00.000Z", user: "u2", route: "summary", type: "summary", model: "gpt-4o-mini", prompt: 1000, completion: 100, cost: 0.00021),
        #"{"time":"2026-11-21T08:00:00Z","user":"u3"}"#,
    ].joined(separator: "\n")

    private func report(_ grouping: CostGrouping = .day, since: Date? = nil, strongModel: String? = nil) -> CostReport {
        CostReport(lines: Self.log.split(separator: "\n", omittingEmptySubsequences: false), grouping: grouping,
                   since: since, strongModel: strongModel)
    }

    @Test func groupsAndTotals() {
        let byRoute = report(.route)
        #expect(byRoute.groups.map(\.key) == ["assistant", "completions", "pattern", "summary"])
        #expect(byRoute.total.calls == 4)
        #expect(byRoute.total.promptTokens == 1960)
        #expect(byRoute.total.estimatedCalls == 1)
        #expect(abs(byRoute.total.costUSD - 0.003237) < 1e-12)
        #expect(report(.day).groups.map { "\($0.key)=\($0.totals.calls)" } == ["2026-11-20=2", "2026-11-21=2"])
        #expect(report(.user).groups.map { "\($0.key)=\($0.totals.calls)" } == ["u1=2", "u2=2"])
        #expect(report(.type).groups.map(\.key) == ["check_in", "deep_coaching", "greeting", "summary"])
        #expect(report(.model).groups.map { "\($0.key)=\($0.totals.calls)" } == ["gpt-4o=2", "gpt-4o-mini=2"])
    }

    @Test func malformedLinesAreCountedWithTheirNumbers() {
        let audit = report()
        #expect(audit.malformedCount == 2)
        #expect(audit.malformedLines == [3, 7])
    }

    @Test func baselinePricesChatRowsOnTheStrongModel() throws {
        let audit = report()
        let baseline = try #require(audit.baseline)
        #expect(baseline.model == "gpt-4o")
        #expect(baseline.calls == 3)
        // Summary rows are overhead a naive bot would not have; the rest priced at gpt-4o.
        let strong = try #require(PriceTable.defaults.price(for: "gpt-4o"))
        let expected = strong.cost(of: TokenUsage(promptTokens: 960, completionTokens: 170, cachedTokens: 200))
        #expect(abs(baseline.costUSD - expected) < 1e-12)
        #expect(abs((audit.savingUSD ?? 0) - (expected - 0.003237)) < 1e-12)
        #expect(audit.ratio.map { $0 > 0 && $0 < 1 } == true)
    }

    @Test func unpricedStrongModelExplainsItself() {
        let audit = report(strongModel: "my-local-model")
        #expect(audit.baseline == nil)
        #expect(audit.baselineProblem == "no price for strong model my-local-model")
        #expect(audit.renderTable().contains("baseline unavailable: no price for strong model my-local-model"))
    }

    @Test func sinceDropsEarlierRows() throws {
        let since = try #require(CostLogTime.parse("2026-11-21"))
        let audit = report(since: since)
        #expect(audit.total.calls == 2)
        #expect(audit.skippedBeforeSince == 2)
    }

    @Test func tableShowsGroupsTotalsSavingAndProblems() {
        let table = report(.route).renderTable()
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("route") == true)
        #expect(lines.contains { $0.hasPrefix("assistant ") && $0.hasSuffix("0.003000") })
        #expect(lines.contains { $0.hasPrefix("total ") && $0.hasSuffix("0.003237") })
        #expect(lines.contains { $0.hasPrefix("baseline, all 3 chat rows on gpt-4o: $") })
        #expect(lines.contains("malformed lines skipped: 2 (line 3, 7)"))
        let widths = Set(lines.prefix(7).map(\.count))
        #expect(widths.count == 1, "table columns must line up")
    }

    @Test(arguments: ["2026-11-22", "2026-11-22T08:00:00Z", "2026-11-22T08:00:00.250Z"])
    func sinceAcceptsDatesAndTimestamps(text: String) {
        #expect(CostLogTime.parse(text) != nil)
    }

    @Test(arguments: ["yesterday", "22/11/2026", ""])
    func sinceRejectsOtherText(text: String) {
        #expect(CostLogTime.parse(text) == nil)
    }

    @Test func fileLinesStreamAcrossChunksWithoutATrailingNewline() throws {
        let long = String(repeating: "x", count: 200_000)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString).jsonl").path
        try "a\n\(long)\n\nlast".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(Array(try CostLogLines(path: path)).map(\.count) == [1, 200_000, 0, 4])
    }

    @Test func missingLogNamesThePath() {
        #expect {
            try CostLogLines(path: "/nonexistent/cost.jsonl")
        } throws: { error in
            "\(error)" == "cannot read cost log /nonexistent/cost.jsonl: no such file"
        }
    }

    @Test func ledgerOutputAuditsBackExactly() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ledger = CostLedger(path: path)
        let usage = TokenUsage(promptTokens: 300, completionTokens: 40, cachedTokens: 100)
        let cost = try #require(PriceTable.defaults.cost(of: usage, model: "gpt-4o"))
        for minute in 0..<3 {
            try await ledger.append(CostRecord(time: Date(timeIntervalSince1970: 1_795_000_000 + Double(minute * 60)), user: "u9",
                                               route: .assistant, messageType: "planning", model: "gpt-4o", usage: usage,
                                               costUSD: cost, latencyMs: 900, outcome: .ok))
        }
        let audit = CostReport(lines: try CostLogLines(path: path), grouping: .type)
        #expect(audit.total.calls == 3 && audit.malformedCount == 0)
        #expect(abs(audit.total.costUSD - 3 * cost) < 1e-12)
        // Everything already on the strong model: nothing saved.
        #expect(abs(audit.savingUSD ?? 1) < 1e-12)
    }
}
