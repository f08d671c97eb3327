import Foundation
import SchedulerCore

/// The simulator's findings: a table for people, JSON for scripts.
public struct SimulationReport: Sendable, Codable {
    public var users: Int
    public var weeks: Int
    public var seed: UInt64
    public var path: Simulator.Path
    public var learners: [LearnerResult]

    public func result(for learner: String) -> LearnerResult? { learners.first { $0.learner == learner } }

    /// One row per learner and week.
    public var table: String {
        var lines = ["learner       week  regret  top10%  llm  update_us  decisions  skips"]
        for result in learners {
            for week in result.weeks {
                lines.append([
                    result.learner.padding(toLength: 12, withPad: " ", startingAt: 0),
                    String(format: "%5d", week.week),
                    String(format: "%7.4f", week.meanRegret),
                    String(format: "%7.3f", week.topDecileShare),
                    String(format: "%4d", week.llmCalls),
                    String(format: "%10.2f", week.microsecondsPerUpdate),
                    String(format: "%10d", week.decisions),
                    String(format: "%6d", week.skips),
                ].joined(separator: " "))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The headline: the default learner's regret in week 4.
    public var headline: String {
        guard let week4 = result(for: Learners.defaultName)?.week(4) else {
            return "default learner \(Learners.defaultName) week-4 regret: n/a (needs --weeks 4 or more)"
        }
        return "default learner \(Learners.defaultName) week-4 regret: \(String(format: "%.4f", week4.meanRegret))"
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(JSONForm(self)), as: UTF8.self)
    }

    /// Rounded figures and the derived means, so the JSON reads like the table.
    struct JSONForm: Encodable {
        struct Row: Encodable {
            var learner: String
            var week: Int
            var meanRegret: Double
            var topDecileShare: Double
            var llmCalls: Int
            var microsecondsPerUpdate: Double
            var decisions: Int
            var skips: Int
            var unplaced: Int
        }
        var users: Int
        var weeks: Int
        var seed: UInt64
        var path: String
        var defaultLearner: String
        var defaultWeek4Regret: Double?
        var rows: [Row]

        init(_ report: SimulationReport) {
            users = report.users
            weeks = report.weeks
            seed = report.seed
            path = report.path.rawValue
            defaultLearner = Learners.defaultName
            defaultWeek4Regret = report.result(for: Learners.defaultName)?.week(4)?.meanRegret
            rows = report.learners.flatMap { result in
                result.weeks.map { week in
                    Row(learner: result.learner, week: week.week, meanRegret: week.meanRegret,
                        topDecileShare: week.topDecileShare, llmCalls: week.llmCalls,
                        microsecondsPerUpdate: week.microsecondsPerUpdate, decisions: week.decisions,
                        skips: week.skips, unplaced: week.unplaced)
                }
            }
        }
    }
}
