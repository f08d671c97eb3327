import Foundation
import Language
import SchedulerCore

// The words for what the grammar read, the proactive settings and onboarding.
extension Phrasebook {
    func replies(_ outcome: ReadingOutcome) -> [Reply] {
        switch outcome {
        case .readAs(let correction): [Reply("(I read that as \(correction).)")]
        case .messageCut(let limit): [Reply("(Your message was long, so I only read the first \(limit) characters.)")]
        case .help: [Reply(Phrasebook.help)]
        // The grammar words its own problems, with an example of what it can read.
        case .unreadable(let unreadable): [Reply(unreadable.message)]
        }
    }

    static let help = """
        Here's what I understand:
        • schedule <task> [when] [for <duration>] — e.g. schedule deep coding tomorrow for 2h (also: book, add, put)
        • done [task] [rating] [note] — e.g. done 8/10 felt sharp (also: finished, did it)
        • skip [task] — e.g. skip gym (also: missed)
        • agenda, today, tomorrow, what's next
        • cancel <task> · move <task> to <when>
        • undo — takes back your last change (one step) · after a done, "make that a 7" changes its rating
        • timezone <zone> — e.g. timezone Europe/Berlin
        • available <days> <from>-<to> — e.g. available weekdays 09:00-17:00, available sat off
        • habits: schedule gym 3 times a week · standup every weekday at 9:30 for 15 min · habits · stop <habit>
        • reminders 15 min / off · daily plan at 8 / off · weekly review on · quiet hours 22-07 · message limit 5
        • unanswered missed / unknown · stop, mute or quiet (until resume)
        • plan <goal> — e.g. plan a marathon training block
        • calendar import <your calendar's iCal address> / off — I schedule around your meetings · calendar feed — subscribe to what I schedule
        I learn from every done and skip when your tasks go best.
        """

    func replies(_ outcome: ProactiveSettingOutcome) -> [Reply] {
        var replies = [Reply(text(outcome.setting, dailyCap: outcome.dailyCap))]
        if let quiet = outcome.planInsideQuietHours {
            replies.append(Reply("That is inside your quiet hours (\(TimeFormat.minutes(quiet.startMinute))-\(TimeFormat.minutes(quiet.endMinute))), "
                + "so I won't send it. Change them with: quiet hours 23-06"))
        }
        return replies
    }

    private func text(_ setting: ProactiveSetting, dailyCap: Int) -> String {
        switch setting {
        case .reminders(let lead):
            lead.map { "I'll remind you \(TimeFormat.duration($0)) before each event." } ?? "Reminders are off. Turn them back on with: reminders 10 min"
        case .dailyPlan(let minute):
            minute.map { "Every day at \(TimeFormat.minutes($0)) I'll send your plan: the day's events and the best windows left for your habits." }
                ?? "Daily plan is off."
        case .weeklyReview(let on):
            on ? "On Sunday evenings I'll send a review of your week: completions, best and worst slots, what I learned and one suggestion."
                : "Weekly review is off."
        case .quietHours(let start, let end):
            "Quiet hours \(TimeFormat.minutes(start))-\(TimeFormat.minutes(end)): I won't message you first then."
        case .quietHoursOff:
            "Quiet hours are off: I may message you at any hour (still at most \(dailyCap) a day)."
        case .messageLimit(let count):
            "I'll send you at most \(count) message\(count == 1 ? "" : "s") a day on my own."
        case .unansweredCountsAsMissed(let missed):
            missed ? "A follow-up you leave unanswered by the end of the day will count as missed."
                : "A follow-up you leave unanswered will count as unknown: I won't learn anything from silence."
        case .mute:
            "Muted: I won't message you first until you say resume. Commands still work."
        case .resume:
            "Resumed: reminders and follow-ups are back on."
        }
    }

    func replies(_ outcome: OnboardingOutcome) -> [Reply] {
        switch outcome {
        case .welcome:
            return [Reply("""
                Welcome! I'm your scheduling coach: I learn when you do your best work from what you actually do, \
                not from questionnaires. Which fits you best: student, engineer, manager, founder, or other? \
                I'll set up three starter tasks for that role. Or just start: "schedule deep coding tomorrow for 2h".
                """)]
        case .rolePicked(let role, let starters):
            let example = starters.first.map { "schedule \($0.lowercased()) tomorrow" } ?? "schedule deep coding tomorrow"
            return [Reply("Great, \(role) it is. I've set up \(Phrasebook.list(starters)), each starting from typical times that I'll adjust to yours. Try: \(example)")]
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}
