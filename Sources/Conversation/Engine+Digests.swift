import Foundation
import SchedulerCore
import StoreProtocols

extension Engine {
    /// The day's events and the best windows left today for flexible habits still short this week.
    func dailyPlan(_ scope: ProactiveScope) throws -> DailyPlanDigest {
        let events = try scope.session.events(of: scope.user.id, overlapping: scope.today, statuses: [.scheduled, .done])
        return DailyPlanDigest(day: scope.now, events: events, habitWindows: try bestWindowsToday(scope))
    }

    private func bestWindowsToday(_ scope: ProactiveScope) throws -> [HabitWindow] {
        let rest = DateInterval(start: scope.now, end: max(scope.now, scope.today.end))
        var windows: [HabitWindow] = []
        for habit in try scope.session.habits(of: scope.user.id, activeOnly: true) where habit.isFlexible {
            guard let id = habit.id, let type = try scope.session.taskType(id: habit.taskTypeID) else { continue }
            let occurrences = try scope.session.occurrences(of: id, overlapping: scope.thisWeek)
            guard !occurrences.contains(where: { scope.today.contains($0.start) && $0.status != .cancelled }) else { continue }
            let request = placements.request(for: type, durationMinutes: habit.durationMinutes, window: rest, user: scope.user,
                                             busy: try scope.busyBlocks(around: rest), now: scope.now, alternatives: 0)
            if let best = finder.find(request).first { windows.append(HabitWindow(title: habit.title, start: best.start, end: best.end)) }
        }
        return windows
    }

    /// Completions, best and worst slots, what was learned and one suggestion, for the week so far.
    func weeklyReview(_ scope: ProactiveScope) throws -> WeeklyReviewDigest {
        let week = DateInterval(start: scope.thisWeek.start, end: scope.now)
        let events = try scope.session.events(of: scope.user.id, overlapping: week, statuses: [.scheduled, .done, .skipped])
            .filter { $0.end <= scope.now }
        let done = events.filter { $0.status == .done }
        let skipped = events.filter { $0.status == .skipped }
        let rated = (done + skipped).sorted { ($0.successRating ?? 0) > ($1.successRating ?? 0) }
        return WeeklyReviewDigest(done: done.count, skipped: skipped.count, unanswered: events.count - done.count - skipped.count,
                                  best: rated.first.flatMap { $0.status == .done ? $0 : nil }, worst: rated.count > 1 ? rated.last : nil,
                                  insights: try scope.session.insights(of: scope.user.id, limit: 2), bestTimes: try learnedBestTimes(scope),
                                  suggestion: try suggestion(skipped: skipped, scope))
    }

    /// Each practised task type's best observed hour of the week as the learner now sees it.
    private func learnedBestTimes(_ scope: ProactiveScope) throws -> [LearnedBestTime] {
        try scope.session.taskTypes(of: scope.user.id).filter { $0.completionCount > 0 }.prefix(3).compactMap { type in
            Engine.bestObservedSlot(of: type).map { LearnedBestTime(type: type, slot: $0) }
        }
    }

    /// The highest-scoring hour among those the user has actually reported on (the prior alone says nothing new).
    static func bestObservedSlot(of type: TaskType) -> WeekSlot? {
        let observed = (0..<WeekSlot.count).filter { type.confidence[$0] > CategoryPriors.initialConfidence + 1e-9 }
        return observed.max { type.habit[$0] < type.habit[$1] }.flatMap(WeekSlot.init(index:))
    }

    private func suggestion(skipped: [Event], _ scope: ProactiveScope) throws -> ReviewSuggestion {
        // Ties go to the type skipped last, so the same week always gets the same suggestion.
        let mostSkipped = Dictionary(grouping: skipped, by: \.taskTypeID).max { a, b in
            (a.value.count, a.value.map(\.start).max() ?? .distantPast) < (b.value.count, b.value.map(\.start).max() ?? .distantPast)
        }
        if let (typeID, events) = mostSkipped, let type = try scope.session.taskType(id: typeID),
           let best = Engine.bestObservedSlot(of: type) {
            return .retry(type, skipped: events.count, around: best)
        }
        return .keepGoing
    }
}
