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
    let matcher = TaskTypeMatcher()
    let availability = Availability.standard
    let timeZone: TimeZone
    var types: [String: TaskType] = [:]
    var energy = EnergyPattern.neutral
    /// Every event placed and not long over, whatever its outcome; task type ids are their order of creation.
    var calendar: [Event] = []

    public init(userID: String, learner: any Learner, categories: CategoryLexicon = .minimal, searchDays: Int = 7,
                timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) {
        self.userID = userID
        self.learner = learner
        self.categories = categories
        self.searchDays = searchDays
        self.timeZone = timeZone
    }

    public var llmCalls: Int { 0 }

    public mutating func schedule(taskName: String, at now: Date, today: Bool) async throws -> Decision {
        var type = taskType(named: taskName)
        // Done and skipped events keep their time, as in the engine; only those long over can be forgotten.
        calendar.removeAll { $0.end < now.addingTimeInterval(-86_400) }
        let window = CoreDriver.searchWindow(from: now, today: today, days: searchDays, timeZone: timeZone)
        let request = PlacementBuilder(learner: learner).request(for: type, durationMinutes: type.typicalDurationMinutes,
                                                                 window: window, user: profile, busy: busyBlocks(), now: now)
        guard let best = finder.find(request).first else { return Decision(choice: request, placed: nil) }
        type.recentScheduleCount += 1
        types[type.name] = type
        let placed = DateInterval(start: best.start, end: best.end)
        calendar.append(Event(userID: userID, taskTypeID: type.id ?? 0, title: type.displayName, start: best.start, end: best.end,
                              createdAt: now, score: best.score))
        return Decision(choice: request, placed: placed)
    }

    public mutating func report(taskName: String, placed: DateInterval, rating: Int?) async throws {
        var type = taskType(named: taskName)
        let name = type.name
        if let index = calendar.firstIndex(where: { $0.taskTypeID == type.id && $0.start == placed.start && $0.end == placed.end }) {
            calendar[index].status = rating == nil ? .skipped : .done
        }
        let slots = LocalWeek(timeZone: timeZone).slots(from: placed.start, to: placed.end)
        let signal = rating.map { Double($0) / 10 } ?? Outcome.skippedSignal
        learner.learn(Outcome(slots: slots, signal: signal, completed: rating != nil), taskType: &type, energy: &energy)
        types[name] = type
    }

    /// The user's type of that name, else the one the engine's matcher says means the same, else a new one.
    mutating func taskType(named taskName: String) -> TaskType {
        let name = TaskName.normalise(taskName)
        if let existing = types[name] { return existing }
        let known = types.values.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        if let match = matcher.bestMatch(for: taskName, amongNames: known.map(\.displayName)) { return known[match.index] }
        var created = TaskType(userID: userID, displayName: taskName, category: categories.category(for: taskName))
        created.id = Int64(types.count + 1)
        types[name] = created
        return created
    }

    /// The engine's search: the rest of today for "today", else the next `days` days.
    static func searchWindow(from now: Date, today: Bool, days: Int, timeZone: TimeZone) -> DateInterval {
        guard today else { return DateInterval(start: now, end: now.addingTimeInterval(Double(days) * 86_400)) }
        let week = LocalWeek(timeZone: timeZone)
        let midnight = week.addingDays(1, to: week.startOfDay(now)) ?? now.addingTimeInterval(86_400)
        return DateInterval(start: now, end: max(now, midnight))
    }

    /// The user as the engine would store them: standard hours in this driver's zone, the energy learned so far.
    var profile: UserProfile {
        UserProfile(id: userID, timeZoneIdentifier: timeZone.identifier, availability: availability, energy: energy,
                    role: nil, onboarding: .done, createdAt: UserRun.firstMonday)
    }

    func busyBlocks() -> [BusyBlock] {
        var rest: [Int64: Int] = [:]
        for type in types.values {
            if let id = type.id { rest[id] = TaskType.restAfter(cognitiveLoad: type.cognitiveLoad, recoveryMinutes: type.recoveryMinutes) }
        }
        return PlacementBuilder.busyBlocks(for: calendar, restAfter: rest)
    }
}
