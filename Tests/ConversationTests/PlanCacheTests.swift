import Coaching
import Conversation
import Foundation
import LLM
import SchedulerCore
import Storage
import Testing

/// Counts the model calls and echoes whatever goal text it was given into the plan, like a careless model would.
actor CountingPlanner: LLMProvider {
    var calls = 0
    var reply: String

    init(reply: String = #"{"tasks":[{"name":"Essays for Stanford","minutes":60,"category":"focused","per_week":3},{"name":"[field] reading","minutes":45,"category":"focused","per_week":2}]}"#) {
        self.reply = reply
    }

    func complete(_ request: ChatRequest) async throws(LLMError) -> ChatCompletion {
        calls += 1
        return ChatCompletion(text: reply, usage: TokenUsage(promptTokens: 100, completionTokens: 60, estimated: false), model: request.model)
    }

    nonisolated func embed(_ request: EmbeddingRequest) async throws(LLMError) -> Embeddings {
        Embeddings(vectors: [], usage: .zero, model: request.model)
    }

    func count() -> Int { calls }
}

@Suite struct PlanCacheTests {
    let morning = Date(timeIntervalSince1970: 1_795_420_800) // Mon 23 Nov 2026 08:00 UTC

    func engine(_ planner: CountingPlanner, systemPrompt: String = "plan v1") throws -> (Engine, SQLiteStore) {
        let store = try SQLiteStore()
        let catalog = try PlanCatalog(text: String(contentsOf: ChatFixtures.root.appendingPathComponent("prompts/plan-categories.txt"), encoding: .utf8))
        let chat = ChatSettings(llm: MeteredLLM(provider: planner, sinks: []), completionsModel: "gpt-4o-mini", assistantModel: "gpt-4o",
                                plans: PlanSettings(systemPrompt: systemPrompt, catalog: catalog))
        let engine = Engine(store: store, settings: EngineSettings(chat: chat))
        for user in ["@ann:x", "@ben:x"] {
            var profile = UserProfile(id: user, createdAt: morning)
            profile.onboarding = .done
            profile.role = "student"
            try store.write { try $0.save(profile) }
        }
        return (engine, store)
    }

    func ask(_ engine: Engine, _ user: String, _ text: String, at offset: TimeInterval = 0) async -> Response {
        await engine.handle(InboundMessage(network: .matrix, userID: user, text: text, receivedAt: morning.addingTimeInterval(offset)))
    }

    @Test func aSimilarProfileGetsTheCachedPlanWithoutAnotherUsersDetails() async throws {
        let planner = CountingPlanner()
        let (engine, store) = try engine(planner)
        let first = await ask(engine, "@ann:x", "plan my week for a CS master's application to Stanford")
        #expect(first.intent == .plan && first.route == .assistant)
        #expect(first.replies.first?.text.contains("Essays for Stanford") == true, "Ann sees her own detail")
        #expect(first.event != nil)
        let second = await ask(engine, "@ben:x", "plan my week for a computer science master's application", at: 60)
        #expect(second.intent == .plan)
        #expect(second.llm.calls == 0)
        let text = second.replies.map(\.text).joined()
        #expect(!text.contains("Stanford"), "Ann's school must never reach Ben: \(text)")
        #expect(text.lowercased().contains("computer science reading"))
        #expect(await planner.count() == 1)
        let rows = try store.read { try $0.calls(since: .distantPast) }
        #expect(rows.map(\.outcome.rawValue).sorted() == ["cached", "ok"])
        #expect(try store.read { try $0.taskTypes(of: "@ben:x") }.count == 2)
    }

    @Test func aFreshPlanAPromptChangeOrADifferentProfileIsAMiss() async throws {
        let planner = CountingPlanner()
        let (engine, _) = try engine(planner)
        _ = await ask(engine, "@ann:x", "plan a marathon training block")
        _ = await ask(engine, "@ben:x", "plan fresh a marathon training block", at: 60)
        #expect(await planner.count() == 2)
        _ = await ask(engine, "@ben:x", "plan my exam revision", at: 120)
        #expect(await planner.count() == 3)
        let (edited, _) = try self.engine(planner, systemPrompt: "plan v2")
        _ = await ask(edited, "@ann:x", "plan a marathon training block")
        #expect(await planner.count() == 4)
    }

    @Test func aPlanOlderThanThirtyDaysIsMadeAgain() async throws {
        let planner = CountingPlanner()
        let (engine, _) = try engine(planner)
        _ = await ask(engine, "@ann:x", "plan a marathon training block")
        _ = await ask(engine, "@ben:x", "plan a marathon training block", at: 29 * 86_400)
        #expect(await planner.count() == 1)
        _ = await ask(engine, "@ben:x", "plan a marathon training block", at: 31 * 86_400)
        #expect(await planner.count() == 2)
    }

    @Test(arguments: ["not json at all", #"{"tasks":[]}"#, #"{"tasks":[{"name":"x","minutes":9999,"category":"focused","per_week":1}]}"#,
                      #"{"tasks":[{"name":"x","minutes":30,"category":"party","per_week":1}]}"#])
    func aBrokenOrHostilePlanChangesNothing(answer: String) async throws {
        let planner = CountingPlanner(reply: answer)
        let (engine, store) = try engine(planner)
        let response = await ask(engine, "@ann:x", "plan a marathon training block")
        #expect(response.replies.first?.text.contains("couldn't put a usable plan") == true)
        #expect(try store.read { try $0.taskTypes(of: "@ann:x") }.isEmpty)
        #expect(try store.read { try $0.cachedPlan(key: "any", freshAfter: .distantPast) } == nil)
    }
}
