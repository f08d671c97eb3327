import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    /// reminders, daily plan, weekly review, quiet hours, message limit, unanswered, mute and resume.
    func proactiveSetting(_ request: ProactiveSetting, _ turn: inout Turn) throws {
        var preferences = try turn.session.proactivePreferences(of: turn.user.id)
        let reply = Engine.apply(request, to: &preferences)
        try turn.session.save(preferences, of: turn.user.id)
        if case .dailyPlan = request { try dropPending(.dailyPlan, turn) }
        if case .weeklyReview = request { try dropPending(.weeklyReview, turn) }
        turn.say(reply)
        if case .dailyPlan(let minute?) = request, let quiet = preferences.quietHours, quiet.contains(minuteOfDay: minute) {
            turn.say("That is inside your quiet hours (\(TimeFormat.minutes(quiet.startMinute))-\(TimeFormat.minutes(quiet.endMinute))), so I won't send it. Change them with: quiet hours 23-06")
        }
    }

    /// The new setting, and what to tell the user about it.
    static func apply(_ request: ProactiveSetting, to preferences: inout ProactivePreferences) -> String {
        switch request {
        case .reminders(let lead):
            preferences.reminderLeadMinutes = lead
            return lead.map { "I'll remind you \(TimeFormat.duration($0)) before each event." } ?? "Reminders are off. Turn them back on with: reminders 10 min"
        case .dailyPlan(let minute):
            preferences.dailyPlanMinute = minute
            return minute.map { "Every day at \(TimeFormat.minutes($0)) I'll send your plan: the day's events and the best windows left for your habits." }
                ?? "Daily plan is off."
        case .weeklyReview(let on):
            preferences.weeklyReview = on
            return on ? "On Sunday evenings I'll send a review of your week: completions, best and worst slots, what I learned and one suggestion."
                : "Weekly review is off."
        case .quietHours(let start, let end):
            preferences.quietHours = DayWindow(startMinute: start, endMinute: end)
            return "Quiet hours \(TimeFormat.minutes(start))-\(TimeFormat.minutes(end)): I won't message you first then."
        case .quietHoursOff:
            preferences.quietHours = nil
            return "Quiet hours are off: I may message you at any hour (still at most \(preferences.dailyCap) a day)."
        case .messageLimit(let count):
            preferences.dailyCap = count
            return "I'll send you at most \(count) message\(count == 1 ? "" : "s") a day on my own."
        case .unansweredCountsAsMissed(let missed):
            preferences.unansweredCountsAsMissed = missed
            return missed ? "A follow-up you leave unanswered by the end of the day will count as missed."
                : "A follow-up you leave unanswered will count as unknown: I won't learn anything from silence."
        case .mute:
            preferences.isMuted = true
            return "Muted: I won't message you first until you say resume. Commands still work."
        case .resume:
            preferences.isMuted = false
            return "Resumed: reminders and follow-ups are back on."
        }
    }

    /// A changed time replaces the pending plan or review (the upkeep after the turn writes the next one).
    private func dropPending(_ kind: NudgeKind, _ turn: Turn) throws {
        for var row in try turn.session.nudges(of: turn.user.id, kinds: [kind], states: [.pending]) {
            row.state = .dropped
            try turn.session.save(&row)
        }
    }
}
