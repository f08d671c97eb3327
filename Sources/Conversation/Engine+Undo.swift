import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    /// How long after a done a new rating ("make that a 7") still replaces the one given.
    static let reRatingWindow: TimeInterval = 2 * 3600

    /// How soon after a change "never mind that" or "scratch that" still means taking it back.
    static let justMadeWindow: TimeInterval = 15 * 60

    /// "never mind that": the user's last change taken back when it was made a moment ago; nil otherwise.
    func undoJustMade(_ turn: inout Turn) throws -> UndoOutcome? {
        guard let change = try lastChange(turn), turn.now.timeIntervalSince(change.at) < Engine.justMadeWindow else { return nil }
        return try undo(&turn)
    }

    /// `undo`: takes back the user's last change, in this transaction, and forgets it (one level).
    func undo(_ turn: inout Turn) throws -> UndoOutcome {
        guard let change = try lastChange(turn) else { return .nothingToUndo }
        try forgetLastChange(turn)
        if let habit = change.habit { return try undo(habit, kind: change.kind, &turn) }
        guard let eventID = change.eventID, let after = change.after,
              var event = try turn.session.event(id: eventID), event.userID == turn.user.id else { return .nothingToUndo }
        guard after.matches(event), try learnedIsUnchanged(change, turn) else { return .changedSince(event) }
        switch change.kind {
        case .schedule:
            event.status = .cancelled
            try save(&event, &turn)
            try uncountSchedule(of: event, turn)
            return .unscheduled(event)
        case .move, .cancel:
            guard let before = change.before else { return .nothingToUndo }
            let wanted = before.applied(to: event)
            if let block = try blocker(of: wanted, turn) { return .slotTaken(wanted, by: block) }
            let from = DateInterval(start: event.start, end: event.end)
            event = wanted
            try save(&event, &turn)
            return change.kind == .move ? .movedBack(event, from: from) : .restored(event)
        case .habitStart, .habitStop:
            return .nothingToUndo
        case .done, .skip:
            try restoreLearned(change, &turn)
            guard let before = change.before else {
                event.status = .cancelled
                try save(&event, &turn)
                return .unlogged(event)
            }
            event = before.applied(to: event)
            try save(&event, &turn)
            return .unrecorded(event, done: change.kind == .done)
        }
    }

    /// "make that a 7" right after a done of the event the conversation is about: the learner's update is taken
    /// back exactly and made again with the new rating. Nil when there is no such done: the message is chat.
    func reRate(_ rating: Double, _ turn: inout Turn) throws -> ReRating? {
        guard let change = try lastChange(turn), change.kind == .done,
              turn.now.timeIntervalSince(change.at) < Engine.reRatingWindow,
              let eventID = change.eventID, try conversationEvent(turn)?.id == eventID,
              var event = try turn.session.event(id: eventID), event.status == .done,
              change.after?.matches(event) == true, try learnedIsUnchanged(change, turn) else { return nil }
        // A done logged without a plan is put back as the plain event it logged, and stays one the change made.
        let before = change.before ?? EventState(Event(userID: event.userID, taskTypeID: event.taskTypeID, title: event.title,
                                                       start: event.start, end: event.end, createdAt: event.createdAt))
        let previous = event.successRating
        let note = event.note != before.note ? event.note : nil
        try restoreLearned(change, &turn)
        event = before.applied(to: event)
        try turn.session.save(&event)
        guard case .recorded(var record) = try complete(OutcomeReport(rating: rating, note: note), &turn, done: true, target: event) else {
            return nil
        }
        if change.before == nil { turn.change?.before = nil }
        record.cheer = nil
        return ReRating(previous: previous, record: record)
    }

    /// Keeps the change this message made, replacing the one before; a message that changed nothing keeps it.
    func rememberLastChange(_ turn: Turn) throws {
        guard let change = turn.change else { return }
        let data = try JSONEncoder().encode(change)
        try turn.session.setValue(String(decoding: data, as: UTF8.self), forKey: Engine.lastChangeKey(turn.user.id))
    }

    /// What the learner knew before `type` learned from `event`, to keep with the change.
    func learnedChange(of type: TaskType, before: LearnedState, energy: EnergyPattern) -> LearnedChange? {
        guard let id = type.id else { return nil }
        return LearnedChange(taskTypeID: id, before: before, afterFingerprint: LearnedState(type, energy: energy).fingerprint)
    }

    /// A habit start taken back is the habit stopped (and its coming sessions cancelled); a stop taken back is the
    /// habit active again with the sessions the stop cancelled, where their time is still free.
    private func undo(_ change: HabitChange, kind: LastChange.Kind, _ turn: inout Turn) throws -> UndoOutcome {
        guard var habit = try turn.session.habit(id: change.habitID), habit.userID == turn.user.id else { return .nothingToUndo }
        if kind == .habitStart {
            guard habit.isActive else { return .habitChangedSince(habit) }
            let cancelled = try end(&habit, turn.session, now: turn.now)
            return .habitStartUndone(habit, cancelledSessions: cancelled.count, replacedOne: change.replacedOne)
        }
        guard !habit.isActive, try !turn.session.habits(of: turn.user.id, activeOnly: true).contains(where: { $0.taskTypeID == habit.taskTypeID }) else {
            return .habitChangedSince(habit)
        }
        habit.isActive = true
        try turn.session.save(&habit)
        var restored = 0
        for id in change.cancelledSessions {
            guard var event = try turn.session.event(id: id), event.status == .cancelled, event.start > turn.now else { continue }
            event.status = .scheduled
            guard try blocker(of: event, turn) == nil else { continue }
            try turn.save(&event)
            restored += 1
        }
        return .habitStopUndone(habit, restoredSessions: restored)
    }

    func lastChange(_ turn: Turn) throws -> LastChange? {
        guard let text = try turn.session.value(forKey: Engine.lastChangeKey(turn.user.id)) else { return nil }
        return try? JSONDecoder().decode(LastChange.self, from: Data(text.utf8))
    }

    private func forgetLastChange(_ turn: Turn) throws {
        try turn.session.setValue(nil, forKey: Engine.lastChangeKey(turn.user.id))
    }

    /// Whether the task type and the energy week are still exactly as the change left them.
    private func learnedIsUnchanged(_ change: LastChange, _ turn: Turn) throws -> Bool {
        guard let learned = change.learned else { return true }
        guard let type = try turn.session.taskType(id: learned.taskTypeID) else { return false }
        return LearnedState(type, energy: turn.user.energy).fingerprint == learned.afterFingerprint
    }

    private func restoreLearned(_ change: LastChange, _ turn: inout Turn) throws {
        guard let learned = change.learned, var type = try turn.session.taskType(id: learned.taskTypeID) else { return }
        learned.before.restore(&type, &turn.user.energy)
        try turn.session.save(&type)
    }

    /// Something else now in the event's time (its own old self aside).
    private func blocker(of event: Event, _ turn: Turn) throws -> BusyBlock? {
        let span = DateInterval(start: event.start, end: event.end)
        return try busyBlocks(around: span, excluding: event.id, turn).first { $0.start < event.end && $0.end > event.start }
    }

    /// The schedule no longer counts toward the type's schedules this week (which decide when it is synced).
    func uncountSchedule(of event: Event, _ turn: Turn) throws {
        guard var type = try turn.session.taskType(id: event.taskTypeID), type.recentScheduleCount > 0 else { return }
        type.recentScheduleCount -= 1
        try turn.session.save(&type)
    }

    private func save(_ event: inout Event, _ turn: inout Turn) throws {
        try turn.save(&event)
        if let type = try turn.session.taskType(id: event.taskTypeID) { turn.event = summary(of: event, type: type) }
    }

    static func lastChangeKey(_ userID: String) -> String { "last.change." + userID }
}
