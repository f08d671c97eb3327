import Foundation
import Testing
@testable import SchedulerCore
@testable import Simulation
import Conversation
import LLM

@Suite struct SimulatorTests {
    @Test func theDefaultLearnerBeatsRandomOnASmallPopulation() async throws {
        let configuration = Simulator.Configuration(users: 12, weeks: 3, seed: 3, learners: ["beta-pool", "random"], path: .core)
        let report = try await Simulator(configuration).run()
        let learned = try #require(report.result(for: "beta-pool")?.week(3))
        let random = try #require(report.result(for: "random")?.week(3))
        #expect(learned.decisions > 0 && random.decisions > 0)
        #expect(learned.meanRegret < random.meanRegret)
        #expect(learned.topDecileShare > random.topDecileShare)
    }

    @Test func aRunIsReproducibleAndIndependentOfConcurrency() async throws {
        func run(_ concurrency: Int) async throws -> [WeekMetrics] {
            let configuration = Simulator.Configuration(users: 4, weeks: 2, seed: 11, learners: ["beta-pool"], path: .core,
                                                        concurrency: concurrency)
            return try #require(try await Simulator(configuration).run().learners.first).weeks
        }
        let sequential = try await run(1)
        let parallel = try await run(3)
        #expect(sequential.map(\.regretTotal) == parallel.map(\.regretTotal))
        #expect(sequential.map(\.topDecile) == parallel.map(\.topDecile))
    }

    @Test func anUnknownLearnerIsRefused() async {
        let configuration = Simulator.Configuration(users: 1, weeks: 1, seed: 1, learners: ["oracle"], path: .core)
        await #expect(throws: Simulator.UnknownLearner.self) { try await Simulator(configuration).run() }
    }

    @Test func theOracleScoresTheBestFreeStartAsZeroRegret() throws {
        let truth = try #require(WeekGrid(values: (0..<168).map { $0 % 24 == 10 ? 0.9 : 0.2 }))
        let monday = Date(timeIntervalSince1970: 1_704_067_200)
        let utc = try #require(TimeZone(identifier: "UTC"))
        let request = SlotRequest(habit: truth, energy: truth, durationMinutes: 60,
                                  window: DateInterval(start: monday, duration: 86_400),
                                  availability: .standard, timeZone: utc, busy: [])
        let best = DateInterval(start: monday.addingTimeInterval(10 * 3600), duration: 3600)
        let worse = DateInterval(start: monday.addingTimeInterval(15 * 3600), duration: 3600)
        let oracle = SlotOracle()
        let atBest = try #require(oracle.judge(Decision(choice: request, placed: best), truth: truth))
        let atWorse = try #require(oracle.judge(Decision(choice: request, placed: worse), truth: truth))
        #expect(atBest.regret == 0 && atBest.inTopDecile)
        #expect(abs(atWorse.regret - 0.7) < 1e-9 && !atWorse.inTopDecile)
    }

    @Test func populationsAreReproducibleAndMixEveryPersona() {
        let a = Population(count: 12, weeks: 8, seed: 5)
        let b = Population(count: 12, weeks: 8, seed: 5)
        #expect(a.users.map(\.id) == b.users.map(\.id))
        #expect(a.users.map { $0.truth(for: 0, week: 0) } == b.users.map { $0.truth(for: 0, week: 0) })
        #expect(Set(a.users.map(\.persona)) == Set(Persona.allCases))
        #expect(a.users.filter(\.isNoisy).count == 3, "a quarter rate carelessly")
        #expect(Set(a.users.filter(\.isNoisy).map(\.persona)).count == 3, "spread over the personas")
        let changer = a.users.first { $0.persona == .habitChanger }
        #expect(changer.map { $0.truth(for: 0, week: 0) != $0.truth(for: 0, week: 7) } == true)
    }

    /// The hour of the day a truth week is best at, on one weekday.
    func bestHour(_ truth: WeekGrid, weekday: Int) -> Int {
        (8..<20).max { truth[WeekSlot(weekday: weekday, hour: $0)] < truth[WeekSlot(weekday: weekday, hour: $1)] } ?? 0
    }

    @Test func heldOutPeopleHaveLateWeekendsOrAnHourPerKindOfWork() throws {
        let users = Population(count: 40, weeks: 6, seed: 5).users
        let lateWeekend = try #require(users.first { $0.persona == .lateWeekend })
        let truth = lateWeekend.truth(for: 0, week: 0)
        #expect(bestHour(truth, weekday: 2) <= 11 && bestHour(truth, weekday: 6) >= 16)
        for user in users where user.persona == .byCategory {
            for (index, task) in user.tasks.enumerated() {
                let hour = bestHour(user.truth(for: index, week: 0), weekday: 3)
                #expect(abs(Double(hour) + 0.5 - task.categoryHour - task.peakShift) <= 1.5, "\(task.name) peaks at its kind's hour")
            }
        }
    }
}

