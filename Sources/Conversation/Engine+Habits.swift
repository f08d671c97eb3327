import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    /// Creates (or replaces) the habit and places this week's occurrences at once.
    func startHabit(_ request: RecurrenceRequest, _ turn: inout Turn) throws -> HabitOutcome {
        if let problem = nameProblem(request.task) { return .badName(problem) }
        let (type, _) = try findOrCreateTaskType(named: request.task, &turn)
        guard let typeID = type.id else { return .taskTypeMissing }
        let duration = request.durationMinutes ?? type.typicalDurationMinutes
        guard PlacementBuilder.durationLimits.contains(duration) else { return .durationOutOfRange(minutes: duration) }
        var replaced = false
        for var old in try turn.session.habits(of: turn.user.id, activeOnly: true) where old.taskTypeID == typeID {
            _ = try end(&old, turn.session, now: turn.now)
            replaced = true
        }
        let days: HabitDays = request.weekdays.map { .fixed(Set($0)) } ?? .timesPerWeek(request.timesPerWeek ?? 1)
        let window = request.windowStartMinute.flatMap { start in request.windowEndMinute.flatMap { DayWindow(startMinute: start, endMinute: $0) } }
        var habit = Habit(userID: turn.user.id, taskTypeID: typeID, title: eventTitle(said: request.task, type: type), days: days,
                          minuteOfDay: request.minuteOfDay, window: window, durationMinutes: duration, createdAt: turn.now)
        try turn.session.save(&habit)
        if let id = habit.id { turn.change = LastChange(.habitStart, habit: HabitChange(habitID: id, replacedOne: replaced, cancelledSessions: []), at: turn.now) }
        let scope = try ProactiveScope(session: turn.session, user: turn.user, now: turn.now)
        return .started(habit, replacedOne: replaced, thisWeek: try place(habit, scope))
    }

    func listHabits(_ turn: inout Turn) throws -> HabitListOutcome {
        let habits = try turn.session.habits(of: turn.user.id, activeOnly: true)
        guard !habits.isEmpty else { return .none }
        let scope = try ProactiveScope(session: turn.session, user: turn.user, now: turn.now)
        var weeks: [HabitWeek] = []
        for habit in habits {
            guard let id = habit.id else { continue }
            let occurrences = try turn.session.occurrences(of: id, overlapping: scope.thisWeek)
            weeks.append(HabitWeek(habit: habit, done: occurrences.filter { $0.status == .done }.count,
                                   next: occurrences.first { $0.status == .scheduled && $0.start > turn.now }))
        }
        return .habits(weeks)
    }

    func stopHabit(named name: String, _ turn: inout Turn) throws -> StopHabitOutcome {
        let habits = try turn.session.habits(of: turn.user.id, activeOnly: true)
        guard var habit = habits.first(where: { TaskNameMatch.same(name, $0.title) }) else {
            return .unknown(said: name, active: habits.map(\.title))
        }
        let cancelled = try end(&habit, turn.session, now: turn.now)
        if let id = habit.id {
            turn.change = LastChange(.habitStop, habit: HabitChange(habitID: id, replacedOne: false, cancelledSessions: cancelled.compactMap(\.id)), at: turn.now)
        }
        return .stopped(habit, cancelledSessions: cancelled.count)
    }

    /// Deactivates a habit and cancels its future occurrences; returns those cancelled.
    func end(_ habit: inout Habit, _ session: any StoreSession, now: Date) throws -> [Event] {
        habit.isActive = false
        try session.save(&habit)
        guard let id = habit.id else { return [] }
        var cancelled: [Event] = []
        for var event in try session.occurrences(of: id, overlapping: DateInterval(start: now, end: now.addingTimeInterval(366 * 86_400)))
        where event.status == .scheduled && event.start > now {
            event.status = .cancelled
            try session.save(&event)
            cancelled.append(event)
        }
        return cancelled
    }

    /// This week's occurrences of every active habit: fixed-time ones first (they are pinned), then flexible
    /// ones that now collide with something are cancelled, then flexible ones fill the week around the rest.
    func placeHabits(_ scope: ProactiveScope) throws {
        let habits = try scope.session.habits(of: scope.user.id, activeOnly: true)
        guard !habits.isEmpty else { return }
        for habit in habits where !habit.isFlexible { try place(habit, scope) }
        try cancelCollidingFlexibleOccurrences(habits.filter(\.isFlexible), scope)
        for habit in habits where habit.isFlexible { try place(habit, scope) }
    }

    @discardableResult
    func place(_ habit: Habit, _ scope: ProactiveScope) throws -> HabitPlan {
        guard let id = habit.id, let type = try scope.session.taskType(id: habit.taskTypeID) else { return .empty }
        let week = scope.thisWeek
        // An occurrence moved out of a collision frees its day; one the user skipped or cancelled does not.
        let existing = try scope.session.occurrences(of: id, overlapping: week).filter { $0.note != Engine.movedNote }.map {
            HabitOccurrence(start: $0.start, end: $0.end, isKept: $0.status == .scheduled || $0.status == .done)
        }
        // A pinned habit does not yield to flexible ones: those move out of its way afterwards.
        let movable = habit.isFlexible ? [] : try flexibleOccurrenceIDs(scope)
        let busy = try scope.busyBlocks(around: week, skipping: movable)
        let base = placements.request(for: type, durationMinutes: habit.durationMinutes, window: week, user: scope.user,
                                      busy: busy, now: scope.now)
        let plan = HabitPlanner().plan(habit, week: week, from: scope.now, existing: existing, base: base)
        for slot in plan.placements {
            var event = Event(userID: scope.user.id, taskTypeID: habit.taskTypeID, title: habit.title, start: slot.start, end: slot.end,
                              createdAt: scope.now, score: slot.score)
            try scope.session.save(&event)
            if let eventID = event.id { try scope.session.link(eventID: eventID, toHabit: id) }
        }
        return plan
    }

    /// Flexible occurrences still ahead that overlap another scheduled event are cancelled, so the next
    /// placement puts them on another day.
    private func cancelCollidingFlexibleOccurrences(_ habits: [Habit], _ scope: ProactiveScope) throws {
        let ahead = DateInterval(start: scope.now, end: max(scope.now, scope.thisWeek.end))
        let calendar = try scope.session.events(of: scope.user.id, overlapping: ahead, statuses: PlacementBuilder.occupyingStatuses)
        // A meeting imported from the user's own calendar displaces a flexible habit just as the bot's events do.
        let imported = try scope.session.importedBusy(of: scope.user.id, overlapping: ahead)
        for habit in habits {
            guard let id = habit.id else { continue }
            for var occurrence in try scope.session.occurrences(of: id, overlapping: ahead)
            where occurrence.status == .scheduled && occurrence.start > scope.now {
                let clashes = calendar.contains { $0.id != occurrence.id && $0.overlaps(start: occurrence.start, end: occurrence.end) }
                    || imported.contains { $0.start < occurrence.end && $0.end > occurrence.start }
                guard clashes else { continue }
                occurrence.status = .cancelled
                occurrence.note = Engine.movedNote
                try scope.session.save(&occurrence)
            }
        }
    }

    /// Marks an occurrence cancelled because something else took its time, so the planner places it again.
    static let movedNote = "moved: collided with another event"

    /// Flexible occurrences that can still yield: scheduled and not started (the ones a collision cancels).
    private func flexibleOccurrenceIDs(_ scope: ProactiveScope) throws -> Set<Int64> {
        var ids = Set<Int64>()
        for habit in try scope.session.habits(of: scope.user.id, activeOnly: true) where habit.isFlexible {
            guard let id = habit.id else { continue }
            for event in try scope.session.occurrences(of: id, overlapping: scope.thisWeek)
            where event.status == .scheduled && event.start > scope.now {
                if let eventID = event.id { ids.insert(eventID) }
            }
        }
        return ids
    }
}
