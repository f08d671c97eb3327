import Conversation
import Foundation
import LLM
import SchedulerCore
import Storage
import Testing

/// Answers every request with the next scripted text (the last one repeats) and keeps the requests.
struct RecordingProvider: LLMProvider {
    actor Log {
        var requests: [ChatRequest] = []
        func append(_ request: ChatRequest) -> Int {
            requests.append(request)
            return requests.count - 1
        }
    }

    let answers: [String]
    let log = Log()

    func complete(_ request: ChatRequest) async throws(LLMError) -> ChatCompletion {
        let index = await log.append(request)
        return ChatCompletion(text: answers[min(index, answers.count - 1)], toolCalls: [],
                              usage: TokenUsage(promptTokens: 200, completionTokens: 40, estimated: false), model: request.model)
    }

    func embed(_ request: EmbeddingRequest) async throws(LLMError) -> Embeddings {
        Embeddings(vectors: [], usage: .zero, model: request.model)
    }
}

@Suite struct SmartSyncEngineTests {
    let user = "@alice:example.org"
    let week = LocalWeek(timeZone: TimeZone(identifier: "UTC")!)
    static let tuesdayTen = #"{"adjustments":[{"day_pattern":"tuesday","hour_range":[10],"modifier":1.5,"reason":"excels on Tuesday mornings"}]}"#

    /// 2026-11-`day` at `hour`:00 UTC; 23 Nov 2026 is a Monday.
    func at(_ day: Int, _ hour: Int) -> Date {
        week.calendar.date(from: DateComponents(year: 2026, month: 11, day: day, hour: hour)) ?? .distantPast
    }

    func engine(_ provider: RecordingProvider?, perUser: Int = 4) throws -> (Engine, SQLiteStore) {
        let store = try SQLiteStore()
        var settings = EngineSettings()
        if let provider {
            settings.chat = ChatSettings(llm: MeteredLLM(provider: provider, sinks: []), completionsModel: "gpt-4o-mini", assistantModel: "gpt-4o")
        }
        settings.smartSync = SmartSyncSettings(thresholds: SyncThresholds(minScheduleCount: 3, minFrequentTypes: 2, dailyCallsPerUser: perUser),
                                               useModel: provider != nil)
        var profile = UserProfile(id: user, createdAt: .distantPast)
        profile.onboarding = .done
        try store.write { try $0.save(profile) }
        return (Engine(store: store, settings: settings), store)
    }

    func note(_ text: String, at date: Date, _ store: SQLiteStore) throws {
        var insight = Insight(userID: user, kind: .behavioralPattern, text: text, confidence: 0.8, createdAt: date)
        try store.write { try $0.add(&insight) }
    }

    func schedule(_ task: String, times: Int, from date: Date, _ engine: Engine) async {
        for index in 0..<times {
            _ = await engine.handle(InboundMessage(network: .matrix, userID: user, roomID: "!r", text: "schedule \(task) for 1h", receivedAt: date.addingTimeInterval(Double(index) * 60)))
        }
    }

    func type(_ name: String, _ store: SQLiteStore) throws -> TaskType {
        try #require(try store.read { try $0.taskType(of: user, named: name) })
    }

    @Test func twoFrequentTypesGetOneModelSyncEachAndNoRepeatWithoutNewInsights() async throws {
        let provider = RecordingProvider(answers: [Self.tuesdayTen])
        let (engine, store) = try engine(provider)
        try note("User consistently excels at Deep Coding on Tuesday 10:00", at: at(22, 9), store)
        try note("User struggles with Team Meeting after lunch", at: at(22, 9), store)

        await schedule("deep coding", times: 3, from: at(23, 7), engine)
        #expect(await engine.runSmartSyncs(now: at(23, 8)) == 0)   // one frequent type is not enough
        await schedule("team meeting", times: 3, from: at(23, 8), engine)
        let before = try type("deep coding", store).habit[WeekSlot(weekday: 2, hour: 10)]
        #expect(await engine.runSmartSyncs(now: at(23, 9)) == 2)

        let requests = await provider.log.requests
        #expect(requests.count == 2 && requests.allSatisfy { $0.purpose == "insight_sync" && $0.temperature == 0 })
        let codingPrompt = try #require(requests.first { $0.lastUserText.contains("Task type: Deep Coding") }).lastUserText
        #expect(codingPrompt.contains("excels at Deep Coding") && !codingPrompt.contains("Team Meeting"))
        let coding = try type("deep coding", store)
        #expect(coding.lastSyncedAt == at(23, 9))
        #expect(abs(coding.habit[WeekSlot(weekday: 2, hour: 10)] - min(1, before * 0.7 + before * 1.5 * 0.3)) < 1e-9)
        let syncs = try store.read { try $0.syncs(of: user, taskTypeID: coding.id, limit: 5) }
        #expect(syncs.count == 1 && syncs[0].source == .llm && syncs[0].outcome == .applied && syncs[0].insightIDs.count == 1)
        #expect(syncs[0].adjustments.first?.reason == "excels on Tuesday mornings")
        let calls = try store.read { try $0.calls(since: .distantPast) }
        #expect(calls.filter { $0.route == .sync && $0.messageType == "insight_sync" }.count == 2)

        await schedule("deep coding", times: 1, from: at(23, 10), engine)
        #expect(await engine.runSmartSyncs(now: at(23, 11)) == 0)
        try note("User loves Deep Coding on Thursday evenings", at: at(23, 12), store)
        await schedule("deep coding", times: 1, from: at(23, 13), engine)
        #expect(await engine.runSmartSyncs(now: at(23, 14)) == 1)
        #expect(await provider.log.requests.count == 3)
        #expect(try store.read { try $0.syncs(of: user, taskTypeID: nil, limit: 10) }.count == 3)
    }

