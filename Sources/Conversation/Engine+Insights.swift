import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    /// After an outcome: detect patterns in the user's recent history and store them, reinforcing (never
    /// duplicating) what is already known; a note the user gave becomes feedback.
    func learnInsights(after event: Event, type: TaskType, note: String?, _ turn: inout Turn) throws {
        // Patterns need several outcomes to show, so history is re-read every few completions (and for every note),
        // not on each one: that keeps "done" cheap however long the history.
        let noted = note.map { !$0.isEmpty } ?? false
        guard noted || (type.completionCount > 0 && type.completionCount % Engine.insightEvery == 0) else { return }
        let window = DateInterval(start: turn.now.addingTimeInterval(-90 * 86_400), end: turn.now.addingTimeInterval(1))
        let events = try turn.session.events(of: turn.user.id, overlapping: window, statuses: [.done, .skipped])
        let evidence = InsightEvidence(userID: turn.user.id, taskTypes: try turn.session.taskTypes(of: turn.user.id), events: events,
                                       energy: turn.user.energy, timeZone: turn.user.timeZone, now: turn.now)
        var detected = InsightDetector().detect(evidence)
        if let note, let feedback = UserFeedback.insight(note: note, taskName: type.displayName, event: event, at: turn.now) {
            detected.append(feedback)
        }
        guard !detected.isEmpty else { return }
        let existing = try turn.session.insights(of: turn.user.id, limit: 500)
        for change in InsightMemory.merge(detected, into: existing) {
            switch change {
            case .add(var insight): try turn.session.add(&insight)
            case .reinforce(let insight): try turn.session.update(insight)
            }
        }
    }

    /// `insights [task]`: the newest insights, and a task type's learned week as a heat map.
    func insights(task: String?, _ turn: inout Turn) throws -> InsightsOutcome {
        let insights = try turn.session.insights(of: turn.user.id, limit: 8)
        let week = try heatMapType(named: task, turn).map {
            LearnedWeek(type: $0, habit: settings.learner.explanationWeek(for: $0, energy: turn.user.energy).habit)
        }
        return InsightsOutcome(insights: insights, learnedWeek: week)
    }

    private func heatMapType(named name: String?, _ turn: Turn) throws -> TaskType? {
        if let name, let type = try existingTaskType(named: name, turn) { return type }
        return try turn.session.taskTypes(of: turn.user.id).max { $0.completionCount < $1.completionCount }
    }

    /// `why [task]`: the last suggestion (or the task's next event) explained from its slot scores,
    /// how sure the bot is, and the insights about that task.
    func why(task: String?, _ turn: inout Turn) throws -> WhyOutcome {
        guard let event = try explainedEvent(named: task, turn), let type = try turn.session.taskType(id: event.taskTypeID) else {
            return .nothingSuggested
        }
        let believed = settings.learner.explanationWeek(for: type, energy: turn.user.energy)
        let slots = turn.week.slots(from: event.start, to: event.end).map {
            SlotBelief(slot: $0, habit: believed.habit[$0], energy: believed.energy[$0], confidence: type.confidence[$0])
        }
        let related = try turn.session.insights(of: turn.user.id, limit: 50).filter { $0.text.localizedCaseInsensitiveContains(type.displayName) }
        var sync: SyncRecord?
        if let typeID = type.id, let latest = try turn.session.syncs(of: turn.user.id, taskTypeID: typeID, limit: 1).first,
           latest.outcome == .applied, !latest.adjustments.isEmpty {
            sync = latest
        }
        return .explained(Explanation(event: event, type: type, slots: slots, insights: Array(related.prefix(3)), appliedSync: sync))
    }

    /// The named task's next (or latest) event, else the last event the bot placed for the user.
    private func explainedEvent(named task: String?, _ turn: Turn) throws -> Event? {
        if let name = task, let type = try existingTaskType(named: name, turn), let typeID = type.id {
            let window = DateInterval(start: turn.now.addingTimeInterval(-30 * 86_400), end: turn.now.addingTimeInterval(30 * 86_400))
            let events = try turn.session.events(of: turn.user.id, overlapping: window, statuses: [.scheduled, .done, .skipped])
                .filter { $0.taskTypeID == typeID }
            return events.first { $0.start >= turn.now } ?? events.last
        }
        guard let id = try turn.session.value(forKey: Engine.lastSuggestionKey(turn.user.id)).flatMap(Int64.init) else { return nil }
        return try turn.session.event(id: id)
    }

    /// Completions of a task type between two looks for patterns.
    static let insightEvery = 3

    static func lastSuggestionKey(_ userID: String) -> String { "why.last_suggestion." + userID }
}
