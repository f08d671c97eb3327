import Foundation

/// What to do with a message that has fallen due.
public enum DeliveryDecision: Sendable, Equatable {
    case send
    /// Try again at this instant (quiet hours or today's cap ended); only follow-ups wait.
    case wait(until: Date)
    /// A follow-up queued behind the one the user has not answered yet.
    case hold
    case drop(DropReason)
    /// A follow-up whose day is over without an answer.
    case expire
}

public enum DropReason: String, Sendable, Equatable {
    case late, muted, quietHours = "quiet hours", dailyCap = "daily cap"
}

/// What the policy needs to know about the user at the moment of a tick.
public struct DeliveryContext: Sendable {
    public var now: Date
    public var week: LocalWeek
    public var preferences: ProactivePreferences
    /// Unprompted messages already sent today (local day).
    public var sentToday: Int
    public var hasOpenFollowUp: Bool
    /// The start of the event a reminder is about.
    public var eventStart: Date?

    public init(now: Date, week: LocalWeek, preferences: ProactivePreferences, sentToday: Int, hasOpenFollowUp: Bool,
                eventStart: Date? = nil) {
        self.now = now
        self.week = week
        self.preferences = preferences
        self.sentToday = sentToday
        self.hasOpenFollowUp = hasOpenFollowUp
        self.eventStart = eventStart
    }
}

/// Decides whether a due message is sent now. Pure, so quiet hours, caps, mute and lateness are testable
/// without a clock. Reminders and digests are worthless late and are dropped; follow-ups carry the learning
/// signal, so they wait for quiet hours or the cap to pass, and queue one at a time.
public struct DeliveryPolicy: Sendable {
    /// How late each kind may still go out; later than this it is dropped, so a restart never sends a burst.
    public var grace: [NudgeKind: TimeInterval]

    public init(grace: [NudgeKind: TimeInterval] = DeliveryPolicy.defaultGrace) {
        self.grace = grace
    }

    public static let defaultGrace: [NudgeKind: TimeInterval] = [
        .reminder: 10 * 60, .followUp: 12 * 3600, .dailyPlan: 60 * 60, .weeklyReview: 6 * 3600,
    ]

    public func decide(_ nudge: Nudge, _ context: DeliveryContext) -> DeliveryDecision {
        if let expiry = nudge.expiresAt, context.now >= expiry { return nudge.kind == .followUp ? .expire : .drop(.late) }
        if context.preferences.isMuted { return .drop(.muted) }
        let lateness = context.now.timeIntervalSince(nudge.dueAt)
        if lateness > (grace[nudge.kind] ?? 0) { return nudge.kind == .followUp ? .expire : .drop(.late) }
        if nudge.kind == .reminder, let start = context.eventStart, context.now >= start { return .drop(.late) }
        if nudge.kind == .followUp, context.hasOpenFollowUp { return .hold }
        if let quiet = context.preferences.quietHours, quiet.contains(context.now, in: context.week) {
            return nudge.kind == .followUp ? wait(until: quiet.end(after: context.now, in: context.week), nudge) : .drop(.quietHours)
        }
        if context.sentToday >= context.preferences.dailyCap {
            guard nudge.kind == .followUp else { return .drop(.dailyCap) }
            let tomorrow = context.week.addingDays(1, to: context.week.startOfDay(context.now)) ?? context.now.addingTimeInterval(86_400)
            let morning = context.preferences.quietHours.map { $0.end(after: tomorrow, in: context.week) } ?? tomorrow
            return wait(until: morning, nudge)
        }
        return .send
    }

    private func wait(until instant: Date, _ nudge: Nudge) -> DeliveryDecision {
        if let expiry = nudge.expiresAt, instant >= expiry { return .expire }
        return .wait(until: instant)
    }
}
