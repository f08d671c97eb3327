import Foundation
import HTTP
import LLM
import Testing

/// Calls through the real libcurl path and the offline provider, logged by the ledger and
/// audited by the report, as the bot and `scheduler-bot costs` will do it.
@Suite struct EndToEndCostTests {
    let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString).jsonl").path

    private func audit(_ grouping: CostGrouping) throws -> CostReport {
        CostReport(lines: try CostLogLines(path: logPath), grouping: grouping)
    }

    @Test func onlineCallsAreLoggedAndAudited() async throws {
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        let server = try FakeServer.running()
        let settings = LLMSettings(baseURL: server.apiBase("ok").url, apiKey: APIKey("test-key"), costLogPath: logPath)
        let llm = settings.makeMeteredLLM(provider: try settings.makeProvider())
        let request = ChatRequest(model: settings.assistantModel, messages: [.user("plan my week")])
        for user in ["alice", "bob"] {
            let reply = await llm.chat(request, context: LLMCallContext(userID: user, route: .assistant, messageType: "planning"))
            #expect(reply.text == "echo: plan my week")
        }
        let report = try audit(.user)
        #expect(report.groups.count == 2)
        #expect(report.total.promptTokens == 84 && report.total.completionTokens == 14 && report.total.cachedTokens == 20)
        let expected = try #require(PriceTable.defaults.cost(of: TokenUsage(promptTokens: 42, completionTokens: 7, cachedTokens: 10), model: "gpt-4o"))
        #expect(abs(report.total.costUSD - 2 * expected) < 1e-12)
    }

    @Test func offlineCallsReportWhatTheyWouldHaveCost() async throws {
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        let replies = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../prompts/offline-replies.txt").standardized.path
        let settings = LLMSettings(offlineRepliesPath: replies, costLogPath: logPath)
        let llm = settings.makeMeteredLLM(provider: try settings.makeProvider())
        let cheap = ChatRequest(model: settings.completionsModel, messages: [.system("Be brief."), .user("done with my run")],
                                maxTokens: 40, purpose: "celebration")
        let strong = ChatRequest(model: settings.assistantModel, messages: [.system("Coach."), .user("why do I keep skipping mornings?")],
                                 maxTokens: 300, purpose: "deep_coaching")
        let first = await llm.chat(cheap, context: LLMCallContext(userID: "u", route: .completions, messageType: "celebration"))
        _ = await llm.chat(strong, context: LLMCallContext(userID: "u", route: .assistant, messageType: "deep_coaching"))
        await llm.recordSkippedCall(strong, context: LLMCallContext(userID: "u", route: .pattern, messageType: "greeting"), outcome: .cached)
        #expect(!first.isFallback && first.record.estimated && first.record.costUSD > 0)

        let report = try audit(.route)
        #expect(report.groups.map(\.key) == ["assistant", "completions", "pattern"])
        #expect(report.total.estimatedCalls == 3)
        let baseline = try #require(report.baseline)
        #expect(baseline.model == settings.assistantModel)
        #expect(baseline.costUSD > report.total.costUSD)
    }
}
