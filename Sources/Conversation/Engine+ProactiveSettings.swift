import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    /// reminders, daily plan, weekly review, quiet hours, message limit, unanswered, mute and resume.
    func proactiveSetting(_ request: ProactiveSetting, _ turn: inout Turn) throws -> ProactiveSettingOutcome {
        var preferences = try turn.session.proactivePreferences(of: turn.user.id)
        Engine.apply(request, to: &preferences)
        try turn.session.save(preferences, of: turn.user.id)
        if case .dailyPlan = request { try dropPending(.dailyPlan, turn) }
        if case .weeklyReview = request { try dropPending(.weeklyReview, turn) }
        var insideQuietHours: DayWindow?
        if case .dailyPlan(let minute?) = request, let quiet = preferences.quietHours, quiet.contains(minuteOfDay: minute) {
            insideQuietHours = quiet
        }
        return ProactiveSettingOutcome(setting: request, dailyCap: preferences.dailyCap, planInsideQuietHours: insideQuietHours)
    }

    static func apply(_ request: ProactiveSetting, to preferences: inout ProactivePreferences) {
        switch request {
        case .reminders(let lead): preferences.reminderLeadMinutes = lead
        case .dailyPlan(let minute): preferences.dailyPlanMinute = minute
        case .weeklyReview(let on): preferences.weeklyReview = on
        case .quietHours(let start, let end): preferences.quietHours = DayWindow(startMinute: start, endMinute: end)
        case .quietHoursOff: preferences.quietHours = nil
        case .messageLimit(let count): preferences.dailyCap = count
        case .unansweredCountsAsMissed(let missed): preferences.unansweredCountsAsMissed = missed
        case .mute: preferences.isMuted = true
        case .resume: preferences.isMuted = false
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
