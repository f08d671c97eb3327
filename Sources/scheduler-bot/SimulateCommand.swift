import ArgumentParser
import SchedulerCore
import Simulation

/// `scheduler-bot simulate`: synthetic users with hidden preferences, a benchmark of the learners.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Measure how fast each learner finds users' best hours, on synthetic users.",
        discussion: """
            Prints mean regret (true quality of the best free slot minus the chosen one), the share of \
            placements in the user's true top 10% of free slots, LLM calls and microseconds per learning \
            update, per learner and week; the last line is the default learner's week-4 regret.
            Learners: \(Learners.names.joined(separator: ", ")), or all.
            """
    )

    enum PathChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, engine, core
    }

    @Option(help: "Number of synthetic users.") var users = 200
    @Option(help: "Number of simulated weeks.") var weeks = 8
    @Option(help: "Seed for the population, their requests and their ratings.") var seed: UInt64 = 42
    @Option(help: "A learner name, or all to compare every learner.") var learner = "all"
    @Flag(help: "Print JSON instead of the table.") var json = false
    @Option(help: "engine: messages through the conversation engine; core: the same decisions straight on the core; auto: engine when its grammar reads commands.")
    var path: PathChoice = .auto
    @Option(help: "week: users ask \"schedule <task>\" (any free start in seven days); today: \"schedule <task> today\", judged over that day's free starts.")
    var requests: Simulator.Requests = .week

    func validate() throws {
        guard users > 0, weeks > 0 else { throw ValidationError("--users and --weeks must be positive.") }
        guard learner == "all" || Learners.named(learner) != nil else {
            throw ValidationError("Unknown learner '\(learner)'. Valid: \(Learners.names.joined(separator: ", ")), all.")
        }
    }

    func run() async throws {
        var names = learner == "all" ? Learners.names : [learner.lowercased()]
        // The last line always reports the default learner, so it runs even when not asked for.
        let showDefault = names.contains(Learners.defaultName)
        if !showDefault { names.append(Learners.defaultName) }
        let configuration = Simulator.Configuration(users: users, weeks: weeks, seed: seed, learners: names,
                                                    path: await resolvedPath(), requests: requests)
        var report = try await Simulator(configuration).run()
        if json {
            print(try report.json())
            return
        }
        let headline = report.headline
        if !showDefault { report.learners.removeAll { $0.learner == Learners.defaultName } }
        print("simulate: \(users) users, \(weeks) weeks, seed \(seed), path \(configuration.path.rawValue), requests \(requests.rawValue)")
        print(report.table)
        print("")
        print(report.archetypeTable)
        print("")
        print(headline)
    }

    func resolvedPath() async -> Simulator.Path {
        switch path {
        case .engine: .engine
        case .core: .core
        case .auto: await EngineDriver.understandsCommands() ? .engine : .core
        }
    }
}

extension Simulator.Requests: ExpressibleByArgument {}

