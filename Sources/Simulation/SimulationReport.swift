import Foundation
import SchedulerCore

/// The simulator's findings: a table for people, JSON for scripts.
public struct SimulationReport: Sendable, Codable {
    public var users: Int
    public var weeks: Int
    public var seed: UInt64
    public var path: Simulator.Path
    public var requests: Simulator.Requests = .week
    public var learners: [LearnerResult]

    public func result(for learner: String) -> LearnerResult? { learners.first { $0.learner == learner } }

    /// One row per learner and week.
    public var table: String {
        var lines = ["learner       week  regret  top10%  llm  update_us  decisions  skips  nregret"]
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
                    String(format: "%8.4f", week.meanNormalisedRegret),
                ].joined(separator: " "))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Per learner and kind of person: the first and the last week (regret, normalised regret, top-10 % share).
    public var archetypeTable: String {
        let last = weeks
        var lines = ["learner      archetype        users  w1 regret  w1 nregret  w\(last) regret  w\(last) nregret  w\(last) top10%"]
        for result in learners {
            for group in result.archetypes {
                guard let first = group.weeks.first, let final = group.weeks.last else { continue }
                lines.append([
                    result.learner.padding(toLength: 12, withPad: " ", startingAt: 0),
                    group.archetype.padding(toLength: 16, withPad: " ", startingAt: 0),
                    String(format: "%5d", group.users),
                    String(format: "%10.4f", first.meanRegret),
                    String(format: "%11.4f", first.meanNormalisedRegret),
                    String(format: "%10.4f", final.meanRegret),
                    String(format: "%11.4f", final.meanNormalisedRegret),
                    String(format: "%10.3f", final.topDecileShare),
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
            var meanNormalisedRegret: Double
        }
        struct ArchetypeRow: Encodable {
            var learner: String
            var archetype: String
            var users: Int
            var week: Int
            var meanRegret: Double
            var meanNormalisedRegret: Double
            var topDecileShare: Double
            var decisions: Int
        }
        var users: Int
        var weeks: Int
        var seed: UInt64
        var path: String
        var defaultLearner: String
        var defaultWeek4Regret: Double?
        var rows: [Row]
        var requests: String
        var archetypeRows: [ArchetypeRow]

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
                        skips: week.skips, unplaced: week.unplaced, meanNormalisedRegret: week.meanNormalisedRegret)
                }
            }
            requests = report.requests.rawValue
            archetypeRows = report.learners.flatMap { result in
                result.archetypes.flatMap { group in
                    group.weeks.map { week in
                        ArchetypeRow(learner: result.learner, archetype: group.archetype, users: group.users, week: week.week,
                                     meanRegret: week.meanRegret, meanNormalisedRegret: week.meanNormalisedRegret,
                                     topDecileShare: week.topDecileShare, decisions: week.decisions)
                    }
                }
            }
        }
    }
}
