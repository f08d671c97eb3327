import Coaching
import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    /// `done` and `skip`: record the outcome on the event and learn from it.
    /// `target` is the event a follow-up or a reaction is about; without it the command's words pick the event.
    /// One rule holds on every path: an event that has not started is never marked done.
    func complete(_ command: OutcomeReport, _ turn: inout Turn, done: Bool, target: Event? = nil) throws {
        let found = if let target { target } else { try outcomeTarget(command, &turn, done: done) }
        guard var event = found else { return }
        if done, event.start > turn.now {
            sayNotStarted(event, &turn)
            return
        }
        guard var type = try turn.session.taskType(id: event.taskTypeID) else {
            turn.say("I couldn't find the task type of that event any more, so nothing was recorded.")
            return
        }
        let signal = done ? (command.rating ?? Outcome.doneSignal) : Outcome.skippedSignal
        let energy = EnergyCues.energyAfter(note: command.note)
        let slots = turn.week.slots(from: event.start, to: event.end)
        let before = meanHabit(type, slots)
        settings.learner.learn(Outcome(slots: slots, signal: signal, energyAfter: energy, completed: done),
                               taskType: &type, energy: &turn.user.energy)
        event.status = done ? .done : .skipped
        event.successRating = signal
        event.energyAfter = energy
        if let note = command.note, !note.isEmpty { event.note = note }
        try turn.save(&event)
        try turn.session.save(&type)
        try learnInsights(after: event, type: type, note: command.note, &turn)
        turn.event = summary(of: event, type: type)
        if done { turn.reaction = "✅" }
        let verb = done ? "done" : "skipped"
        var line = "Marked \(event.title) (\(turn.format.dayAndClock(event.start))) \(verb)"
        if done, let rating = command.rating { line += ", \(Int((rating * 10).rounded()))/10" }
        let after = meanHabit(type, slots)
        let dayName = WeekSlot.weekdayNames[slots.first?.weekday ?? 0]
        line += ". \(dayName) \(turn.format.clock(event.start)) for \(type.displayName): \(TimeFormat.score(before)) → \(TimeFormat.score(after))."
        turn.say(line)
        // A cheer after "done 2/10" would not listen: a rating below the middle gets none.
        if done, (command.rating ?? 1) >= 0.5, let cheer = try cheer(turn) { turn.say(cheer) }
        if let energy { turn.say(energy < 0.5 ? "Noted that it left you drained; I'll weigh your energy at that hour." : "Noted the good energy afterwards.") }
    }

    /// Why a planned event is not marked done yet, and what the user can say instead.
    func sayNotStarted(_ event: Event, _ turn: inout Turn) {
        let name = event.title.lowercased()
        turn.say("\(event.title) is planned for \(turn.format.dayAndClock(event.start)) and hasn't started yet, so I haven't marked it done. "
            + "Once it has started, say \"done \(name)\". If you did it already, outside the plan, say \"done \(name) now\" and I'll log it now "
            + "(the planned one stays). Or say \"cancel \(name)\" or \"move \(name) to <time>\".")
    }

    /// Which event a `done` or `skip` means.
    ///
    /// Without a task: the most recent event that has started. With one, among that task's scheduled events
    /// of the last and the next 7 days (those whose title is the name said come first): `done` takes the
    /// latest that has started; when only later ones exist it says so and marks nothing; with none at all
    /// it logs an unplanned completion ending now. `done <task> now` always logs one now. `skip` takes one
    /// that started in the last day, else the next one ahead (you can skip in advance), else the latest.
    private func outcomeTarget(_ command: OutcomeReport, _ turn: inout Turn, done: Bool) throws -> Event? {
        guard let said = command.task.map(TaskName.clean), !said.isEmpty else {
            if let due = try turn.session.latestEvent(of: turn.user.id, startingAtOrBefore: turn.now, statuses: [.scheduled]) { return due }
            turn.say("Nothing on your agenda has started yet. Name the task, e.g. \"\(done ? "done" : "skip") gym\".")
            return nil
        }
        let loggedNow = done && command.when.map { abs($0.start.timeIntervalSince(turn.now)) < 60 && $0.grain == .minute } == true
        var candidates = try events(named: said, around: DateInterval(start: turn.now.addingTimeInterval(-7 * 86_400), duration: 14 * 86_400), turn)
        if let when = command.when, !loggedNow {
            let asked = DateInterval(start: when.start, end: max(when.start, when.end ?? when.start.addingTimeInterval(86_400)))
            candidates = candidates.filter { $0.start < asked.end && $0.end > asked.start }
        }
        let started = candidates.last { $0.start <= turn.now }
        let ahead = candidates.first { $0.start > turn.now }
        if done {
            if loggedNow { return try startedNow(candidates, turn) ?? unplannedEvent(named: said, &turn) }
            if let started { return started }
            if let ahead {
                sayNotStarted(ahead, &turn)
                return nil
            }
            guard acceptable(taskName: said, &turn) else { return nil }
            return try unplannedEvent(named: said, &turn)
        }
        if let started, started.end > turn.now.addingTimeInterval(-86_400) { return started }
        if let target = ahead ?? started { return target }
        turn.say("I don't see \(said) on your agenda in the last or the next 7 days, so there is nothing to skip.")
        return nil
    }

    /// An event of the task under way right now, if any.
    private func startedNow(_ candidates: [Event], _ turn: Turn) throws -> Event? {
        candidates.last { $0.start <= turn.now && $0.end > turn.now }
    }

    /// The user's scheduled events in `window` that the name means: those titled so, else those of the
    /// task type the name matches.
    func events(named said: String, around window: DateInterval, _ turn: Turn) throws -> [Event] {
        let scheduled = try turn.session.events(of: turn.user.id, overlapping: window, statuses: [.scheduled])
        let titled = scheduled.filter { TaskNameMatch.same(said, $0.title) }
        if !titled.isEmpty { return titled }
        guard let type = try existingTaskType(named: said, turn), let typeID = type.id else { return [] }
        return scheduled.filter { $0.taskTypeID == typeID }
    }

    /// Records something done without a schedule in the free time just before now, up to the type's usual length.
    private func unplannedEvent(named taskName: String, _ turn: inout Turn) throws -> Event {
        let (type, _) = try findOrCreateTaskType(named: taskName, &turn)
        let wanted = DateInterval(start: turn.now.addingTimeInterval(-Double(type.typicalDurationMinutes) * 60), end: turn.now)
        let span = PlacementBuilder.latestFreeInterval(endingBy: turn.now, minutes: type.typicalDurationMinutes,
                                                       busy: try busyBlocks(around: wanted, turn))
        var event = Event(userID: turn.user.id, taskTypeID: type.id ?? 0, title: eventTitle(said: taskName, type: type),
                          start: span.start, end: span.end, createdAt: turn.now)
        try turn.save(&event)
        return event
    }

    func meanHabit(_ type: TaskType, _ slots: [WeekSlot]) -> Double {
        guard !slots.isEmpty else { return 0 }
        return slots.reduce(0) { $0 + type.habit[$1] } / Double(slots.count)
    }
}
