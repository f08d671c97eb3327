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
        // Hashed features only (no encoder in unit tests). The baseline prices non-command messages only, so each
        // celebration the grammar logs as done ("crushed my workout today") leaves both sides and nudges the ratio up.
        #expect(report.ratio < 0.21, "ratio \(report.ratio)")
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

@Suite struct CostLogAuditTests {
    @Test func theLogOfARunAuditsToTheSameSavingAsTheBenchmark() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-cost-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = try await CostBenchmarkTests().benchmark().run(.init(messages: 800, users: 20, weeks: 2, seed: 11, logPath: path))
        let audit = CostReport(lines: try CostLogLines(path: path), grouping: .route)

        #expect(audit.total.calls == report.messages, "one row per message")
        let byRoute = Dictionary(uniqueKeysWithValues: audit.messagesByRoute.map { ($0.route, $0.messages) })
        let benchRoutes = Dictionary(uniqueKeysWithValues: report.routes.map { ($0.route, $0.messages) })
        #expect(byRoute["pattern"] == benchRoutes["pattern"])
        #expect(byRoute["completions"] == benchRoutes["completions"])
        #expect((byRoute["assistant"] ?? 0) == (benchRoutes["assistant"] ?? 0))
        #expect((byRoute["command"] ?? 0) + (byRoute["cache"] ?? 0) == benchRoutes["command"], "plan cache hits answer as commands")
        #expect((byRoute["deferred"] ?? 0) == (benchRoutes["none"] ?? 0))
        #expect(audit.planCache.hits == report.planHits && audit.planCache.of == report.planHits + report.planMisses)

        let baseline = try #require(audit.baseline)
        #expect(abs(audit.total.costUSD - report.oursUSD) < 1e-9)
        #expect(abs(baseline.costUSD - report.baselineUSD) < 1e-9, "log \(baseline.costUSD) vs bench \(report.baselineUSD)")
        #expect(abs((audit.savingUSD ?? 0) - (report.baselineUSD - report.oursUSD)) < 1e-9)
        let table = audit.renderTable()
        #expect(table.contains("pattern cache: \(audit.patternCache.hits) of"))
        #expect(table.contains("plan cache: \(report.planHits) hits"))
    }
}
