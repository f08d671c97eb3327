import Foundation
import SchedulerCore
import SharedValues

/// The user's last change made by a command, kept (one level) so `undo` can take it back exactly and a
/// re-rating can replace the rating just given. Stored as an engine value per user, in the transaction of the change.
struct LastChange: Codable, Equatable {
    enum Kind: String, Codable {
        case schedule, move, cancel, done, skip, habitStart, habitStop
    }

    var kind: Kind
    /// The event changed; nil for a habit change.
    var eventID: Int64?
    /// The event before the change; nil when the change created it (a schedule, a done logged without a plan).
    var before: EventState?
    /// The event as the change left it: undo refuses when it is no longer so (something else changed it since).
    var after: EventState?
    /// For a habit change: the habit, and the sessions its stop cancelled.
    var habit: HabitChange?
    /// For a done or skip: what the learner knew before, and a fingerprint of what it knew after.
    var learned: LearnedChange?
    var at: Date

    init(_ kind: Kind, before: Event?, after: Event, learned: LearnedChange? = nil, at: Date) {
        self.kind = kind
        self.eventID = after.id ?? 0
        self.before = before.map(EventState.init)
        self.after = EventState(after)
        self.learned = learned
        self.at = at
    }

    init(_ kind: Kind, habit: HabitChange, at: Date) {
        self.kind = kind
        self.habit = habit
        self.at = at
    }
}

struct HabitChange: Codable, Equatable {
    var habitID: Int64
    /// A start that replaced an older habit of the same task (which undo does not bring back).
    var replacedOne: Bool
    var cancelledSessions: [Int64]
}

/// The parts of an event a command changes.
struct EventState: Codable, Equatable {
    var start: Date
    var end: Date
    var status: Event.Status
    var successRating: Double?
    var energyAfter: Double?
    var note: String?
    var score: Double?

    init(_ event: Event) {
        start = event.start
        end = event.end
        status = event.status
        successRating = event.successRating
        energyAfter = event.energyAfter
        note = event.note
        score = event.score
    }

    /// `event` with these parts put back.
    func applied(to event: Event) -> Event {
        var event = event
        event.start = start
        event.end = end
        event.status = status
        event.successRating = successRating
        event.energyAfter = energyAfter
        event.note = note
        event.score = score
        return event
    }

    /// Whether `event` is still as this state says; instants within a millisecond, since a store may keep them
    /// as seconds since 1970 and not bit for bit.
    func matches(_ event: Event) -> Bool {
        var same = EventState(event)
        if abs(same.start.timeIntervalSince(start)) < 0.001 { same.start = start }
        if abs(same.end.timeIntervalSince(end)) < 0.001 { same.end = end }
        return same == self
    }
}

/// A task type's learned week and the user's energy week: everything the learner changes on a done or skip.
struct LearnedState: Codable, Equatable {
    var habit: WeekGrid
    var confidence: WeekGrid
    var completionCount: Int
    var energy: WeekGrid
    var energyConfidence: WeekGrid

    init(_ type: TaskType, energy: EnergyPattern) {
        habit = type.habit
        confidence = type.confidence
        completionCount = type.completionCount
        self.energy = energy.energy
        energyConfidence = energy.confidence
    }

    /// Puts this state back on the type and the energy week, leaving everything else about them as it is now.
    func restore(_ type: inout TaskType, _ pattern: inout EnergyPattern) {
        type.habit = habit
        type.confidence = confidence
        type.completionCount = completionCount
        pattern = EnergyPattern(energy: energy, confidence: energyConfidence)
    }

    /// A fingerprint of every bit of the state, so "unchanged since" needs no second copy of the grids.
    var fingerprint: UInt64 {
        var hash = StableHash()
        for grid in [habit, confidence, energy, energyConfidence] {
            for value in grid.values { withUnsafeBytes(of: value.bitPattern.littleEndian) { hash.mix($0) } }
        }
        withUnsafeBytes(of: Int64(completionCount).littleEndian) { hash.mix($0) }
        return hash.value
    }
}

struct LearnedChange: Codable, Equatable {
    var taskTypeID: Int64
    var before: LearnedState
    var afterFingerprint: UInt64
}
