import Benchmarks
import Coaching
import Conversation
import Foundation
import LLM
import Testing

@Suite struct CostBenchmarkTests {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func benchmark() throws -> CostBenchmark {
        let folder = Self.root.appendingPathComponent("prompts")
        func text(_ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
        let routes = folder.appendingPathComponent("routes")
        let files = try FileManager.default.contentsOfDirectory(atPath: routes.path).filter { $0.hasSuffix(".txt") }
        let examples = try RouteExamples(files: Dictionary(uniqueKeysWithValues: try files.map { ($0, try text("routes/" + $0)) }))
        let prompts = FixedPrompts(patterns: try PatternBook(text: text("patterns.txt")), router: RouteClassifier(examples: examples))
        return CostBenchmark(replies: try OfflineReplyBook.load(path: folder.appendingPathComponent("offline-replies.txt").path),
                             prompts: prompts, assistantPrompt: try text("assistant-system.txt"),
                             completionsPrompt: try text("completions-system.txt"),
                             plans: PlanSettings(systemPrompt: try text("plan-system.txt"), catalog: try PlanCatalog(text: text("plan-categories.txt"))))
    }

    @Test func aMixedWorkloadCostsAFractionOfTheNaiveBotAndStaysBounded() async throws {
        let report = try await benchmark().run(.init(messages: 600, users: 20, weeks: 2, seed: 7))
        #expect(report.messages == 600)
        #expect(Set(report.routes.map(\.route)) == ["assistant", "command", "completions", "pattern"])
        #expect(report.ratio < 0.2, "ratio \(report.ratio)")
        #expect(report.planHits > 0)
        let ours = report.promptTokensByThreadLength.map(\.ours)
        let naive = report.promptTokensByThreadLength.map(\.baseline)
        #expect(naive.last ?? 0 > (naive.first ?? 0) * 2, "the naive prompt grows with the thread")
        #expect(ours.max() ?? 0 < (naive.last ?? 0), "ours stays below it")
    }

    @Test func theSameSeedGivesTheSameReport() async throws {
        let a = try await benchmark().run(.init(messages: 200, users: 10, weeks: 1, seed: 3))
        let b = try await benchmark().run(.init(messages: 200, users: 10, weeks: 1, seed: 3))
        #expect(a.routes == b.routes)
        #expect(a.oursUSD == b.oursUSD && a.baselineUSD == b.baselineUSD)
    }
}
