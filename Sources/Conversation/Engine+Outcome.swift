import Coaching
import Foundation
import Language
import SchedulerCore
import Storage

extension Engine {
    /// `done` and `skip`: record the outcome on the event and learn from it.
    /// `target` is the event a follow-up asked about; without it the command's words pick the event.
    func complete(_ command: OutcomeReport, _ turn: inout Turn, done: Bool, target: Event? = nil) throws {
        let found = if let target { target } else { try outcomeTarget(command, &turn, done: done) }
        guard var event = found else { return }
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
        var line = "Marked \(type.displayName) (\(turn.format.dayAndClock(event.start))) \(verb)"
        if done, let rating = command.rating { line += ", \(Int((rating * 10).rounded()))/10" }
        let after = meanHabit(type, slots)
        let dayName = WeekSlot.weekdayNames[slots.first?.weekday ?? 0]
        line += ". \(dayName) \(turn.format.clock(event.start)) for \(type.displayName): \(TimeFormat.score(before)) → \(TimeFormat.score(after))."
        turn.say(line)
        if done, let cheer = try cheer(turn) { turn.say(cheer) }
        if let energy { turn.say(energy < 0.5 ? "Noted that it left you drained; I'll weigh your energy at that hour." : "Noted the good energy afterwards.") }
    }

    /// The named task's most recent due event, else the user's most recent due event.
    /// A named task with nothing on the agenda is recorded as done just now (people do unplanned things).
    private func outcomeTarget(_ command: OutcomeReport, _ turn: inout Turn, done: Bool) throws -> Event? {
        let due = try turn.session.latestEvent(of: turn.user.id, startingAtOrBefore: turn.now, statuses: [.scheduled])
        guard let taskName = command.task, !taskName.isEmpty else {
            if let due { return due }
            turn.say("Nothing on your agenda has started yet. Name the task, e.g. \"\(done ? "done" : "skip") gym\".")
            return nil
        }
        if let type = try existingTaskType(named: taskName, turn), let typeID = type.id {
            if let due, due.taskTypeID == typeID { return due }
            let window = DateInterval(start: turn.now.addingTimeInterval(-7 * 86_400), end: turn.now.addingTimeInterval(86_400))
            let candidates = try turn.session.events(of: turn.user.id, overlapping: window, statuses: [.scheduled])
                .filter { $0.taskTypeID == typeID }
            if let latestStarted = candidates.last(where: { $0.start <= turn.now }) { return latestStarted }
            if let upcoming = candidates.first { return upcoming }
        }
        guard done else {
            turn.say("I don't see \(taskName) on your agenda, so there is nothing to skip.")
            return nil
        }
        guard acceptable(taskName: taskName, &turn) else { return nil }
        return try unplannedEvent(named: taskName, &turn)
    }

    /// Records something done without a schedule in the free time just before now, up to the type's usual length.
    private func unplannedEvent(named taskName: String, _ turn: inout Turn) throws -> Event {
        let (type, _) = try findOrCreateTaskType(named: taskName, &turn)
        let wanted = DateInterval(start: turn.now.addingTimeInterval(-Double(type.typicalDurationMinutes) * 60), end: turn.now)
        let span = PlacementBuilder.latestFreeInterval(endingBy: turn.now, minutes: type.typicalDurationMinutes,
                                                       busy: try busyBlocks(around: wanted, turn))
        var event = Event(userID: turn.user.id, taskTypeID: type.id ?? 0, title: type.displayName,
                          start: span.start, end: span.end, createdAt: turn.now)
        try turn.save(&event)
        return event
    }

    func meanHabit(_ type: TaskType, _ slots: [WeekSlot]) -> Double {
        guard !slots.isEmpty else { return 0 }
        return slots.reduce(0) { $0 + type.habit[$1] } / Double(slots.count)
    }
}
