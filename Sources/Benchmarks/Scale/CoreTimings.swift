import Foundation
import SchedulerCore

/// The pure core on its own, with no store: one slot search over a full week, and one learning update.
enum CoreTimings {
    /// Median of `repetitions` timed runs of `body`, in microseconds (the median ignores scheduler hiccups).
    static func median(_ repetitions: Int, _ body: () -> Int) -> (microseconds: Double, checksum: Int) {
        var samples: [Double] = []
        samples.reserveCapacity(repetitions)
        var checksum = 0
        let clock = ContinuousClock()
        for _ in 0..<repetitions {
            let started = clock.now
            checksum &+= body()
            samples.append((clock.now - started).microseconds)
        }
        return (LatencySummary(microseconds: samples).p50, checksum)
    }

    /// A week (Monday to Monday, Europe/Berlin) whose available hours hold a 45-minute event every 90 minutes,
    /// searched for a one-hour slot at 15-minute steps.
    static func fullWeekRequest() -> SlotRequest {
        let zone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        let week = LocalWeek(timeZone: zone)
        let monday = week.startOfDay(Population.defaultNow)
        var busy: [BusyBlock] = []
        for day in 0..<7 {
            let dayStart = monday.addingTimeInterval(Double(day) * 86_400)
            for k in 0..<8 {
                let start = dayStart.addingTimeInterval(8 * 3600 + Double(k) * 90 * 60)
                busy.append(BusyBlock(start: start, end: start.addingTimeInterval(45 * 60), recoveryMinutes: k % 3 == 0 ? 15 : 0,
                                      title: "busy \(day)-\(k)"))
            }
        }
        let window = DateInterval(start: monday, end: monday.addingTimeInterval(7 * 86_400))
        return SlotRequest(habit: CategoryPriors.habitGrid(for: .focused), energy: EnergyPattern.neutral.energy,
                           durationMinutes: 60, window: window, availability: .standard, timeZone: zone, busy: busy)
    }

    static func slotFinder(repetitions: Int) -> Double {
        let request = fullWeekRequest()
        let finder = SlotFinder()
        return median(repetitions) { finder.find(request).count }.microseconds
    }

    /// What the engine does per "done": the event's local hours, then the learner's update of habit and energy.
    /// One outcome in four goes against what was learned, so the forgetting a surprise sets off is timed too.
    static func learningUpdate(repetitions: Int, learner: any Learner = Learners.standard) -> Double {
        let week = LocalWeek(timeZone: TimeZone(identifier: "Europe/Berlin") ?? .gmt)
        var type = TaskType(userID: "bench", displayName: "deep coding", category: .focused)
        var energy = EnergyPattern.neutral
        let start = Population.defaultNow
        let signals = [0.8, 0.75, 0.85, 0.2]
        var round = 0
        return median(repetitions) {
            let slots = week.slots(from: start, to: start.addingTimeInterval(2 * 3600))
            round += 1
            learner.learn(Outcome(slots: slots, signal: signals[round % signals.count], energyAfter: 0.7, completed: true),
                          taskType: &type, energy: &energy)
            return slots.count
        }.microseconds
    }

    /// What the learner adds per placement: the week it wants scored, from a type and energy with some evidence.
    static func scoringWeek(repetitions: Int, learner: any Learner = Learners.standard) -> Double {
        let week = LocalWeek(timeZone: TimeZone(identifier: "Europe/Berlin") ?? .gmt)
        var type = TaskType(userID: "bench", displayName: "deep coding", category: .focused)
        var energy = EnergyPattern.neutral
        for day in 0..<14 {
            let start = Population.defaultNow.addingTimeInterval(Double(day) * 86_400)
            let slots = week.slots(from: start, to: start.addingTimeInterval(3600))
            learner.learn(Outcome(slots: slots, signal: day % 3 == 0 ? 0.3 : 0.8, completed: true), taskType: &type, energy: &energy)
        }
        return median(repetitions) {
            learner.scoringWeek(for: type, energy: energy, seed: 7).habit[0] > 0.5 ? 1 : 0
        }.microseconds
    }
}