    @Test func aHostileAnswerChangesNothingAndTheBudgetThenSendsItOffline() async throws {
        let hostile = #"[{"day_pattern":"funday","hour_range":[25],"modifier":9,"reason":"x"}]"#
        let provider = RecordingProvider(answers: [hostile])
        let (engine, store) = try engine(provider, perUser: 2)
        try note("User loves Deep Coding on Tuesday mornings", at: at(22, 9), store)
        try note("Team Meeting on Fridays makes the user tired", at: at(22, 9), store)
        await schedule("deep coding", times: 3, from: at(23, 7), engine)
        await schedule("team meeting", times: 3, from: at(23, 8), engine)
        let habit = try type("deep coding", store).habit

        #expect(await engine.runSmartSyncs(now: at(23, 9)) == 2)
        #expect(try type("deep coding", store).habit == habit && type("deep coding", store).lastSyncedAt == nil)
        let rejected = try store.read { try $0.syncs(of: user, taskTypeID: nil, limit: 10) }
        #expect(rejected.count == 2 && rejected.allSatisfy { $0.outcome == .rejected && $0.adjustments.isEmpty && $0.note.contains("funday") })

        // Still flagged; the per-user budget (2 calls today) is spent, so the offline interpreter answers.
        #expect(await engine.runSmartSyncs(now: at(23, 10)) == 2)
        #expect(await provider.log.requests.count == 2)
        let coding = try type("deep coding", store)
        #expect(coding.lastSyncedAt == at(23, 10))
        #expect(coding.habit[WeekSlot(weekday: 2, hour: 9)] > habit[WeekSlot(weekday: 2, hour: 9)])
        let latest = try store.read { try $0.syncs(of: user, taskTypeID: coding.id, limit: 1) }
        #expect(latest.first?.source == .offline && latest.first?.note == "user_budget" && latest.first?.outcome == .applied)
    }

    @Test func withoutAModelTheOfflineInterpreterSyncsFromTheClockRound() async throws {
        let (engine, store) = try engine(nil)
        try note("User loves Deep Coding on Tuesday mornings", at: at(22, 9), store)
        try note("User struggles with Team Meeting on Friday afternoons", at: at(22, 9), store)
        await schedule("deep coding", times: 3, from: at(23, 7), engine)
        await schedule("team meeting", times: 3, from: at(23, 8), engine)
        let meeting = try type("team meeting", store).habit
        _ = await engine.tick(.matrix, now: at(23, 9))
        let synced = try type("team meeting", store)
        #expect(synced.lastSyncedAt == at(23, 9))
        #expect(synced.habit[WeekSlot(weekday: 5, hour: 14)] < meeting[WeekSlot(weekday: 5, hour: 14)])
        let syncs = try store.read { try $0.syncs(of: user, taskTypeID: nil, limit: 10) }
        #expect(syncs.count == 2 && syncs.allSatisfy { $0.source == .offline && $0.note == "no_model" && $0.costUSD == 0 })
    }

    @Test func recentCountsStartAgainInANewWeek() async throws {
        let (engine, store) = try engine(nil)
        try note("User loves Deep Coding on Tuesday mornings", at: at(22, 9), store)
        try note("User loves Team Meeting on Tuesday mornings", at: at(22, 9), store)
        await schedule("deep coding", times: 3, from: at(23, 7), engine)
        await schedule("team meeting", times: 2, from: at(23, 8), engine)
        await schedule("team meeting", times: 1, from: at(30, 7), engine)   // next Monday
        #expect(try type("deep coding", store).recentScheduleCount == 0)
        #expect(try type("team meeting", store).recentScheduleCount == 1)
        #expect(await engine.runSmartSyncs(now: at(30, 8)) == 0)
    }
}

@Suite struct InsightSyncPromptTests {
    /// The example the prompt shows a model must itself pass the validation its answers face.
    @Test func thePromptsExampleAnswerIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let prompt = try String(contentsOf: root.appendingPathComponent("prompts/insight-sync.txt"), encoding: .utf8)
        let example = try #require(prompt.split(separator: "\n").first { $0.hasPrefix("{\"adjustments\"") })
        #expect(try AdjustmentParser().parse(String(example)).get().count == 1)
        #expect(try AdjustmentParser().parse(#"{"adjustments":[]}"#).get().isEmpty)
    }
}
