import Foundation
import SchedulerCore

// The words for messages the bot sends on its own: reminders, follow-up questions, the daily plan and the weekly review.
extension Phrasebook {
    func text(_ outcome: ProactiveOutcome) -> String {
        switch outcome {
        case .reminder(let events): reminder(events)
        case .followUpQuestion(let event): "How did \(event.title) go? Reply done 1-10 or skip (a bare 8 or meh works too)."
        case .dailyPlan(let digest): text(digest)
        case .weeklyReview(let digest): text(digest)
        }
    }

    private func reminder(_ events: [Event]) -> String {
        if events.count == 1, let event = events.first {
            let minutes = max(0, Int((event.start.timeIntervalSince(now) / 60).rounded()))
            return "\(event.title) starts in \(TimeFormat.duration(minutes)) (\(format.clock(event.start))-\(format.clock(event.end)))."
        }
        return "Coming up: " + events.map { "\($0.title) at \(format.clock($0.start))" }.joined(separator: ", ") + "."
    }

    private func text(_ plan: DailyPlanDigest) -> String {
        var text = "Your plan for \(format.day(plan.day)):"
        text += plan.events.isEmpty ? " nothing scheduled."
            : "\n" + plan.events.map { "\(format.clock($0.start))-\(format.clock($0.end))  \($0.title)" }.joined(separator: "\n")
        if !plan.habitWindows.isEmpty {
            text += "\nBest windows left for your habits: "
                + plan.habitWindows.map { "\($0.title) \(format.clock($0.start))-\(format.clock($0.end))" }.joined(separator: ", ") + "."
        }
        return text
    }

    private func text(_ review: WeeklyReviewDigest) -> String {
        var lines = ["Your week: \(review.done) done, \(review.skipped) skipped, \(review.unanswered) without an answer."]
        if let best = review.best {
            lines.append("Best: \(format.dayAndClock(best.start)) \(best.title)\(best.successRating.map { " (\(Phrasebook.outOfTen($0))/10)" } ?? "").")
        }
        if let worst = review.worst {
            lines.append("Worst: \(format.dayAndClock(worst.start)) \(worst.title) (\(worst.status == .skipped ? "skipped" : "\(Phrasebook.outOfTen(worst.successRating ?? 0))/10")).")
        }
        let learned = review.insights.map { InsightWording.sentence($0.text) }
            + review.bestTimes.map { "\($0.type.displayName) goes best around \($0.slot) (\(TimeFormat.score($0.type.habit[$0.slot])))." }
        if !learned.isEmpty { lines.append("What I learned: " + learned.joined(separator: " ")) }
        switch review.suggestion {
        case .retry(let type, let count, let slot):
            lines.append("Suggestion: \(type.displayName) was skipped \(count == 1 ? "once" : "\(count) times"); try it around \(slot) next week.")
        case .keepGoing:
            lines.append("Suggestion: Keep going: answer my follow-ups (a bare number is enough) and your times will keep getting sharper.")
        }
        return lines.joined(separator: "\n")
    }

    /// A 0...1 rating as the 1-10 people give.
    static func outOfTen(_ rating: Double) -> Int { Int((rating * 10).rounded()) }
}
