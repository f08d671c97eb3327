import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    func cancel(_ command: EventChoice, _ turn: inout Turn) throws -> CancelOutcome {
        var event: Event
        switch try upcomingEvent(named: command.task, when: command.when, verb: "cancel", turn) {
        case .failure(let problem): return .notFound(problem)
        case .success(let found): event = found
        }
        let before = event
        event.status = .cancelled
        try turn.save(&event)
        turn.change = LastChange(.cancel, before: before, after: event, at: turn.now)
        if let type = try turn.session.taskType(id: event.taskTypeID) { turn.event = summary(of: event, type: type) }
        return .cancelled(event)
    }

    func move(_ command: MoveRequest, _ turn: inout Turn) throws -> MoveOutcome {
        var event: Event
        switch try upcomingEvent(named: command.task, when: command.from, verb: "move", turn) {
        case .failure(let problem): return .notFound(problem)
        case .success(let found): event = found
        }
        guard let type = try turn.session.taskType(id: event.taskTypeID) else { return .taskTypeMissing }
        let duration = command.durationMinutes ?? event.durationMinutes
        guard PlacementBuilder.durationLimits.contains(duration) else { return .durationOutOfRange(minutes: duration) }
        let from = DateInterval(start: event.start, end: event.end)
        let placement: Placement
        switch try place(type: type, duration: duration, when: destination(of: command, for: event, turn), exactly: command.isClockSpan, excluding: event.id, turn) {
        case .refused(let refusal): return .refused(refusal, task: type, durationMinutes: duration)
        case .placed(let placed): placement = placed
        }
        let before = event
        event.start = placement.slot.start
        event.end = placement.slot.end
        event.score = placement.slot.score
        try turn.save(&event)
        turn.change = LastChange(.move, before: before, after: event, at: turn.now)
        turn.event = summary(of: event, type: type)
        return .moved(event, from: from, placement: placement)
    }

    /// A time of day alone keeps the event's day ("move gym to 7"), unless that time is already over; "same
    /// time" keeps the event's time of day on the day named; a shift ("push gym back an hour") moves the event's own start.
    private func destination(of command: MoveRequest, for event: Event, _ turn: Turn) -> ResolvedTime? {
        if let shift = command.shift { return ResolvedTime(start: shift.applied(to: event.start, in: turn.user.timeZone), grain: .minute) }
        guard let to = command.to else { return nil }
        if command.keepsEventTime { return to.atTimeOfDay(of: event.start, in: turn.user.timeZone) }
        guard command.keepsEventDay else { return to }
        let onEventsDay = to.onDay(of: event.start, in: turn.user.timeZone)
        return (onEventsDay.end ?? onEventsDay.start) > turn.now ? onEventsDay : to
    }

    /// The next scheduled event of the named task (or the latest one already started); a time said
    /// with it ("cancel gym tomorrow") picks among them. "it" or "that" is the event the conversation is about.
    private func upcomingEvent(named said: String?, when: ResolvedTime? = nil, verb: String, _ turn: Turn) throws -> Result<Event, EventLookupProblem> {
        if let said, Engine.eventPronouns.contains(TaskName.normalise(said)) {
            guard let event = try conversationEvent(turn), event.status == .scheduled else { return .failure(.noTaskNamed(verb: verb)) }
            return .success(event)
        }
        guard let said = said.map(TaskName.clean), !said.isEmpty else {
            guard let when else { return .failure(.noTaskNamed(verb: verb)) }
            let then = try eventsAt(when, turn)
            if let only = then.onlyElement { return .success(only) }
            return .failure(then.isEmpty ? .nothingAtTimeSaid(verb: verb) : .noTaskNamed(verb: verb))
        }
        let window = DateInterval(start: turn.now.addingTimeInterval(-86_400), end: turn.now.addingTimeInterval(366 * 86_400))
        var events = try events(named: said, around: window, turn)
        if events.isEmpty, try existingTaskType(named: said, turn) == nil { return .failure(.unknownTask(said: said)) }
        if let when {
            let asked = when.spanOrDay
            events = events.filter { $0.start < asked.end && $0.end > asked.start }
        }
        guard let event = events.first(where: { $0.end > turn.now }) ?? events.last else {
            return .failure(.nothingScheduled(said: said, verb: verb, atTimeSaid: when != nil))
        }
        return .success(event)
    }

    /// The scheduled events overlapping a time said.
    private func eventsAt(_ when: ResolvedTime, _ turn: Turn) throws -> [Event] {
        let asked = DateInterval(start: when.start, end: max(when.start.addingTimeInterval(60), when.end ?? when.start.addingTimeInterval(when.grain == .day ? 86_400 : 3600)))
        return try turn.session.events(of: turn.user.id, overlapping: asked, statuses: [.scheduled])
    }
}

extension Engine {
    /// "skip essay today" then "move essay to saturday": a task of the user's with nothing left to move (skipped,
    /// missed or done) is booked anew where the move says. Only for a destination that stands alone (not a time of
    /// day or "same time", which need the event's day or time, nor a shift).
    static func rebooking(_ request: MoveRequest, after outcome: MoveOutcome) -> ScheduleRequest? {
        guard case .notFound(.nothingScheduled(_, _, atTimeSaid: false)) = outcome, let to = request.to, request.shift == nil,
              !request.keepsEventDay, !request.keepsEventTime, !eventPronouns.contains(TaskName.normalise(request.task)) else { return nil }
        return ScheduleRequest(task: request.task, when: to, durationMinutes: request.durationMinutes, isClockSpan: request.isClockSpan)
    }

    /// Words that stand for the event just talked about.
    static let eventPronouns: Set<String> = ["it", "that", "this", "this one", "that one", "the last one", "the same one"]

    /// Keeps the event a reply was about, so "move it to 3pm" or "cancel that" in the next message finds it. A
    /// booking that failed leaves none: "actually make that thursday" then is about the failed request, not an
    /// older event.
    func rememberConversationEvent(_ turn: Turn) throws {
        guard let id = turn.event?.id, !id.isEmpty else {
            if turn.intent == .schedule { try turn.session.setValue("", forKey: Engine.conversationEventKey(turn.user.id)) }
            return
        }
        try turn.session.setValue(id, forKey: Engine.conversationEventKey(turn.user.id))
    }

    /// An agenda answer that names one scheduled event ("when's my next run?", a day with one event) makes it the
    /// event talked about: "push it back an hour" next moves that one.
    func rememberListedEvent(_ outcome: AgendaOutcome, _ turn: Turn) throws {
        let shown: Event?
        switch outcome {
        case .next(let event): shown = event
        case .listing(_, let events, let imported): shown = imported.isEmpty ? events.filter { $0.status == .scheduled }.onlyElement : nil
        case .nothingComing, .nothingComingFor, .empty: shown = nil
        }
        guard let id = shown?.id else { return }
        try turn.session.setValue(String(id), forKey: Engine.conversationEventKey(turn.user.id))
    }

    func conversationEvent(_ turn: Turn) throws -> Event? {
        guard let id = try turn.session.value(forKey: Engine.conversationEventKey(turn.user.id)).flatMap(Int64.init),
              let event = try turn.session.event(id: id), event.userID == turn.user.id else { return nil }
        return event
    }

    static func conversationEventKey(_ userID: String) -> String { "conversation.event." + userID }
}

extension Array {
    var onlyElement: Element? { count == 1 ? first : nil }
}

extension ResolvedTime {
    /// The time said as a span: to its own end, or a day on from its start when it has none.
    var spanOrDay: DateInterval { DateInterval(start: start, end: max(start, end ?? start.addingTimeInterval(86_400))) }
}
