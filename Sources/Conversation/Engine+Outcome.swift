import Coaching
import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    /// `done` and `skip`: record the outcome on the event and learn from it.
    /// `target` is the event a follow-up or a reaction is about; without it the command's words pick the event.
    /// One rule holds on every path: an event that has not started is never marked done.
    func complete(_ command: OutcomeReport, _ turn: inout Turn, done: Bool, target: Event? = nil) throws -> CompletionOutcome {
        var event: Event
        if let target {
            event = target
        } else {
            switch try outcomeTarget(command, &turn, done: done) {
            case .failure(let refusal): return refusal.outcome
            case .success(let found): event = found
            }
        }
        if done, event.start > turn.now { return .notStarted(event) }
        guard var type = try turn.session.taskType(id: event.taskTypeID) else { return .taskTypeMissing }
        let signal = done ? (command.rating ?? Outcome.doneSignal) : Outcome.skippedSignal
        let energy = EnergyCues.energyAfter(note: command.note)
        let slots = turn.week.slots(from: event.start, to: event.end)
        let before = meanHabit(type, slots)
        let learnedBefore = LearnedState(type, energy: turn.user.energy)
        // An event this message logged (done without a plan) did not exist before it.
        let eventBefore = turn.changedEvents.contains { $0.id == event.id } ? nil : event
        settings.learner.learn(Outcome(slots: slots, signal: signal, energyAfter: energy, completed: done),
                               taskType: &type, energy: &turn.user.energy)
        event.status = done ? .done : .skipped
        event.successRating = signal
        event.energyAfter = energy
        if let note = command.note, !note.isEmpty { event.note = note }
        try turn.save(&event)
        try turn.session.save(&type)
        turn.change = LastChange(done ? .done : .skip, before: eventBefore, after: event,
                                 learned: learnedChange(of: type, before: learnedBefore, energy: turn.user.energy), at: turn.now)
        try learnInsights(after: event, type: type, note: command.note, &turn)
        turn.event = summary(of: event, type: type)
        if done { turn.reaction = "✅" }
        // A cheer after "done 2/10" would not listen: a rating below the middle gets none.
        let cheer = done && (command.rating ?? 1) >= 0.5 ? try self.cheer(turn) : nil
        return .recorded(CompletionRecord(event: event, type: type, done: done, rating: command.rating, habitBefore: before,
                                          habitAfter: meanHabit(type, slots), weekday: slots.first?.weekday ?? 0,
                                          cheer: cheer, energyAfter: energy))
    }

    /// Why no event was picked for a `done` or `skip`.
    struct TargetRefusal: Error {
        let outcome: CompletionOutcome
    }

    /// Which event a `done` or `skip` means.
    ///
    /// Without a task: the most recent event that has started. With one, among that task's scheduled events
    /// of the last and the next 7 days (those whose title is the name said come first): `done` takes the
    /// latest that has started; when only later ones exist it says so and marks nothing; with none at all
    /// it logs an unplanned completion ending now. `done <task> now` always logs one now. `skip` takes one
    /// that started in the last day, else the next one ahead (you can skip in advance), else the latest.
    private func outcomeTarget(_ command: OutcomeReport, _ turn: inout Turn, done: Bool) throws -> Result<Event, TargetRefusal> {
        guard let said = command.task.map(TaskName.clean), !said.isEmpty else {
            if let due = try turn.session.latestEvent(of: turn.user.id, startingAtOrBefore: turn.now, statuses: [.scheduled]) { return .success(due) }
            return .failure(TargetRefusal(outcome: .nothingStarted(done: done)))
        }
        let loggedNow = done && command.when.map { abs($0.start.timeIntervalSince(turn.now)) < 60 && $0.grain == .minute } == true
        var candidates = try events(named: said, around: DateInterval(start: turn.now.addingTimeInterval(-7 * 86_400), duration: 14 * 86_400), turn)
        if let when = command.when, !loggedNow {
            let asked = when.spanOrDay
            candidates = candidates.filter { $0.start < asked.end && $0.end > asked.start }
        }
        let started = candidates.last { $0.start <= turn.now }
        let ahead = candidates.first { $0.start > turn.now }
        if done {
            if loggedNow { return .success(try startedNow(candidates, turn) ?? unplannedEvent(named: said, &turn)) }
            if let started { return .success(started) }
            if let ahead { return .failure(TargetRefusal(outcome: .notStarted(ahead))) }
            if let problem = nameProblem(said) { return .failure(TargetRefusal(outcome: .badName(problem))) }
            return .success(try unplannedEvent(named: said, &turn))
        }
        if let started, started.end > turn.now.addingTimeInterval(-86_400) { return .success(started) }
        if let target = ahead ?? started { return .success(target) }
        return .failure(TargetRefusal(outcome: .nothingToSkip(said: said)))
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