@Suite struct EnginePathTests {
    /// The engine (text through `Engine.handle`, SQLite in memory) and the core driver decide alike,
    /// so the fast core path measures what users would get.
    @Test(arguments: Simulator.Requests.allCases)
    func theEngineAndTheCoreMakeTheSameDecisions(requests: Simulator.Requests) async throws {
        try #require(await EngineDriver.understandsCommands(), "needs the command grammar")
        func run(_ path: Simulator.Path) async throws -> [WeekMetrics] {
            let configuration = Simulator.Configuration(users: 3, weeks: 2, seed: 9, learners: [Learners.defaultName], path: path,
                                                        requests: requests)
            return try #require(try await Simulator(configuration).run().learners.first).weeks
        }
        let engine = try await run(.engine)
        let core = try await run(.core)
        #expect(engine.map(\.decisions) == core.map(\.decisions))
        #expect(engine.map(\.regretTotal) == core.map(\.regretTotal))
        #expect(engine.map(\.skips) == core.map(\.skips))
        #expect(engine.map(\.updates) == core.map(\.updates))
        #expect(engine.allSatisfy { $0.decisions > 0 })
    }

    /// The simulated people only schedule and report, which the grammar answers: through an engine that has a
    /// model for everything else, not one call reaches it. The same engine does call it for a chat message, so
    /// the count would show a command that slipped through to the model.
    @Test func simulatedCommandsNeverReachTheModelAnEngineHas() async throws {
        try #require(await EngineDriver.understandsCommands(), "needs the command grammar")
        let provider = CountingProvider()
        let chat = ChatSettings(llm: MeteredLLM(provider: provider, sinks: []), completionsModel: "gpt-4o-mini", assistantModel: "gpt-4o")
        var configuration = Simulator.Configuration(users: 3, weeks: 2, seed: 9, learners: [Learners.defaultName], path: .engine)
        configuration.chat = chat
        let weeks = try #require(try await Simulator(configuration).run().learners.first).weeks
        #expect(weeks.allSatisfy { $0.decisions > 0 })
        #expect(provider.calls == 0)
        #expect(weeks.allSatisfy { $0.llmCalls == 0 })

        let driver = try EngineDriver(userID: "chatty", learner: SeedEMALearner(), chat: chat)
        var person = UserProfile(id: "chatty", createdAt: Date(timeIntervalSince1970: 0))
        person.onboarding = .done
        try driver.store.write { try $0.save(person) }
        let answer = await driver.engine.handle(InboundMessage(network: .replay, userID: "chatty", text: "why do I keep putting off the gym?",
                                                               receivedAt: Date(timeIntervalSince1970: 1_704_096_000)))
        #expect(provider.calls == 1, "a chat message reaches the model")
        #expect(answer.llm.calls == 1)
    }
}

/// A model that answers every completion with one short line and counts the calls it gets.
final class CountingProvider: LLMProvider, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var calls: Int { lock.withLock { count } }

    func complete(_ request: ChatRequest) async throws(LLMError) -> ChatCompletion {
        lock.withLock { count += 1 }
        return ChatCompletion(text: "Try a shorter session first.", usage: TokenUsage(promptTokens: 40, completionTokens: 8), model: request.model)
    }

    func embed(_ request: EmbeddingRequest) async throws(LLMError) -> Embeddings { throw .notConfigured("counting provider") }
}

@Suite struct SimulationReportTests {
    func report(weeks: Int, learners: [String]) -> SimulationReport {
        let results = learners.enumerated().map { offset, name in
            LearnerResult(learner: name, weeks: (1...weeks).map { week in
                var metrics = WeekMetrics(week: week)
                metrics.decisions = 10
                metrics.regretTotal = Double(offset + week)
                metrics.topDecile = week
                return metrics
            })
        }
        return SimulationReport(users: 1, weeks: weeks, seed: 1, path: .core, learners: results)
    }

    @Test func theLastLineIsTheDefaultLearnersWeekFourRegret() {
        #expect(report(weeks: 4, learners: ["seed-ema", "beta-shared"]).headline == "default learner beta-shared week-4 regret: 0.5000")
        #expect(report(weeks: 3, learners: ["beta-shared"]).headline.hasSuffix("n/a (needs --weeks 4 or more)"))
    }

    @Test func theTableHasOneRowPerLearnerAndWeek() {
        let lines = report(weeks: 2, learners: ["beta-pool", "random"]).table.split(separator: "\n")
        #expect(lines.count == 1 + 4)
        #expect(lines[0].hasPrefix("learner"))
        #expect(lines[1].hasPrefix("beta-pool") && lines[1].contains("0.1000") && lines[1].contains("0.100"))
    }

    @Test func jsonCarriesTheHeadlineFigure() throws {
        let json = try report(weeks: 4, learners: ["beta-shared"]).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["defaultWeek4Regret"] as? Double == 0.4)
        #expect((object["rows"] as? [Any])?.count == 4)
    }
}

@Suite struct WeekMetricsTests {
    @Test func updateTimeIsTheMedianSoAOneOffStallDoesNotDominate() {
        var metrics = WeekMetrics(week: 1)
        metrics.updateNanoseconds = [2_000, 3_000, 46_000_000]
        #expect(metrics.microsecondsPerUpdate == 3)
        metrics.updateNanoseconds.append(1_000)
        #expect(metrics.microsecondsPerUpdate == 2.5)
        #expect(WeekMetrics(week: 2).microsecondsPerUpdate == 0)
    }
}
