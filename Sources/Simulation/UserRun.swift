import Foundation
import SchedulerCore

/// One simulated user living `weeks` weeks with the bot.
///
/// Each morning at 07:30 they ask for two or three of their tasks without naming a time; each placed
/// event is done (rated from the hidden truth plus noise) or skipped when its time comes.
struct UserRun {
    static let firstMonday = Date(timeIntervalSince1970: 1_704_067_200) // 2024-01-01 00:00 UTC
    static let morning: TimeInterval = 7.5 * 3600

    let user: SyntheticUser
    let weeks: Int
    let oracle = SlotOracle()

    struct Pending {
        var taskIndex: Int
        var placed: DateInterval
    }

    func run(with driver: inout some PlacementDriver, measured: MeasuredLearner) async throws -> [WeekMetrics] {
        // Requests and ratings draw from separate streams, so every learner faces the same requests.
        var requests = SeededGenerator(seed: user.seed)
        var ratings = SeededGenerator(seed: user.seed ^ 0x5EED_0F_0A7E5)
        var metrics = (0..<weeks).map { WeekMetrics(week: $0 + 1) }
        var pending: [Pending] = []
        for day in 0..<(weeks * 7) {
            let week = day / 7
            let now = UserRun.firstMonday.addingTimeInterval(Double(day) * 86_400 + UserRun.morning)
            let llmBefore = driver.llmCalls
            let updatesBefore = measured.updateCount
            for taskIndex in todaysTasks(&requests) {
                let decision = try await driver.schedule(taskName: user.tasks[taskIndex].name, at: now)
                guard let placed = decision.placed,
                      let judgement = oracle.judge(decision, truth: user.truth(for: taskIndex, week: week)) else {
                    metrics[week].unplaced += 1
                    continue
                }
                metrics[week].decisions += 1
                metrics[week].regretTotal += judgement.regret
                metrics[week].topDecile += judgement.inTopDecile ? 1 : 0
                pending.append(Pending(taskIndex: taskIndex, placed: placed))
            }
            let nextMorning = now.addingTimeInterval(86_400)
            let due = pending.filter { $0.placed.end <= nextMorning }.sorted { $0.placed.start < $1.placed.start }
            pending.removeAll { $0.placed.end <= nextMorning }
            for event in due {
                let rating = outcome(of: event, ratings: &ratings)
                if rating == nil { metrics[week].skips += 1 }
                try await driver.report(taskName: user.tasks[event.taskIndex].name, placed: event.placed, rating: rating)
            }
            metrics[week].llmCalls += driver.llmCalls - llmBefore
            metrics[week].updateNanoseconds += measured.durations(from: updatesBefore)
        }
        return metrics
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
        let slots = LocalWeek(timeZone: TimeZone(identifier: "UTC") ?? .current).slots(from: event.placed.start, to: event.placed.end)
        let quality = slots.isEmpty ? 0.5 : slots.reduce(0) { $0 + truth[$1] } / Double(slots.count)
        // People skip bad slots more than good ones.
        if ratings.nextUnit() < user.skipRate * 2 * (1 - quality) { return nil }
        let noisy = quality + user.ratingNoise * ratings.nextGaussian()
        return min(10, max(1, Int((noisy * 10).rounded())))
    }
}
