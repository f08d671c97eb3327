import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    func cancel(_ command: EventChoice, _ turn: inout Turn) throws {
        guard var event = try upcomingEvent(named: command.task, when: command.when, verb: "cancel", &turn) else { return }
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
        guard let placement = try place(type: type, duration: duration, when: command.to, exactly: command.isClockSpan, excluding: event.id, &turn) else { return }
        event.start = placement.slot.start
        event.end = placement.slot.end
        event.score = placement.slot.score
        try turn.save(&event)
        turn.event = summary(of: event, type: type)
        turn.say("Moved \(event.title) from \(from) to \(turn.format.range(event.start, event.end)): \(placement.reason) (score \(TimeFormat.score(placement.slot.score))).")
    }

    /// The next scheduled event of the named task (or the latest one already started); a time said
    /// with it ("cancel gym tomorrow") picks among them.
    private func upcomingEvent(named said: String?, when: ResolvedTime? = nil, verb: String, _ turn: inout Turn) throws -> Event? {
        guard let said = said.map(TaskName.clean), !said.isEmpty else {
            if let when, let only = try eventsAt(when, turn).onlyElement { return only }
            turn.say("Which task should I \(verb)? For example: \(verb) deep coding")
            return nil
        }
        let window = DateInterval(start: turn.now.addingTimeInterval(-86_400), end: turn.now.addingTimeInterval(366 * 86_400))
        var events = try events(named: said, around: window, turn)
        if events.isEmpty, try existingTaskType(named: said, turn) == nil {
            turn.say("You have no task called \"\(said)\". Say \"agenda\" to see what's scheduled.")
            return nil
        }
        if let when {
            let asked = DateInterval(start: when.start, end: max(when.start, when.end ?? when.start.addingTimeInterval(86_400)))
            events = events.filter { $0.start < asked.end && $0.end > asked.start }
        }
        guard let event = events.first(where: { $0.end > turn.now }) ?? events.last else {
            turn.say("\(TaskName.display(said)) has nothing scheduled to \(verb)\(when == nil ? "" : " then").")
            return nil
        }
        return event
    }

    /// The scheduled events overlapping a time said.
    private func eventsAt(_ when: ResolvedTime, _ turn: Turn) throws -> [Event] {
        let asked = DateInterval(start: when.start, end: max(when.start.addingTimeInterval(60), when.end ?? when.start.addingTimeInterval(when.grain == .day ? 86_400 : 3600)))
        return try turn.session.events(of: turn.user.id, overlapping: asked, statuses: [.scheduled])
    }
}

extension Array {
    var onlyElement: Element? { count == 1 ? first : nil }
}
