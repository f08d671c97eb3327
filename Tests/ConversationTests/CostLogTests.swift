import Coaching
import Conversation
import Foundation
import LLM
import SchedulerCore
import Storage
import Testing

/// Every chat message the bot handles is one row of the cost log, in the JSONL file and the store alike.
@Suite struct CostLogTests {
    let alice = "@alice:example.org"
    let morning = Date(timeIntervalSince1970: 1_795_420_800 + 8 * 3600) // Mon 23 Nov 2026 08:00 UTC
    let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("cost-log-\(UUID().uuidString).jsonl").path

    func engine(limits: BudgetLimits = BudgetLimits(userDailyUSD: 1, globalDailyUSD: 10)) throws -> (Engine, SQLiteStore) {
        let store = try SQLiteStore()
        let chat = ChatSettings(llm: MeteredLLM(provider: try ChatFixtures.offline(), sinks: [CostLedger(path: logPath)]),
                                completionsModel: "gpt-4o-mini", assistantModel: "gpt-4o", policy: RoutePolicy(limits: limits))
        let engine = Engine(store: store, settings: EngineSettings(prompts: try ChatFixtures.prompts(), chat: chat))
        var profile = UserProfile(id: alice, createdAt: Date(timeIntervalSince1970: 0))
        profile.onboarding = .done
        profile.chatCount = 3
        try store.write { try $0.save(profile) }
        return (engine, store)
    }

    func say(_ engine: Engine, _ text: String, at minutes: Double, admin: Bool = false) async -> Response {
        await engine.handle(InboundMessage(network: .matrix, userID: alice, roomID: "!r", text: text,
                                           receivedAt: morning.addingTimeInterval(minutes * 60), isAdmin: admin))
    }

    func jsonl() throws -> [CostRecord] {
        try CostLogLines(path: logPath).filter { !$0.isEmpty }.map { try JSONDecoder().decode(CostRecord.self, from: Data($0.utf8)) }
    }

    @Test func everyMessageIsOneRowWithItsRouteInBothCopies() async throws {
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        let (engine, store) = try engine()
        let script = ["good morning", "agenda", "why do I keep skipping my runs?", "I had pasta for lunch",
                      "plan a marathon training block", "plan a marathon training block"]
        var responses: [Response] = []
        for (index, text) in script.enumerated() { responses.append(await say(engine, text, at: Double(index))) }
        let records = try jsonl()
        #expect(records.map(\.route.rawValue) == ["pattern", "command", "assistant", "completions", "assistant", "cache"])
        #expect(records.map(\.outcome) == [.cached, .noModel, .ok, .ok, .ok, .cached])
        #expect(records.map(\.messageType)[1] == "agenda")
        #expect(records[4].messageType == "plan" && records[5].messageType == "plan")
        #expect(records.map(\.time) == script.indices.map { morning.addingTimeInterval(Double($0) * 60) }, "the message's time")
        #expect(records[0].costUSD == 0 && records[1].costUSD == 0 && records[5].costUSD == 0)
        #expect(zip(records, responses).allSatisfy { abs($0.costUSD - $1.llm.costUSD) < 1e-15 })
        #expect(records[1].baseline?.totalTokens == 0, "a naive bot would not send commands either")
        #expect(records.enumerated().allSatisfy { $0.offset == 1 || ($0.element.baseline?.promptTokens ?? 0) > 0 })
        #expect(records[2].worstCaseUSD.map { $0 >= records[2].costUSD } == true)

        let stored = try store.read { try $0.calls(since: .distantPast) }
        #expect(stored == records, "the store's copy holds the same records")
    }

    @Test func aDeferredMessageIsADeferredRow() async throws {
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        let (engine, _) = try engine(limits: BudgetLimits(userCallsPerMinute: 1, userDailyUSD: 1, globalDailyUSD: 10))
        _ = await say(engine, "tell me a joke", at: 0)
        let second = await say(engine, "tell me another joke", at: 0.1)
        #expect(second.route == Route.none)
        let records = try jsonl()
        #expect(records.map(\.route.rawValue) == ["completions", "deferred"])
        #expect(records[1].outcome == .budgetDeferred && records[1].costUSD == 0 && records[1].promptTokens > 0)
    }

    @Test func adminCostsUseTheSameReportAsTheCommandLine() async throws {
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        let (engine, _) = try engine()
        for (index, text) in ["hi", "agenda", "why do I keep skipping my runs?", "plan my exam revision", "plan my exam revision"].enumerated() {
            _ = await say(engine, text, at: Double(index))
        }
        let answer = await say(engine, "!costs today", at: 10, admin: true)
        let text = try #require(answer.replies.first?.text)
        // The log as it stood when the admin asked (their own message is logged once answered).
        let lines = Array(try CostLogLines(path: logPath)).filter { !$0.isEmpty }
        #expect(lines.count == 6 && lines.last?.contains("\"message_type\":\"help\"") == true)
        let audit = CostReport(lines: lines.dropLast(), grouping: .route).renderTable()
        #expect(text == "LLM costs today (UTC):\n" + audit)
        #expect(text.contains("plan cache: 1 hits, 1 misses"))
        #expect(text.contains("pattern cache: 1 of 4"))
    }
}
