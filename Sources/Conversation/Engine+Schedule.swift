import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    func schedule(_ command: ScheduleRequest, _ turn: inout Turn) throws {
        let taskName = command.task
        guard acceptable(taskName: taskName, &turn) else { return }
        var (type, created) = try findOrCreateTaskType(named: taskName, &turn)
        let duration = command.durationMinutes ?? type.typicalDurationMinutes
        guard PlacementBuilder.durationLimits.contains(duration) else {
            turn.say("I can schedule tasks from 5 minutes to 24 hours long; \(TimeFormat.duration(duration)) is outside that.")
            return
        }
        guard let placement = try place(type: type, duration: duration, when: command.when, exactly: command.isClockSpan, excluding: nil, &turn) else { return }
        try countSchedule(&type, &turn)
        try turn.session.save(&type)
        var event = Event(userID: turn.user.id, taskTypeID: type.id ?? 0, title: eventTitle(said: taskName, type: type),
                          start: placement.slot.start, end: placement.slot.end, createdAt: turn.now, score: placement.slot.score)
        try turn.save(&event)
        try turn.session.setValue(event.id.map(String.init), forKey: Engine.lastSuggestionKey(turn.user.id))
        turn.event = summary(of: event, type: type)
        var line = "\(turn.format.range(event.start, event.end)) \(event.title): \(placement.reason) (score \(TimeFormat.score(placement.slot.score)))."
        if created {
            line += " New task type, \(type.category.rawValue); I'll learn its best times as you go."
        } else if event.title != type.displayName {
            line += " I'll learn its times together with your \(type.displayName)."
        }
        turn.say(line)
        if !placement.alternatives.isEmpty {
            let others = placement.alternatives.map { "\(turn.format.dayAndClock($0.start)) (\(TimeFormat.score($0.score)))" }
            turn.say("Also good: \(others.joined(separator: ", ")).")
        }
    }

    struct Placement {
        var slot: ScoredSlot
        var reason: String
        var alternatives: [ScoredSlot]
    }

    /// Decides where an event goes: the user's exact time when free, else the best slot in the window they named.
    /// Says why it cannot, and returns nil, when nothing fits.
    /// `exactly` says the user named the span itself ("2-4pm"), so it goes at the span's start.
    func place(type: TaskType, duration: Int, when: ResolvedTime?, exactly: Bool = false, excluding: Int64?, _ turn: inout Turn) throws -> Placement? {
        let request = try slotRequest(type: type, duration: duration, window: searchWindow(for: when, turn), excluding: excluding, turn)
        if let when, exactly || when.end == nil && when.open == nil && when.grain <= .hour {
            return try placeExactly(at: when.start, request: request, type: type, &turn)
        }
        guard request.window.duration > 0 else {
            turn.say("That time is already over. Try a time from now on, e.g. \"tomorrow morning\".")
            return nil
        }
        let slots = finder.find(request)
        guard let best = slots.first else {
            turn.say("I found no free \(TimeFormat.duration(duration)) slot for \(type.displayName) \(windowDescription(request.window, turn)) within your available hours. Try another day, a shorter duration, or change your hours with: available weekdays 07:00-21:00")
            return nil
        }
        let reason = when == nil ? "your best window this week" : "your best window in the time you gave"
        return Placement(slot: best, reason: reason, alternatives: Array(slots.dropFirst()))
    }

    private func placeExactly(at start: Date, request: SlotRequest, type: TaskType, _ turn: inout Turn) throws -> Placement? {
        guard start >= turn.now.addingTimeInterval(-60) else {
            turn.say("\(turn.format.dayAndClock(start)) has already passed. Pick a later time, or leave the time out and I'll find the best one.")
            return nil
        }
        switch finder.check(start: start, request: request) {
        case .free(let slot):
            return Placement(slot: slot, reason: "at the time you asked", alternatives: [])
        case .clash(let block, let alternatives):
            var text = "\(turn.format.dayAndClock(start)) clashes with \(block.title.isEmpty ? "another event" : block.title) (\(turn.format.range(block.start, block.end))"
            text += block.recoveryMinutes > 0 ? " plus \(block.recoveryMinutes) min recovery)." : ")."
            if alternatives.isEmpty {
                text += " I found no free time near it."
            } else {
                text += " Nearest free: " + alternatives.map { turn.format.dayAndClock($0.start) }.joined(separator: ", ") + "."
            }
            turn.say(text)
            return nil
        }
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

    func windowDescription(_ window: DateInterval, _ turn: Turn) -> String {
        "between \(turn.format.dayAndClock(window.start)) and \(turn.format.dayAndClock(window.end))"
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
