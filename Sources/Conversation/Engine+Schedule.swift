import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    func schedule(_ command: ScheduleRequest, _ turn: inout Turn) throws -> ScheduleOutcome {
        let taskName = command.task
        if let problem = nameProblem(taskName) { return .badName(problem) }
        var (type, created) = try findOrCreateTaskType(named: taskName, &turn)
        let duration = command.durationMinutes ?? type.typicalDurationMinutes
        guard PlacementBuilder.durationLimits.contains(duration) else { return .durationOutOfRange(minutes: duration) }
        let placement: Placement
        switch try place(type: type, duration: duration, when: command.when, exactly: command.isClockSpan, excluding: nil, turn) {
        case .refused(let refusal): return .refused(refusal, task: type, durationMinutes: duration)
        case .placed(let placed): placement = placed
        }
        try countSchedule(&type, &turn)
        try turn.session.save(&type)
        var event = Event(userID: turn.user.id, taskTypeID: type.id ?? 0, title: eventTitle(said: taskName, type: type),
                          start: placement.slot.start, end: placement.slot.end, createdAt: turn.now, score: placement.slot.score)
        try turn.save(&event)
        turn.change = LastChange(.schedule, before: nil, after: event, at: turn.now)
        try turn.session.setValue(event.id.map(String.init), forKey: Engine.lastSuggestionKey(turn.user.id))
        turn.event = summary(of: event, type: type)
        return .placed(ScheduledEvent(event: event, type: type, placement: placement, typeIsNew: created))
    }

    /// Where an event goes: the core decides between the user's exact time (when free) and the best slot in
    /// the window they named. `exactly` says the user named the span itself ("2-4pm"), so it goes at its start.
    func place(type: TaskType, duration: Int, when: ResolvedTime?, exactly: Bool = false, excluding: Int64?, _ turn: Turn) throws -> PlacementDecision {
        let request = try slotRequest(type: type, duration: duration, window: searchWindow(for: when, turn), excluding: excluding, turn)
        let exactStart = when.flatMap { when in
            exactly || when.end == nil && when.open == nil && when.grain <= .hour ? when.start : nil
        }
        return finder.decide(request, exactStart: exactStart, timeGiven: when != nil, now: turn.now)
    }

    func slotRequest(type: TaskType, duration: Int, window: DateInterval, excluding: Int64?, _ turn: Turn) throws -> SlotRequest {
        placements.request(for: type, durationMinutes: duration, window: window, user: turn.user,
                           busy: try busyBlocks(around: window, excluding: excluding, turn), now: turn.now)
    }

    /// From now to `searchDays` ahead, or the part of the named day/interval that is still ahead.
    func searchWindow(for when: ResolvedTime?, _ turn: Turn) -> DateInterval {
        let defaultEnd = turn.now.addingTimeInterval(Double(settings.searchDays) * 86_400)
        guard let when else { return DateInterval(start: turn.now, end: defaultEnd) }
        let end: Date
        if let explicit = when.end {
            end = explicit
        } else if when.grain <= .hour {
            end = when.start.addingTimeInterval(36 * 3600)
        } else {
            end = turn.week.calendar.date(byAdding: when.grain.calendarComponent, value: 1, to: when.start) ?? defaultEnd
        }
        let start = max(when.start, turn.now)
        return DateInterval(start: start, end: max(start, end))
    }
}

extension TimeGrain {
    var calendarComponent: Calendar.Component {
        switch self {
        case .second: .second
        case .minute: .minute
        case .hour: .hour
        case .day: .day
        case .week: .weekOfYear
        case .month: .month
        case .year: .year
        }
    }
}
