import Coaching
import Conversation
import Foundation
import LLM
import SchedulerCore
import Storage
import Testing

/// A provider that answers from a script, for the seam between the engine and any model.
struct ScriptedProvider: LLMProvider {
    var text: String = "Sure."
    var toolCalls: [ToolCall] = []

    func complete(_ request: ChatRequest) async throws(LLMError) -> ChatCompletion {
        ChatCompletion(text: text, toolCalls: toolCalls,
                       usage: TokenUsage(promptTokens: TokenEstimator.promptTokens(for: request), completionTokens: 10, estimated: false),
                       model: request.model)
    }

    func embed(_ request: EmbeddingRequest) async throws(LLMError) -> Embeddings {
        Embeddings(vectors: request.inputs.map { _ in [1] }, usage: .zero, model: request.model)
    }
}

enum ChatFixtures {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func prompts() throws -> FixedPrompts {
        let folder = root.appendingPathComponent("prompts")
        return FixedPrompts(patterns: try PatternBook(text: String(contentsOf: folder.appendingPathComponent("patterns.txt"), encoding: .utf8)),
                            router: RouteClassifier(examples: try routeExamples()))
    }

    /// prompts/routes/*.txt as shipped; trained once per test process, since every engine fixture needs it.
    static func routeExamples() throws -> RouteExamples {
        let routes = root.appendingPathComponent("prompts/routes")
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: routes.path) where name.hasSuffix(".txt") {
            files[name] = try String(contentsOf: routes.appendingPathComponent(name), encoding: .utf8)
        }
        return try RouteExamples(files: files)
    }

    static func offline() throws -> any LLMProvider {
        OfflineProvider(book: try OfflineReplyBook.load(path: root.appendingPathComponent("prompts/offline-replies.txt").path))
    }

    static func engine(provider: (any LLMProvider)? = nil, limits: BudgetLimits = BudgetLimits(), keepLast: Int = 20) throws -> (Engine, SQLiteStore) {
        let store = try SQLiteStore()
        let chat = ChatSettings(llm: MeteredLLM(provider: try provider ?? offline(), sinks: []),
                                completionsModel: "gpt-4o-mini", assistantModel: "gpt-4o",
                                policy: RoutePolicy(limits: limits), pruner: ThreadPruner(keepLast: keepLast))
        let engine = Engine(store: store, settings: EngineSettings(prompts: try prompts(), chat: chat))
        var profile = UserProfile(id: "@alice:example.org", createdAt: Date(timeIntervalSince1970: 0))
        profile.onboarding = .done
        profile.chatCount = 3
        try store.write { try $0.save(profile) }
        return (engine, store)
    }
}

@Suite struct ChatRoutingTests {
    let user = "@alice:example.org"
    let morning = Date(timeIntervalSince1970: 1_795_420_800) // Mon 23 Nov 2026 08:00 UTC

    func say(_ engine: Engine, _ text: String, at offset: TimeInterval = 0) async -> Response {
        await engine.handle(InboundMessage(network: .matrix, userID: user, roomID: "!r", text: text, receivedAt: morning.addingTimeInterval(offset)))
    }

    @Test func greetingsAreAnsweredFromPatternsWithoutAModelAndNeverTheSameTwiceInARow() async throws {
        let (engine, store) = try ChatFixtures.engine()
        let first = await say(engine, "hey there")
        let second = await say(engine, "hi", at: 60)
        #expect(first.route == .pattern && second.route == .pattern)
        #expect(first.llm.calls == 0)
        #expect(first.replies != second.replies)
        let rows = try store.read { try $0.calls(since: .distantPast) }
        #expect(rows.map(\.route) == [.pattern, .pattern], "each logged, as answered without a model")
        #expect(rows.allSatisfy { $0.costUSD == 0 && $0.promptTokens == 0 && $0.model == "none" })
    }

