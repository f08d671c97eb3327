import Coaching
import Conversation
import Foundation
import LLM
import SchedulerCore
import Storage
import Testing

/// Answers every request with the most it allows: the prompt as estimated and every completion token
/// the request permits, times `inflation` (1 = exactly the gate's worst case, more = a provider whose
/// real token counts exceed our estimate). Optionally slow, so concurrent messages overlap the call.
actor MeasuringProvider: LLMProvider {
    let inflation: Double
    let delay: Duration
    private(set) var requests: [ChatRequest] = []
    /// The gate's worst case and what this provider then reported, per call.
    private(set) var overshootsUSD: [Double] = []

    init(inflation: Double = 1, delay: Duration = .zero) {
        self.inflation = inflation
        self.delay = delay
    }

    func complete(_ request: ChatRequest) async throws(LLMError) -> ChatCompletion {
        requests.append(request)
        if delay > .zero { try? await Task.sleep(for: delay) }
        let estimate = TokenUsage(promptTokens: TokenEstimator.promptTokens(for: request), completionTokens: request.maxTokens)
        let reported = TokenUsage(promptTokens: Int((Double(estimate.promptTokens) * inflation).rounded(.up)),
                                  completionTokens: Int((Double(estimate.completionTokens) * inflation).rounded(.up)))
        let prices = PriceTable.defaults
        overshootsUSD.append((prices.cost(of: reported, model: request.model) ?? 0) - (prices.cost(of: estimate, model: request.model) ?? 0))
        return ChatCompletion(text: String(repeating: "ok ", count: max(1, request.maxTokens / 2)), usage: reported, model: request.model)
    }

    nonisolated func embed(_ request: EmbeddingRequest) async throws(LLMError) -> Embeddings {
        Embeddings(vectors: request.inputs.map { _ in [1] }, usage: .zero, model: request.model)
    }
}

@Suite struct SpendLimitTests {
    let alice = "@alice:example.org"
    let morning = Date(timeIntervalSince1970: 1_795_420_800 + 8 * 3600) // Mon 23 Nov 2026 08:00 UTC

    func engine(_ provider: any LLMProvider, limits: BudgetLimits = BudgetLimits(), maxPromptTokens: Int = 8_000,
                users: [String] = ["@alice:example.org"]) throws -> (Engine, SQLiteStore) {
        let store = try SQLiteStore()
        let chat = ChatSettings(llm: MeteredLLM(provider: provider, sinks: []), completionsModel: "gpt-4o-mini",
                                assistantModel: "gpt-4o", policy: RoutePolicy(limits: limits), maxPromptTokens: maxPromptTokens)
        let engine = Engine(store: store, settings: EngineSettings(prompts: try ChatFixtures.prompts(), chat: chat))
        for user in users {
            var profile = UserProfile(id: user, createdAt: Date(timeIntervalSince1970: 0))
            profile.onboarding = .done
            profile.chatCount = 3
            try store.write { try $0.save(profile) }
        }
        return (engine, store)
    }

    func say(_ engine: Engine, _ text: String, as user: String? = nil, at offset: TimeInterval = 0) async -> Response {
        await engine.handle(InboundMessage(network: .matrix, userID: user ?? alice, roomID: "!r", text: text, receivedAt: morning.addingTimeInterval(offset)))
    }

    func spent(_ store: SQLiteStore) throws -> Double {
        try store.read { try $0.spend(user: nil, since: .distantPast) }
    }

    // MARK: - Bounded threads

    @Test func aMessageOfSeveralMegabytesLeavesTheNextPromptsUnderTheBudget() async throws {
        let provider = MeasuringProvider()
        let (engine, store) = try engine(provider, limits: BudgetLimits(userDailyUSD: 100, globalDailyUSD: 100))
        let huge = "why do I keep skipping my runs? " + String(repeating: "because reasons and more reasons ", count: 100_000)
        #expect(huge.utf8.count > 3_000_000)
        let first = await say(engine, huge)
        #expect(first.route == .assistant)
        for i in 1...12 {
            let response = await say(engine, "how do I stop procrastinating on my runs, take \(i)?", at: Double(i) * 600)
            #expect(response.route == .assistant)
            #expect(response.llm.promptTokens <= 8_000, "call \(i) sent \(response.llm.promptTokens) prompt tokens")
        }
        let sent = await provider.requests.map(TokenEstimator.promptTokens(for:))
        #expect(sent.count == 13 && sent.allSatisfy { $0 <= 8_000 })
        let stored = try store.read { try $0.threadTurns(of: alice, after: 0) }
        let kept = try #require(stored.first { $0.text.hasPrefix("why do I keep skipping") })
        #expect(kept.text.count < 2_200, "a stored turn is what the bot read, not \(kept.text.count) characters")
        #expect(kept.text.contains("[message cut: only the first 2000 of"))
    }

