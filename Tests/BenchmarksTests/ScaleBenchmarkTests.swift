@testable import Benchmarks
import Coaching
import Conversation
import Foundation
import SchedulerCore
import Storage
import Testing

@Suite struct ScaleBenchmarkTests {
    static func prompts() throws -> FixedPrompts {
        let folder = CostBenchmarkTests.root.appendingPathComponent("prompts")
        let text = try String(contentsOf: folder.appendingPathComponent("patterns.txt"), encoding: .utf8)
        return FixedPrompts(patterns: try PatternBook(text: text))
    }

    static let tiny = ScaleBenchmark.Options(users: 12, eventsPerUser: 10, messages: 240, seed: 5, warmUp: 10, coreRepetitions: 5)

    @Test func aTinyRunReportsEveryFieldAndEndsWithTheSummaryLine() async throws {
        let report = try await ScaleBenchmark(prompts: Self.prompts()).run(Self.tiny)
        #expect(report.messages == 240)
        #expect(report.kinds.map(\.kind) == MessageMix.Kind.allCases.map(\.rawValue))
        for line in report.kinds {
            #expect(line.latency.count > 0 && line.latency.p50 > 0 && line.latency.p99 >= line.latency.p50, "\(line.kind)")
            #expect(line.effective > 0, "\(line.kind) never did its job")
        }
        #expect(report.schedule.count == report.kinds.filter { $0.kind.hasPrefix("schedule") }.map(\.latency.count).reduce(0, +))
        #expect(report.loadSeconds > 0 && report.databaseBytes > 0 && report.startupMicroseconds > 0)
        #expect(report.throughput > 0 && report.slotFinderMicroseconds > 0 && report.learningUpdateMicroseconds > 0 && report.scoringWeekMicroseconds > 0)
        #expect(report.steadyRSS > 0 && report.baselineRSS > 0)
        let last = report.table.split(separator: "\n").last.map(String.init)
        #expect(last == report.summaryLine)
        #expect(report.json.split(separator: "\n").last.map(String.init) == report.summaryLine)
        let pattern = /p99_schedule_us=\d+ p99_done_us=\d+ throughput_msgs_per_s=\d+/
        #expect(report.summaryLine.wholeMatch(of: pattern) != nil, "\(report.summaryLine)")
    }

    @Test func theTemporaryDatabaseIsRemoved() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = Self.tiny
        options.folder = folder
        options.messages = 20
        _ = try await ScaleBenchmark(prompts: Self.prompts()).run(options)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func thePopulationHasHistoryDueEventsAndACalendar() throws {
        let store = try SQLiteStore()
        let population = Population(users: 3, taskTypesPerUser: 4, pastEventsPerUser: 30, dueEventsPerUser: 2, futureEventsPerUser: 5)
        try population.load(into: store, usersPerTransaction: 2)
        try store.read { session in
            for index in 0..<3 {
                let id = Population.userID(index)
                #expect(try session.taskTypes(of: id).count == 4)
                let year = DateInterval(start: population.now.addingTimeInterval(-400 * 86_400), end: population.now.addingTimeInterval(20 * 86_400))
                let all = try session.events(of: id, overlapping: year, statuses: Set(Event.Status.allCases))
                #expect(all.count == 37)
                let ahead = DateInterval(start: population.now, end: population.now.addingTimeInterval(15 * 86_400))
                #expect(try session.events(of: id, overlapping: ahead, statuses: [.scheduled]).count == 5)
                #expect(try session.latestEvent(of: id, startingAtOrBefore: population.now, statuses: [.scheduled]) != nil)
            }
        }
    }

    @Test func theMixIsReproducibleAndCoversEveryKind() {
        let population = Population(users: 50)
        let a = MessageMix(count: 400, population: population, seed: 9).messages
        let b = MessageMix(count: 400, population: population, seed: 9).messages
        #expect(a.map(\.text) == b.map(\.text) && a.map(\.user) == b.map(\.user))
        #expect(Set(a.map(\.kind)) == Set(MessageMix.Kind.allCases))
        #expect(a.map(\.at) == a.map(\.at).sorted())
    }

    @Test func percentilesUseTheNearestRank() {
        let summary = LatencySummary(microseconds: (1...200).map(Double.init).reversed())
        #expect(summary.p50 == 100 && summary.p99 == 198 && summary.max == 200 && summary.count == 200)
        #expect(LatencySummary(microseconds: []).p99 == 0)
    }

    @Test func residentMemoryIsReadFromTheStatusText() {
        #expect(ProcessMemory.residentBytes(inStatus: "Name:\tx\nVmRSS:\t   12345 kB\nVmSwap:\t0 kB") == 12345 * 1024)
        #expect(ProcessMemory.residentBytes(inStatus: "Name:\tx") == nil)
    }
}
