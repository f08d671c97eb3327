import Foundation
import SchedulerCore

/// Runs a population against one or more learners and reports per learner and per week.
public struct Simulator: Sendable {
    public enum Path: String, Sendable, CaseIterable, Codable {
        /// Text messages through `Engine.handle` on an in-memory store.
        case engine
        /// The same decisions made by calling the core directly (no grammar or database needed).
        case core
    }

    public struct Configuration: Sendable {
        public var users: Int
        public var weeks: Int
        public var seed: UInt64
        public var learners: [String]
        public var path: Path
        /// Users simulated at once; each user is independent, so results do not depend on it.
        public var concurrency: Int
        /// Makes a fresh learner for a name (the registry by default; experiments pass variants).
        public var makeLearner: @Sendable (String) -> (any Learner)?

        public init(users: Int, weeks: Int, seed: UInt64, learners: [String], path: Path, concurrency: Int = 2,
                    makeLearner: @escaping @Sendable (String) -> (any Learner)? = Learners.named) {
            self.users = users
            self.weeks = weeks
            self.seed = seed
            self.learners = learners
            self.path = path
            self.concurrency = max(1, concurrency)
            self.makeLearner = makeLearner
        }
    }

    public struct UnknownLearner: Error, CustomStringConvertible {
        public var name: String
        public var description: String { "unknown learner '\(name)'; valid: \(Learners.names.joined(separator: ", "))" }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    public func run() async throws -> SimulationReport {
        let population = Population(count: configuration.users, weeks: configuration.weeks, seed: configuration.seed)
        var results: [LearnerResult] = []
        for name in configuration.learners {
            guard configuration.makeLearner(name) != nil else { throw UnknownLearner(name: name) }
            results.append(LearnerResult(learner: name, weeks: try await run(learner: name, population: population)))
        }
        return SimulationReport(users: configuration.users, weeks: configuration.weeks, seed: configuration.seed,
                                path: configuration.path, learners: results)
    }

    /// Every user with a fresh learner, `concurrency` at a time; weekly metrics summed in user order.
    func run(learner name: String, population: Population) async throws -> [WeekMetrics] {
        let weeks = configuration.weeks
        let path = configuration.path
        let makeLearner = configuration.makeLearner
        var perUser = [[WeekMetrics]](repeating: [], count: population.users.count)
        try await withThrowingTaskGroup(of: (Int, [WeekMetrics]).self) { group in
            var next = 0
            func launch() {
                let index = next
                let user = population.users[index]
                next += 1
                group.addTask {
                    guard let learner = makeLearner(name) else { throw UnknownLearner(name: name) }
                    return (index, try await Simulator.simulate(user, weeks: weeks, learner: learner, path: path))
                }
            }
            while next < min(configuration.concurrency, population.users.count) { launch() }
            while let (index, metrics) = try await group.next() {
                perUser[index] = metrics
                if next < population.users.count { launch() }
            }
        }
        var totals = (0..<weeks).map { WeekMetrics(week: $0 + 1) }
        for metrics in perUser {
            for (week, value) in metrics.enumerated() { totals[week].add(value) }
        }
        return totals
    }

    static func simulate(_ user: SyntheticUser, weeks: Int, learner: any Learner, path: Path) async throws -> [WeekMetrics] {
        let measured = MeasuredLearner(learner)
        let run = UserRun(user: user, weeks: weeks)
        switch path {
        case .core:
            var driver = CoreDriver(userID: user.id, learner: measured)
            return try await run.run(with: &driver, measured: measured)
        case .engine:
            var driver = try EngineDriver(userID: user.id, learner: measured)
            return try await run.run(with: &driver, measured: measured)
        }
    }
}

public struct LearnerResult: Sendable, Codable {
    public var learner: String
    public var weeks: [WeekMetrics]

    public func week(_ number: Int) -> WeekMetrics? { weeks.first { $0.week == number } }
}