    @Test func aHugeTurnAlreadyInTheThreadIsFoldedAwayNotSent() async throws {
        let provider = MeasuringProvider()
        let (engine, store) = try engine(provider, limits: BudgetLimits(userDailyUSD: 100, globalDailyUSD: 100), maxPromptTokens: 2_000)
        try store.write { session in
            for i in 0..<6 {
                try session.appendTurn(StoredTurn(userID: alice, speaker: "user", text: "Turn \(i). " + String(repeating: "word ", count: 400_000),
                                                  createdAt: morning))
                try session.appendTurn(StoredTurn(userID: alice, speaker: "assistant", text: "Answer \(i).", createdAt: morning))
            }
        }
        let response = await say(engine, "why do I keep skipping my runs?")
        #expect(response.route == .assistant)
        let request = try #require(await provider.requests.last)
        #expect(TokenEstimator.promptTokens(for: request) <= 2_000)
        #expect(request.messages.first?.role == .system, "the system prompt stays")
        #expect(request.messages.last?.content == "why do I keep skipping my runs?", "the message stays")
        #expect(request.messages.contains { $0.content.contains("User said: Turn") }, "dropped turns are summarised")
    }

    @Test func toolDefinitionsCountTowardThePromptBudget() async throws {
        let provider = MeasuringProvider()
        let (engine, _) = try engine(provider, limits: BudgetLimits(userDailyUSD: 100, globalDailyUSD: 100), maxPromptTokens: 1_000)
        for i in 0..<20 {
            _ = await say(engine, "help me plan my week around deep work, version \(i), " + String(repeating: "with details ", count: 40),
                          at: Double(i) * 600)
        }
        let requests = await provider.requests
        #expect(requests.contains { !$0.tools.isEmpty }, "tools are offered for actions")
        #expect(requests.allSatisfy { TokenEstimator.promptTokens(for: $0) <= 1_000 })
    }

    // MARK: - Each budget step

    @Test func theStrongModelStepsDownToTheCheapOneThenToCommandsAndSaysSoOnce() async throws {
        let provider = MeasuringProvider()
        let cap = 0.012
        let (engine, store) = try engine(provider, limits: BudgetLimits(userCallsPerMinute: 1_000, userDailyUSD: cap, globalDailyUSD: 100))
        var routes: [Route] = []
        var replies: [String] = []
        for i in 0..<60 {
            let response = await say(engine, "why do I keep skipping my runs, attempt \(i)?", at: Double(i) * 61)
            routes.append(response.route)
            replies += response.replies.map(\.text)
        }
        #expect(routes.first == .assistant && routes.contains(.completions) && routes.last == Route.none)
        let firstCheap = try #require(routes.firstIndex(of: .completions))
        let firstNone = try #require(routes.firstIndex(of: Route.none))
        #expect(routes[..<firstCheap].allSatisfy { $0 == .assistant })
        #expect(routes[firstCheap..<firstNone].allSatisfy { $0 == .completions })
        #expect(routes[firstNone...].allSatisfy { $0 == Route.none })
        #expect(replies.filter { $0.contains("keeping my answers short") }.count == 1)
        #expect(replies.filter { $0.contains("today's budget") }.count == 1)
        let total = try spent(store)
        #expect(total <= cap + 1e-12, "an exact estimate never lets spend pass the cap: \(total)")
        let commands = await say(engine, "agenda", at: 4_000)
        #expect(commands.route == .command, "commands keep answering past the cap")
    }

    @Test func theGlobalBudgetHoldsAcrossUsers() async throws {
        let provider = MeasuringProvider()
        let users = (0..<8).map { "@u\($0):example.org" }
        let cap = 0.02
        let (engine, store) = try engine(provider, limits: BudgetLimits(userCallsPerMinute: 1_000, userDailyUSD: 1, globalDailyUSD: cap),
                                         users: users)
        var deferred = 0
        for round in 0..<20 {
            for user in users {
                let response = await say(engine, "why do I keep skipping my runs, round \(round)?", as: user, at: Double(round) * 61)
                if response.route == Route.none { deferred += 1 }
            }
        }
        #expect(deferred > 0)
        #expect(try spent(store) <= cap + 1e-12)
    }

    @Test func aPlanIsNotRequestedWhenItsWorstCaseDoesNotFit() async throws {
        let provider = MeasuringProvider()
        let (engine, store) = try engine(provider, limits: BudgetLimits(userDailyUSD: 0.003, globalDailyUSD: 100))
        let response = await say(engine, "plan a marathon training block")
        #expect(response.route == Route.none)
        #expect(await provider.requests.isEmpty)
        let rows = try store.read { try $0.calls(since: .distantPast) }
        #expect(rows.map(\.outcome) == [.budgetDeferred])
    }

