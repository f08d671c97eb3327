import Foundation
import SchedulerCore
import StoreProtocols

extension Engine {
    /// The user's type of that name, or a new one with its category's prior.
    func findOrCreateTaskType(named said: String, category: TaskCategory? = nil, _ turn: inout Turn) throws -> (TaskType, created: Bool) {
        let rawName = TaskName.clean(said)
        if let existing = try existingTaskType(named: rawName, turn) { return (existing, false) }
        var created = TaskType(userID: turn.user.id, displayName: rawName, category: category ?? settings.categories.category(for: rawName))
        try turn.session.save(&created)
        return (created, true)
    }

    /// Why a name cannot be a task's: no letters to show, or too long to be a label (a pasted essay never
    /// becomes a task type). Nil when it can.
    func nameProblem(_ said: String) -> TaskNameProblem? {
        let taskName = TaskName.clean(said)
        if taskName.isEmpty { return .noLetters }
        return taskName.count > TaskName.maxLength ? .tooLong(characters: taskName.count) : nil
    }

    /// An event's title: the user's own words, cleaned and in title case ("team meeting" is "Team Meeting"),
    /// even when the task type it learns with has another name (Team Standup).
    func eventTitle(said: String, type: TaskType) -> String {
        let cleaned = TaskName.clean(said)
        if cleaned.isEmpty || TaskName.normalise(cleaned) == TaskName.normalise(type.displayName) { return type.displayName }
        return TaskName.display(cleaned)
    }

    /// The user's type of that name, else the one that means the same ("daily team sync" for "team standup")
    /// when the matcher is sure enough; nil when it is a new kind of task.
    func existingTaskType(named rawName: String, _ turn: Turn) throws -> TaskType? {
        if let exact = try turn.session.taskType(of: turn.user.id, named: TaskName.normalise(rawName)) { return exact }
        let types = try turn.session.taskTypes(of: turn.user.id)
        guard !types.isEmpty, let match = settings.matcher.bestMatch(for: rawName, amongNames: types.map(\.displayName)) else { return nil }
        return types[match.index]
    }

    /// Everything on the user's calendar around `interval` as blocks the finder must avoid.
    func busyBlocks(around interval: DateInterval, excluding excludedID: Int64? = nil, _ turn: Turn) throws -> [BusyBlock] {
        try turn.session.busyBlocks(of: turn.user.id, around: interval, excluding: excludedID.map { [$0] } ?? [])
    }

    func summary(of event: Event, type: TaskType) -> EventSummary {
        EventSummary(id: event.id.map(String.init) ?? "", title: event.title, taskType: type.displayName,
                     start: event.start, end: event.end, score: event.score)
    }
}

extension StoreSession {
    /// The events that hold the user's time around `interval`, as `PlacementBuilder` turns them into busy blocks.
    func busyBlocks(of userID: String, around interval: DateInterval, excluding excluded: Set<Int64> = []) throws -> [BusyBlock] {
        // Look a day back so a long event's recovery reaching into the window is seen.
        let widened = DateInterval(start: interval.start.addingTimeInterval(-86_400), end: interval.end.addingTimeInterval(86_400))
        let events = try self.events(of: userID, overlapping: widened, statuses: PlacementBuilder.occupyingStatuses)
        // One narrow query for the rest after each type: loading whole types (with their weeks) was a third of "schedule".
        let rest = try restAfter(taskTypes: Set(events.map(\.taskTypeID)))
        // Meetings from the user's own calendar hold their time as firmly as the bot's events.
        let imported = try importedBusy(of: userID, overlapping: widened).map {
            BusyBlock(start: $0.start, end: $0.end, recoveryMinutes: 0, title: "\($0.title) (from your calendar)")
        }
        return (PlacementBuilder.busyBlocks(for: events, restAfter: rest, excluding: excluded) + imported).sorted { $0.start < $1.start }
    }
}
