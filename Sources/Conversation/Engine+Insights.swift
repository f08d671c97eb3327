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
    func insights(task: String?, _ turn: inout Turn) throws {
        let insights = try turn.session.insights(of: turn.user.id, limit: 8)
        if insights.isEmpty {
            turn.say("No insights yet: they appear as you mark tasks done or skipped. Your weeks are learning already.")
        } else {
            let lines = insights.map { "• \(InsightWording.toUser($0.text)) (\(Int(($0.confidence * 100).rounded()))% sure)" }
            turn.say("What I've learned, newest first:\n" + lines.joined(separator: "\n"))
        }
        guard let type = try heatMapType(named: task, turn) else { return }
        turn.say("\(type.displayName), learned week (darker = better, hours 0-23):\n" + WeekHeatMap.render(settings.learner.explanationWeek(for: type, energy: turn.user.energy).habit), preformatted: true)
    }

    private func heatMapType(named name: String?, _ turn: Turn) throws -> TaskType? {
        if let name, let type = try existingTaskType(named: name, turn) { return type }
        return try turn.session.taskTypes(of: turn.user.id).max { $0.completionCount < $1.completionCount }
    }

    /// `why [task]`: the last suggestion (or the task's next event) explained from its slot scores,
    /// how sure the bot is, and the insights about that task.
    func why(task: String?, _ turn: inout Turn) throws {
        guard let event = try explainedEvent(named: task, turn), let type = try turn.session.taskType(id: event.taskTypeID) else {
            turn.say("I haven't suggested anything yet. Schedule something without a time, e.g. \"schedule deep coding\", then ask why.")
            return
        }
        let slots = turn.week.slots(from: event.start, to: event.end)
        var lines = ["\(type.displayName) at \(turn.format.range(event.start, event.end))" + (event.score.map { ", score \(TimeFormat.score($0))" } ?? "") + ":"]
        let believed = settings.learner.explanationWeek(for: type, energy: turn.user.energy)
        for slot in slots {
            let habit = believed.habit[slot], energy = believed.energy[slot], sure = type.confidence[slot]
            lines.append("• \(WeekSlot.weekdayShortNames[slot.weekday]) \(TimeFormat.twoDigits(slot.hour)):00 habit \(TimeFormat.score(habit)) × 0.6 + energy \(TimeFormat.score(energy)) × 0.4, \(Int((sure * 100).rounded()))% sure")
        }
        lines.append(type.completionCount == 0
            ? "Nothing learned for \(type.displayName) yet, so this comes from typical \(type.category.rawValue) hours."
            : "Learned from \(type.completionCount) completed \(type.completionCount == 1 ? "session" : "sessions").")
        let related = try turn.session.insights(of: turn.user.id, limit: 50).filter { $0.text.localizedCaseInsensitiveContains(type.displayName) }
        for insight in related.prefix(3) { lines.append("• Insight: \(InsightWording.toUser(insight.text))") }
        if let typeID = type.id, let sync = try turn.session.syncs(of: turn.user.id, taskTypeID: typeID, limit: 1).first,
           sync.outcome == .applied, !sync.adjustments.isEmpty {
            let reasons = sync.adjustments.prefix(2).map { "\(InsightWording.toUser($0.reason)) (×\(String(format: "%.2f", $0.modifier)))" }
            lines.append("• Adjusted from what you told me (\(sync.source == .llm ? "interpreted by the coach model" : "read offline")): " + reasons.joined(separator: "; "))
        }
        turn.say(lines.joined(separator: "\n"))
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
