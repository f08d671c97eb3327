import Foundation
import SchedulerCore

/// One simulated user living `weeks` weeks with the bot.
///
/// Each morning at 07:30 they ask for two or three of their tasks without naming a time; each placed
/// event is done (rated from the hidden truth plus noise) or skipped when its time comes.
struct UserRun {
    static let firstMonday = Date(timeIntervalSince1970: 1_704_067_200) // 2024-01-01 00:00 UTC
    static let morning: TimeInterval = 7.5 * 3600
    static let timeZone = TimeZone(identifier: "UTC") ?? .current

    let user: SyntheticUser
    let weeks: Int
    let requests: Simulator.Requests
    let oracle = SlotOracle()

    struct Pending {
        var taskIndex: Int
        var placed: DateInterval
    }

    /// The state of one run: the two random streams, what is on the calendar, and the tallies.
    struct Progress {
        // Requests and ratings draw from separate streams, so every learner faces the same requests.
        var requests: SeededGenerator
        var ratings: SeededGenerator
        var pending: [Pending] = []
        var metrics: [WeekMetrics]
    }

    func run(with driver: inout some PlacementDriver, measured: MeasuredLearner) async throws -> [WeekMetrics] {
        var progress = Progress(requests: SeededGenerator(seed: user.seed), ratings: SeededGenerator(seed: user.seed ^ 0x5EED_0F_0A7E5),
                                metrics: (0..<weeks).map { WeekMetrics(week: $0 + 1) })
        for day in 0..<(weeks * 7) {
            let week = day / 7
            let morning = UserRun.firstMonday.addingTimeInterval(Double(day) * 86_400 + UserRun.morning)
            let llmBefore = driver.llmCalls
            let updatesBefore = measured.updateCount
            try await askForTodaysTasks(at: morning, week: week, driver: &driver, &progress)
            try await reportEventsEnding(before: morning.addingTimeInterval(86_400), week: week, driver: &driver, &progress)
            progress.metrics[week].llmCalls += driver.llmCalls - llmBefore
            progress.metrics[week].updateNanoseconds += measured.durations(from: updatesBefore)
        }
        return progress.metrics
    }

    /// "schedule <task>" for each of today's tasks, each placement judged against the hidden truth.
    func askForTodaysTasks(at now: Date, week: Int, driver: inout some PlacementDriver, _ progress: inout Progress) async throws {
        for taskIndex in todaysTasks(&progress.requests) {
            let decision = try await driver.schedule(taskName: user.tasks[taskIndex].name, at: now, today: requests == .today)
            guard let placed = decision.placed,
                  let judgement = oracle.judge(decision, truth: user.truth(for: taskIndex, week: week)) else {
                progress.metrics[week].unplaced += 1
                continue
            }
            progress.metrics[week].decisions += 1
            progress.metrics[week].regretTotal += judgement.regret
            progress.metrics[week].normalisedRegretTotal += judgement.normalisedRegret
            progress.metrics[week].topDecile += judgement.inTopDecile ? 1 : 0
            progress.pending.append(Pending(taskIndex: taskIndex, placed: placed))
        }
    }

    /// "done r/10" or "skip" for every event that ends before `horizon`, in calendar order.
    func reportEventsEnding(before horizon: Date, week: Int, driver: inout some PlacementDriver, _ progress: inout Progress) async throws {
        let due = progress.pending.filter { $0.placed.end <= horizon }.sorted { $0.placed.start < $1.placed.start }
        progress.pending.removeAll { $0.placed.end <= horizon }
        for event in due {
            let rating = outcome(of: event, ratings: &progress.ratings)
            if rating == nil { progress.metrics[week].skips += 1 }
            try await driver.report(taskName: user.tasks[event.taskIndex].name, placed: event.placed, rating: rating)
        }
    }

    /// Two or three distinct tasks, in random order.
    func todaysTasks(_ generator: inout SeededGenerator) -> [Int] {
        let count = generator.nextUnit() < 0.5 ? 2 : 3
        return Array(Array(user.tasks.indices).shuffled(using: &generator).prefix(count))
    }

    /// A 1...10 rating from the true quality at the event's hours plus noise, or nil for a skip.
    func outcome(of event: Pending, ratings: inout SeededGenerator) -> Int? {
        let week = Int(event.placed.start.timeIntervalSince(UserRun.firstMonday) / (7 * 86_400))
        let truth = user.truth(for: event.taskIndex, week: week)
        let quality = SlotOracle.quality(of: event.placed, truth: truth, UserRun.timeZone)
        // People skip bad slots more than good ones.
        if ratings.nextUnit() < user.skipRate * 2 * (1 - quality) { return nil }
        let noisy = quality + user.ratingNoise * ratings.nextGaussian()
        return min(10, max(1, Int((noisy * 10).rounded())))
    }
}