    @Test func theRateLimitHoldsWhileCallsAreStillInFlight() async throws {
        let provider = MeasuringProvider(delay: .milliseconds(200))
        let (engine, store) = try engine(provider, limits: BudgetLimits(userCallsPerMinute: 4, userDailyUSD: 100, globalDailyUSD: 100))
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<16 {
                group.addTask { _ = await self.say(engine, "tell me a joke number \(i)", at: Double(i) / 100) }
            }
        }
        #expect(await provider.requests.count == 4)
        let rows = try store.read { try $0.calls(since: .distantPast) }
        #expect(rows.filter { $0.outcome == .ok }.count == 4)
        #expect(rows.filter { $0.outcome == .budgetDeferred }.count == 12)
    }

    @Test func concurrentMessagesCannotSpendTheSameRemainingBudget() async throws {
        let provider = MeasuringProvider(delay: .milliseconds(100))
        let cap = 0.001
        let (engine, store) = try engine(provider, limits: BudgetLimits(userCallsPerMinute: 1_000, userDailyUSD: cap, globalDailyUSD: 100))
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<30 {
                group.addTask { _ = await self.say(engine, "it's raining here again, day \(i)", at: Double(i) / 100) }
            }
        }
        #expect(await provider.requests.count > 1)
        let total = try spent(store)
        #expect(total <= cap + 1e-12, "spent \(total)")
    }

    // MARK: - Estimate against actual

    @Test func aProviderReportingMoreThanEstimatedOvershootsByNoMoreThanTheEstimatesError() async throws {
        // The same cheap request each time: worst case W as the gate sees it, actual A = 1.5 W as reported.
        let probe = MeasuringProvider(inflation: 1.5)
        let (probeEngine, _) = try engine(probe, limits: BudgetLimits(userCallsPerMinute: 1_000, userDailyUSD: 100, globalDailyUSD: 100))
        _ = await say(probeEngine, "tell me a joke")
        let request = try #require(await probe.requests.first)
        let worst = try #require(MeteredLLM(provider: probe, sinks: []).worstCaseCost(of: request))
        let actual = worst + (try #require(await probe.overshootsUSD.first))
        #expect(actual > worst * 1.4)

        // Room for five actual calls plus one worst case: the sixth call is admitted and lands past the cap.
        let cap = worst + 5 * actual + worst / 100
        let provider = MeasuringProvider(inflation: 1.5)
        let (engine, store) = try engine(provider, limits: BudgetLimits(userCallsPerMinute: 1_000, userDailyUSD: cap, globalDailyUSD: 100))
        for i in 0..<20 {
            _ = await say(engine, "tell me a joke", at: Double(i) * 61)
        }
        let total = try spent(store)
        #expect(await provider.requests.count == 6)
        #expect(await provider.requests.allSatisfy { $0 == request }, "the scenario's premise: one request shape")
        #expect(total > cap, "the provider's extra tokens pushed spend past the cap")
        #expect(total <= cap + (actual - worst) + 1e-12, "by no more than one call's estimate error: \(total) vs \(cap)")
        let rows = try store.read { try $0.calls(since: .distantPast) }
        #expect(rows.filter { $0.outcome == .budgetDeferred }.count == 14)
    }

    // MARK: - Smart sync

    @Test func smartSyncSpendsFromTheSameBudgetsAndGoesOfflinePastThem() async throws {
        let provider = MeasuringProvider()
        let store = try SQLiteStore()
        var settings = EngineSettings()
        settings.chat = ChatSettings(llm: MeteredLLM(provider: provider, sinks: []), completionsModel: "gpt-4o-mini", assistantModel: "gpt-4o",
                                     policy: RoutePolicy(limits: BudgetLimits(userDailyUSD: 1, globalDailyUSD: 0.002)))
        settings.smartSync = SmartSyncSettings(thresholds: SyncThresholds(minScheduleCount: 3, minFrequentTypes: 2))
        var profile = UserProfile(id: alice, createdAt: .distantPast)
        profile.onboarding = .done
        try store.write { try $0.save(profile) }
        let engine = Engine(store: store, settings: settings)
        for text in ["User loves Deep Coding on Tuesday mornings", "Team Meeting on Fridays makes the user tired"] {
            var insight = Insight(userID: alice, kind: .behavioralPattern, text: text, confidence: 0.8, createdAt: morning.addingTimeInterval(-86_400))
            try store.write { try $0.add(&insight) }
        }
        for task in ["deep coding", "team meeting"] {
            for index in 0..<3 { _ = await say(engine, "schedule \(task) for 1h", at: Double(index) * 60) }
        }
        #expect(await engine.runSmartSyncs(now: morning.addingTimeInterval(3_600)) == 2)
        #expect(await provider.requests.isEmpty, "a sync call's worst case does not fit a $0.002 day")
        let coding = try #require(try store.read { try $0.taskType(of: alice, named: "deep coding") })
        let syncs = try store.read { try $0.syncs(of: alice, taskTypeID: coding.id, limit: 5) }
        #expect(syncs.first?.source == .offline && syncs.first?.note == "global_budget")
    }
}
