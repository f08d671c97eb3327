import Foundation
import SchedulerCore
import StoreProtocols

extension Engine {
    /// The day's events and the best windows left today for flexible habits still short this week.
    func dailyPlan(_ scope: ProactiveScope) throws -> String {
        let events = try scope.session.events(of: scope.user.id, overlapping: scope.today, statuses: [.scheduled, .done])
        var text = "Your plan for \(scope.format.day(scope.now)):"
        text += events.isEmpty ? " nothing scheduled." : "\n" + events.map { "\(scope.format.clock($0.start))-\(scope.format.clock($0.end))  \($0.title)" }.joined(separator: "\n")
        let windows = try bestWindowsToday(scope)
        if !windows.isEmpty { text += "\nBest windows left for your habits: " + windows.joined(separator: ", ") + "." }
        return text
    }

    private func bestWindowsToday(_ scope: ProactiveScope) throws -> [String] {
        let rest = DateInterval(start: scope.now, end: max(scope.now, scope.today.end))
        var lines: [String] = []
        for habit in try scope.session.habits(of: scope.user.id, activeOnly: true) where habit.isFlexible {
            guard let id = habit.id, let type = try scope.session.taskType(id: habit.taskTypeID) else { continue }
            let occurrences = try scope.session.occurrences(of: id, overlapping: scope.thisWeek)
            guard !occurrences.contains(where: { scope.today.contains($0.start) && $0.status != .cancelled }) else { continue }
            let request = placements.request(for: type, durationMinutes: habit.durationMinutes, window: rest, user: scope.user,
                                             busy: try scope.busyBlocks(around: rest), now: scope.now, alternatives: 0)
            if let best = finder.find(request).first { lines.append("\(habit.title) \(scope.format.clock(best.start))-\(scope.format.clock(best.end))") }
        }
        return lines
    }

    /// Completions, best and worst slots, what was learned and one suggestion, for the week so far.
    func weeklyReview(_ scope: ProactiveScope) throws -> String {
        let week = DateInterval(start: scope.thisWeek.start, end: scope.now)
        let events = try scope.session.events(of: scope.user.id, overlapping: week, statuses: [.scheduled, .done, .skipped])
            .filter { $0.end <= scope.now }
        let done = events.filter { $0.status == .done }
        let skipped = events.filter { $0.status == .skipped }
        var lines = ["Your week: \(done.count) done, \(skipped.count) skipped, \(events.count - done.count - skipped.count) without an answer."]
        let rated = (done + skipped).sorted { ($0.successRating ?? 0) > ($1.successRating ?? 0) }
        if let best = rated.first, best.status == .done {
            lines.append("Best: \(scope.format.dayAndClock(best.start)) \(best.title)\(best.successRating.map { " (\(Int(($0 * 10).rounded()))/10)" } ?? "").")
        }
        if let worst = rated.last, rated.count > 1 {
            lines.append("Worst: \(scope.format.dayAndClock(worst.start)) \(worst.title) (\(worst.status == .skipped ? "skipped" : "\(Int(((worst.successRating ?? 0) * 10).rounded()))/10")).")
        }
        let insights = try scope.session.insights(of: scope.user.id, limit: 2).map { InsightWording.sentence($0.text) }
        let learned = try learnedBestTimes(scope)
        if !(insights + learned).isEmpty { lines.append("What I learned: " + (insights + learned).joined(separator: " ")) }
        lines.append("Suggestion: " + (try suggestion(skipped: skipped, scope)))
        return lines.joined(separator: "\n")
    }

    /// Each practised task type's best observed hour of the week as the learner now sees it.
    private func learnedBestTimes(_ scope: ProactiveScope) throws -> [String] {
        try scope.session.taskTypes(of: scope.user.id).filter { $0.completionCount > 0 }.prefix(3).compactMap { type in
            guard let best = Engine.bestObservedSlot(of: type) else { return nil }
            return "\(type.displayName) goes best around \(best) (\(TimeFormat.score(type.habit[best])))."
        }
    }

    /// The highest-scoring hour among those the user has actually reported on (the prior alone says nothing new).
    static func bestObservedSlot(of type: TaskType) -> WeekSlot? {
        let observed = (0..<WeekSlot.count).filter { type.confidence[$0] > CategoryPriors.initialConfidence + 1e-9 }
        return observed.max { type.habit[$0] < type.habit[$1] }.flatMap(WeekSlot.init(index:))
    }

    private func suggestion(skipped: [Event], _ scope: ProactiveScope) throws -> String {
        let counts = Dictionary(grouping: skipped, by: \.taskTypeID).mapValues(\.count)
        if let (typeID, count) = counts.max(by: { $0.value < $1.value }), let type = try scope.session.taskType(id: typeID),
           let best = Engine.bestObservedSlot(of: type) {
            return "\(type.displayName) was skipped \(count == 1 ? "once" : "\(count) times"); try it around \(best) next week."
        }
        return "Keep going: answer my follow-ups (a bare number is enough) and your times will keep getting sharper."
    }
}
