import Foundation

/// The kinds of message the bot sends on its own.
public enum NudgeKind: String, Sendable, CaseIterable, Codable {
    case reminder
    case followUp = "follow_up"
    case dailyPlan = "daily_plan"
    case weeklyReview = "weekly_review"
}

/// Where a pending message is in its life. Raw values are stored.
public enum NudgeState: String, Sendable, CaseIterable, Codable {
    /// Waiting for its due time (or, for a follow-up, for the open one to be answered).
    case pending
    /// A follow-up that was asked and awaits the user's answer.
    case open
    case sent
    /// A follow-up answered by the user's reply to it.
    case answered
    /// A follow-up made moot because the event got its outcome another way (a plain "done gym").
    case closed
    /// A follow-up nobody answered by the end of the user's day.
    case expired
    /// Not sent: too late, muted, quiet hours or over the daily cap.
    case dropped
}

/// One message the bot means to send later, as stored: it survives restarts.
public struct Nudge: Sendable, Equatable {
    public var id: Int64?
    public var userID: String
    public var kind: NudgeKind
    /// The event a reminder or follow-up is about.
    public var eventID: Int64?
    public var dueAt: Date
    /// For follow-ups: the end of the user's day, after which silence is final.
    public var expiresAt: Date?
    public var state: NudgeState
    public var createdAt: Date
    public var sentAt: Date?

    public init(id: Int64? = nil, userID: String, kind: NudgeKind, eventID: Int64? = nil, dueAt: Date,
                expiresAt: Date? = nil, state: NudgeState = .pending, createdAt: Date, sentAt: Date? = nil) {
        self.id = id
        self.userID = userID
        self.kind = kind
        self.eventID = eventID
        self.dueAt = dueAt
        self.expiresAt = expiresAt
        self.state = state
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}
