import Coaching
import Foundation
import SchedulerCore

/// Drives the pure core exactly as the engine does: the learner's scoring week, the slot finder,
/// the engine's search window and busy time, and the learner's update on done / skip.
public struct CoreDriver: PlacementDriver {
    let userID: String
    let learner: any Learner
    let categories: CategoryLexicon
    let searchDays: Int
    let finder = SlotFinder()
    let availability = Availability.standard
    let timeZone: TimeZone
    var types: [String: TaskType] = [:]
    var energy = EnergyPattern.neutral
    var scheduled: [(typeName: String, interval: DateInterval)] = []

    public init(userID: String, learner: any Learner, categories: CategoryLexicon = .minimal, searchDays: Int = 7,
                timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) {
        self.userID = userID
        self.learner = learner
        self.categories = categories
        self.searchDays = searchDays
        self.timeZone = timeZone
    }

    public var llmCalls: Int { 0 }

    public mutating func schedule(taskName: String, at now: Date) async throws -> Decision {
        var type = taskType(named: taskName)
        let window = DateInterval(start: now, end: now.addingTimeInterval(Double(searchDays) * 86_400))
        let seed = ExplorationSeed.derive(userID: userID, taskName: type.name, at: now)
        let request = SlotRequest(habit: learner.scoringHabit(for: type, seed: seed), energy: energy.energy,
                                  durationMinutes: type.typicalDurationMinutes, window: window,
                                  availability: availability, timeZone: timeZone, busy: busyBlocks(),
                                  recoveryMinutes: type.needsRecovery ? type.recoveryMinutes : 0)
        guard let best = finder.find(request).first else { return Decision(choice: request, placed: nil) }
        type.recentScheduleCount += 1
        types[type.name] = type
        let placed = DateInterval(start: best.start, end: best.end)
        scheduled.append((type.name, placed))
        return Decision(choice: request, placed: placed)
    }

    public mutating func report(taskName: String, placed: DateInterval, rating: Int?) async throws {
        let name = TaskName.normalise(taskName)
        scheduled.removeAll { $0.typeName == name && $0.interval == placed }
        guard var type = types[name] else { return }
        let slots = LocalWeek(timeZone: timeZone).slots(from: placed.start, to: placed.end)
        let signal = rating.map { Double($0) / 10 } ?? Outcome.skippedSignal
        learner.learn(Outcome(slots: slots, signal: signal, completed: rating != nil), taskType: &type, energy: &energy)
        types[name] = type
    }

    mutating func taskType(named taskName: String) -> TaskType {
        let name = TaskName.normalise(taskName)
        if let existing = types[name] { return existing }
        let created = TaskType(userID: userID, displayName: taskName, category: categories.category(for: taskName))
        types[name] = created
        return created
    }

    func busyBlocks() -> [BusyBlock] {
        scheduled.map { event in
            let recovery = types[event.typeName].map { $0.needsRecovery ? $0.recoveryMinutes : 0 } ?? 0
            return BusyBlock(start: event.interval.start, end: event.interval.end, recoveryMinutes: recovery)
        }
    }
}
