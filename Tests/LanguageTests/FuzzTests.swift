import Foundation
import Testing
@testable import Language

/// A quick run of the grammar fuzzer (the full run is `scheduler-bot parse-time --fuzz 1000000`).
@Suite struct FuzzTests {
    @Test func randomAndMutatedPhrasesNeverInvertAnIntervalAndScanInLinearTime() throws {
        let context = TimeContext(now: Date(timeIntervalSince1970: 1_360_650_600), timeZone: try #require(TimeZone(secondsFromGMT: -7200)))
        let report = TimeGrammarFuzzer(seed: 7).run(count: 5_000, context: context)
        #expect(report.inputs == 5_000)
        #expect(report.resolved > 500, "the generator must reach the grammar: \(report)")
        #expect(report.inverted.isEmpty, "\(report.inverted)")
        #expect(report.growth < 8, "\(report)")
    }

    @Test func theSameSeedGivesTheSameRun() throws {
        let context = TimeContext(now: Date(timeIntervalSince1970: 1_360_650_600), timeZone: try #require(TimeZone(secondsFromGMT: 0)))
        let a = TimeGrammarFuzzer(seed: 3).run(count: 500, context: context)
        let b = TimeGrammarFuzzer(seed: 3).run(count: 500, context: context)
        #expect(a.resolved == b.resolved && a.problems == b.problems)
    }
}
