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
    /// Every event placed and not long over, whatever its outcome.
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
        // Done and skipped events keep their time, as in the engine; only those long over can be forgotten.
        scheduled.removeAll { $0.interval.end < now.addingTimeInterval(-86_400) }
        let window = DateInterval(start: now, end: now.addingTimeInterval(Double(searchDays) * 86_400))
        let request = PlacementBuilder(learner: learner).request(for: type, durationMinutes: type.typicalDurationMinutes,
                                                                 window: window, user: profile, busy: busyBlocks(), now: now)
        guard let best = finder.find(request).first else { return Decision(choice: request, placed: nil) }
        type.recentScheduleCount += 1
        types[type.name] = type
        let placed = DateInterval(start: best.start, end: best.end)
        scheduled.append((type.name, placed))
        return Decision(choice: request, placed: placed)
    }

    public mutating func report(taskName: String, placed: DateInterval, rating: Int?) async throws {
        let name = TaskName.normalise(taskName)
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

    /// The user as the engine would store them: standard hours in this driver's zone, the energy learned so far.
    var profile: UserProfile {
        UserProfile(id: userID, timeZoneIdentifier: timeZone.identifier, availability: availability, energy: energy,
                    role: nil, onboarding: .done, createdAt: UserRun.firstMonday)
    }

    func busyBlocks() -> [BusyBlock] {
        scheduled.map { event in
            let recovery = types[event.typeName].map { $0.needsRecovery ? $0.recoveryMinutes : 0 } ?? 0
            return BusyBlock(start: event.interval.start, end: event.interval.end, recoveryMinutes: recovery)
        }
    }
}
