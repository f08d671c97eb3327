import Foundation
import Language
import SchedulerCore
import Storage

extension Engine {
    func cancel(_ command: EventChoice, _ turn: inout Turn) throws {
        guard var event = try upcomingEvent(named: command.task, verb: "cancel", &turn) else { return }
        event.status = .cancelled
        try turn.save(&event)
        if let type = try turn.session.taskType(id: event.taskTypeID) { turn.event = summary(of: event, type: type) }
        turn.say("Cancelled \(event.title) (\(turn.format.range(event.start, event.end))).")
    }

    func move(_ command: MoveRequest, _ turn: inout Turn) throws {
        guard var event = try upcomingEvent(named: command.task, verb: "move", &turn) else { return }
        guard let type = try turn.session.taskType(id: event.taskTypeID) else { return }
        let duration = command.durationMinutes ?? event.durationMinutes
        guard PlacementBuilder.durationLimits.contains(duration) else {
            turn.say("I can schedule tasks from 5 minutes to 24 hours long; \(TimeFormat.duration(duration)) is outside that.")
            return
        }
        let from = turn.format.range(event.start, event.end)
        guard let placement = try place(type: type, duration: duration, when: command.to, excluding: event.id, &turn) else { return }
        event.start = placement.slot.start
        event.end = placement.slot.end
        event.score = placement.slot.score
        try turn.save(&event)
        turn.event = summary(of: event, type: type)
        turn.say("Moved \(event.title) from \(from) to \(turn.format.range(event.start, event.end)): \(placement.reason) (score \(TimeFormat.score(placement.slot.score))).")
    }

    /// The next scheduled event of the named task (or the latest one already started).
    private func upcomingEvent(named taskName: String?, verb: String, _ turn: inout Turn) throws -> Event? {
        guard let taskName, !taskName.isEmpty else {
            turn.say("Which task should I \(verb)? For example: \(verb) deep coding")
            return nil
        }
        guard let type = try existingTaskType(named: taskName, turn), let typeID = type.id else {
            turn.say("You have no task called \"\(taskName)\". Say \"agenda\" to see what's scheduled.")
            return nil
        }
        let window = DateInterval(start: turn.now.addingTimeInterval(-86_400), end: turn.now.addingTimeInterval(366 * 86_400))
        let events = try turn.session.events(of: turn.user.id, overlapping: window, statuses: [.scheduled])
            .filter { $0.taskTypeID == typeID }
        guard let event = events.first(where: { $0.end > turn.now }) ?? events.last else {
            turn.say("\(type.displayName) has nothing scheduled to \(verb).")
            return nil
        }
        return event
    }
}
