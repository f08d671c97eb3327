import Foundation
import SchedulerCore
import StoreProtocols

extension Engine {
    /// How long after a booking "that's a different task" still splits it off.
    static let separateWindow: TimeInterval = 24 * 3600

    /// "that's a different task": the task the user booked last, which the matcher joined to one of their task
    /// types, gets a type of its own, named as they said it. Nothing was learned from the booking yet (only its
    /// count for smart sync moves along); later bookings of that name find the new type by its exact name.
    func separateTask(_ turn: inout Turn) throws -> SeparateOutcome {
        guard let change = try lastChange(turn), change.kind == .schedule, turn.now.timeIntervalSince(change.at) < Engine.separateWindow,
              let eventID = change.eventID, var event = try turn.session.event(id: eventID), event.userID == turn.user.id,
              event.status == .scheduled, let joined = try turn.session.taskType(id: event.taskTypeID) else { return .nothingJoined }
        guard TaskName.normalise(event.title) != TaskName.normalise(joined.displayName) else { return .alreadyItsOwn(event) }
        var own = try turn.session.taskType(of: turn.user.id, named: TaskName.normalise(event.title))
            ?? TaskType(userID: turn.user.id, displayName: TaskName.clean(event.title), category: settings.categories.category(for: event.title))
        try uncountSchedule(of: event, turn)
        try countSchedule(&own, &turn)
        try turn.session.save(&own)
        event.taskTypeID = own.id ?? 0
        try turn.save(&event)
        turn.event = summary(of: event, type: own)
        return .separated(event, from: joined, into: own)
    }
}