    @Test func complexCoachingReachesTheAssistantAndIsCosted() async throws {
        let (engine, store) = try ChatFixtures.engine()
        let response = await say(engine, "why do I keep skipping my runs?")
        #expect(response.route == .assistant)
        #expect(response.llm.calls == 1)
        #expect(response.llm.promptTokens > 0 && response.llm.costUSD > 0)
        let rows = try store.read { try $0.calls(since: .distantPast) }
        #expect(rows.count == 1)
        #expect(rows.first?.route == .assistant)
        #expect(rows.first?.messageType == "pattern_analysis")
        #expect(rows.first?.model == "gpt-4o")
        #expect(rows.first?.user != user, "the cost row holds a pseudonym, not the user id")
    }

    @Test func simpleChatFromAnEstablishedUserTakesTheCheapModel() async throws {
        let (engine, _) = try ChatFixtures.engine()
        let response = await say(engine, "I had pasta for lunch")
        #expect(response.route == .completions)
        #expect(response.llm.calls == 1)
    }

    @Test func theAssistantsPromptStaysBoundedHoweverLongTheConversation() async throws {
        let (engine, _) = try ChatFixtures.engine(limits: BudgetLimits(userDailyUSD: 100, globalDailyUSD: 100), keepLast: 10)
        var tokens: [Int] = []
        for i in 0..<60 {
            let response = await say(engine, "I feel overwhelmed again today, message \(i), with a few more words to make it longer", at: Double(i) * 3600)
            #expect(response.route == .assistant)
            tokens.append(response.llm.promptTokens)
        }
        #expect(tokens[59] > tokens[0], "context grows at first")
        #expect(abs(tokens[59] - tokens[30]) < tokens[30] / 5, "and is flat once pruning starts: \(tokens[30]) vs \(tokens[59])")
    }

    @Test func aRateLimitHoldsUnderABurst() async throws {
        let (engine, store) = try ChatFixtures.engine(limits: BudgetLimits(userCallsPerMinute: 5, userDailyUSD: 100, globalDailyUSD: 100))
        for i in 0..<20 { _ = await say(engine, "tell me a joke number \(i)", at: Double(i)) }
        let rows = try store.read { try $0.calls(since: .distantPast) }
        #expect(rows.filter { $0.outcome == .ok }.count == 5)
        #expect(rows.filter { $0.outcome == .budgetDeferred }.count == 15, "deferred messages are logged at no cost")
    }

    @Test func theModelsToolCallsRunAsCommands() async throws {
        let call = ToolCall(id: "c1", name: "schedule_task", arguments: #"{"task":"deep work","when":"tomorrow morning","duration":"90 min"}"#)
        let (engine, store) = try ChatFixtures.engine(provider: ScriptedProvider(text: "Let's block it.", toolCalls: [call]))
        let response = await say(engine, "help me plan my week around deep work")
        #expect(response.route == .assistant)
        let event = try #require(response.event)
        #expect(event.taskType == "Deep Work")
        #expect(event.end.timeIntervalSince(event.start) == 90 * 60)
        #expect(response.replies.first?.text == "Let's block it.")
        #expect(try store.read { try $0.taskType(of: user, named: "deep work") } != nil)
    }

    @Test func hostileToolCallsAreIgnored() async throws {
        let calls = [ToolCall(id: "1", name: "drop_tables", arguments: "{}"),
                     ToolCall(id: "2", name: "schedule_task", arguments: "not json"),
                     ToolCall(id: "3", name: "schedule_task", arguments: #"{"task":""}"#)]
        let (engine, store) = try ChatFixtures.engine(provider: ScriptedProvider(text: "", toolCalls: calls))
        let response = await say(engine, "plan my week please")
        #expect(response.event == nil)
        #expect(!response.replies.isEmpty)
        #expect(try store.read { try $0.taskTypes(of: user) }.isEmpty)
    }

    @Test func aRedeliveredChatMessageCallsTheModelOnce() async throws {
        let (engine, store) = try ChatFixtures.engine()
        let message = InboundMessage(network: .matrix, userID: user, roomID: "!r", text: "why do I keep missing standups?", receivedAt: morning,
                                     delivery: Delivery(externalID: "$chat1"))
        let first = await engine.handle(message)
        let second = await engine.handle(message)
        #expect(first.route == .assistant && second.isDuplicate)
        #expect(try store.read { try $0.calls(since: .distantPast) }.count == 1)
        #expect(await engine.undeliveredAnswers(on: .matrix).first?.response == first)
    }
}
