import Coaching
import Foundation
import SchedulerCore

// The words for what the bot learned, its plans and its chat.
extension Phrasebook {
    // MARK: Insights and why

    func replies(_ outcome: InsightsOutcome) -> [Reply] {
        var replies: [Reply]
        if outcome.insights.isEmpty {
            replies = [Reply("No insights yet: they appear as you mark tasks done or skipped. Your weeks are learning already.")]
        } else {
            let lines = outcome.insights.map { "• \(InsightWording.toUser($0.text)) (\(Phrasebook.percent($0.confidence))% sure)" }
            replies = [Reply("What I've learned, newest first:\n" + lines.joined(separator: "\n"))]
        }
        if let week = outcome.learnedWeek {
            replies.append(Reply("\(week.type.displayName), learned week (darker = better, hours 0-23):\n" + WeekHeatMap.render(week.habit),
                                 isPreformatted: true))
        }
        return replies
    }

    func replies(_ outcome: WhyOutcome) -> [Reply] {
        switch outcome {
        case .nothingSuggested:
            return [Reply("I haven't suggested anything yet. Schedule something without a time, e.g. \"schedule deep coding\", then ask why.")]
        case .explained(let explanation):
            return [Reply(text(explanation))]
        }
    }

    private func text(_ explanation: Explanation) -> String {
        let event = explanation.event, type = explanation.type
        var lines = ["\(type.displayName) at \(format.range(event.start, event.end))" + (event.score.map { ", score \(TimeFormat.score($0))" } ?? "") + ":"]
        for belief in explanation.slots {
            lines.append("• \(WeekSlot.weekdayShortNames[belief.slot.weekday]) \(TimeFormat.twoDigits(belief.slot.hour)):00 "
                + "habit \(TimeFormat.score(belief.habit)) × 0.6 + energy \(TimeFormat.score(belief.energy)) × 0.4, \(Phrasebook.percent(belief.confidence))% sure")
        }
        lines.append(type.completionCount == 0
            ? "Nothing learned for \(type.displayName) yet, so this comes from typical \(type.category.rawValue) hours."
            : "Learned from \(type.completionCount) completed \(type.completionCount == 1 ? "session" : "sessions").")
        for insight in explanation.insights { lines.append("• Insight: \(InsightWording.toUser(insight.text))") }
        if let sync = explanation.appliedSync {
            let reasons = sync.adjustments.prefix(2).map { "\(InsightWording.toUser($0.reason)) (×\(String(format: "%.2f", $0.modifier)))" }
            lines.append("• Adjusted from what you told me (\(sync.source == .llm ? "interpreted by the coach model" : "read offline")): "
                + reasons.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ share: Double) -> Int { Int((share * 100).rounded()) }

    // MARK: Plans

    func replies(_ outcome: PlanOutcome) -> [Reply] {
        switch outcome {
        case .noModel:
            return [Reply("Plans are made by the coaching model, which isn't set up here. You can still schedule tasks one by one.")]
        case .unusable:
            return [Reply("I couldn't put a usable plan together this time. Try again in a moment, or schedule tasks one by one.")]
        case .made(let goal, let items, let fromCache):
            let lines = items.map { item in
                var line = "• \(item.type.displayName): \(TimeFormat.duration(item.minutes)) × \(item.perWeek)/week"
                if let first = item.first { line += ", first: \(format.range(first.start, first.end))" }
                return line
            }
            let source = fromCache ? " (from a plan made for a similar profile; say \"plan fresh \(goal)\" for a new one)" : ""
            return [Reply("Here's a plan for \"\(goal)\"\(source):\n" + lines.joined(separator: "\n"), isPreformatted: true)]
        }
    }

    // MARK: Chat

    func replies(_ outcome: ChatOutcome) -> [Reply] {
        switch outcome {
        case .patternReply(let text), .modelReply(let text): [Reply(text)]
        case .noPatternFits: [Reply("🙂")]
        case .commandHint: [Reply(Phrasebook.commandHint)]
        case .budgetReached(let denial):
            [Reply((denial == .rateLimit ? "You're sending messages faster than I can think about them."
                    : "I've reached today's budget for longer coaching answers.")
                + " Commands still work as always (schedule, done, agenda...); try again a bit later for a longer chat.")]
        case .noNewPlanToday: [Reply("I can't make a new plan today. You can still schedule tasks one by one.")]
        case .steppingDown: [Reply("(I'm keeping my answers short for the rest of the day to stay within my coaching budget.)")]
        }
    }

    static let commandHint = "I didn't catch a command there. I understand things like: \"schedule gym tomorrow evening\", \"done 8/10\", \"agenda\", \"move deep coding to friday morning\". Say \"help\" for the full list."

    func text(_ cheer: Cheer) -> String {
        cheer.streak >= 3 ? "\(cheer.reply) (\(cheer.streak) in a row)" : cheer.reply
    }

    func replies(_ question: FollowUpQuestion) -> [Reply] {
        [Reply("Next: " + text(.followUpQuestion(question.event)))]
    }
}
