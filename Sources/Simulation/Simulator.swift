import Foundation
import Conversation
import SchedulerCore

/// Runs a population against one or more learners and reports per learner and per week.
public struct Simulator: Sendable {
    public enum Path: String, Sendable, CaseIterable, Codable {
        /// Text messages through `Engine.handle` on an in-memory store.
        case engine
        /// The same decisions made by calling the core directly (no grammar or database needed).
        case core
    }

    /// What a simulated user asks for each morning.
    public enum Requests: String, Sendable, CaseIterable, Codable {
        /// "schedule <task>": the bot may pick any free start in the next seven days.
        case week
        /// "schedule <task> today": the bot picks among today's free starts, as an outside judge drives it.
        case today
    }

    public struct Configuration: Sendable {
        public var users: Int
        public var weeks: Int
        public var seed: UInt64
        public var learners: [String]
        public var path: Path
        public var requests: Requests
        /// Users simulated at once; each user is independent, so results do not depend on it.
        public var concurrency: Int
        /// Makes a fresh learner for a name (the registry by default; experiments pass variants).
        public var makeLearner: @Sendable (String) -> (any Learner)?
        /// The engine path's model: nil answers anything that is not a command without one.
        public var chat: ChatSettings?

        public init(users: Int, weeks: Int, seed: UInt64, learners: [String], path: Path, requests: Requests = .week,
                    concurrency: Int = 2, makeLearner: @escaping @Sendable (String) -> (any Learner)? = Learners.named) {
            self.users = users
            self.weeks = weeks
            self.seed = seed
            self.learners = learners
            self.path = path
            self.requests = requests
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
            let perUser = try await run(learner: name, population: population)
            results.append(LearnerResult(learner: name, weeks: Simulator.sum(perUser, weeks: configuration.weeks),
                                         archetypes: Simulator.archetypes(perUser, population: population, weeks: configuration.weeks)))
        }
        return SimulationReport(users: configuration.users, weeks: configuration.weeks, seed: configuration.seed,
                                path: configuration.path, requests: configuration.requests, learners: results)
    }

    static func sum(_ perUser: [[WeekMetrics]], weeks: Int) -> [WeekMetrics] {
        var totals = (0..<weeks).map { WeekMetrics(week: $0 + 1) }
        for metrics in perUser {
            for (week, value) in metrics.enumerated() { totals[week].add(value) }
        }
        return totals
    }

    /// Per persona, in the personas' order, then the careless raters across personas.
    static func archetypes(_ perUser: [[WeekMetrics]], population: Population, weeks: Int) -> [ArchetypeResult] {
        var groups = Persona.allCases.map { persona in
            (persona.rawValue, population.users.indices.filter { population.users[$0].persona == persona })
        }
        groups.append(("noisy-raters", population.users.indices.filter { population.users[$0].isNoisy }))
        return groups.filter { !$0.1.isEmpty }.map { name, members in
            ArchetypeResult(archetype: name, users: members.count, weeks: sum(members.map { perUser[$0] }, weeks: weeks))
        }
    }

    /// Every user with a fresh learner, `concurrency` at a time; each user's weekly metrics, in user order.
    func run(learner name: String, population: Population) async throws -> [[WeekMetrics]] {
        let weeks = configuration.weeks
        let path = configuration.path
        let requests = configuration.requests
        let makeLearner = configuration.makeLearner
        let chat = configuration.chat
        var perUser = [[WeekMetrics]](repeating: [], count: population.users.count)
        try await withThrowingTaskGroup(of: (Int, [WeekMetrics]).self) { group in
            var next = 0
            func launch() {
                let index = next
                let user = population.users[index]
                next += 1
                group.addTask {
                    guard let learner = makeLearner(name) else { throw UnknownLearner(name: name) }
                    return (index, try await Simulator.simulate(user, weeks: weeks, learner: learner, path: path, requests: requests,
                                                                 chat: chat))
                }
            }
            while next < min(configuration.concurrency, population.users.count) { launch() }
            while let (index, metrics) = try await group.next() {
                perUser[index] = metrics
                if next < population.users.count { launch() }
            }
        }
        return perUser
    }

    static func simulate(_ user: SyntheticUser, weeks: Int, learner: any Learner, path: Path,
                         requests: Requests, chat: ChatSettings? = nil) async throws -> [WeekMetrics] {
        let measured = MeasuredLearner(learner)
        let run = UserRun(user: user, weeks: weeks, requests: requests)
        switch path {
        case .core:
            var driver = CoreDriver(userID: user.id, learner: measured)
            return try await run.run(with: &driver, measured: measured)
        case .engine:
            var driver = try EngineDriver(userID: user.id, learner: measured, chat: chat)
            return try await run.run(with: &driver, measured: measured)
        }
    }
}

public struct LearnerResult: Sendable, Codable {
    public var learner: String
    public var weeks: [WeekMetrics]
    /// The same weeks for each kind of person.
    public var archetypes: [ArchetypeResult] = []

    public func week(_ number: Int) -> WeekMetrics? { weeks.first { $0.week == number } }
}

/// One kind of person's weeks under one learner.
public struct ArchetypeResult: Sendable, Codable {
    public var archetype: String
    public var users: Int
    public var weeks: [WeekMetrics]
}
