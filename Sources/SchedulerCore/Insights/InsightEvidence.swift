import Foundation

/// What insight detection looks at for one user: their task types, recent events and energy week.
/// A value, so detection stays pure; `now` stamps new insights.
public struct InsightEvidence: Sendable {
    public var userID: String
    public var taskTypes: [TaskType]
    /// Recent events of this user, any status; only done and skipped ones count as outcomes.
    public var events: [Event]
    public var energy: EnergyPattern
    public var timeZone: TimeZone
    public var now: Date

    public init(userID: String, taskTypes: [TaskType], events: [Event], energy: EnergyPattern, timeZone: TimeZone, now: Date) {
        self.userID = userID
        self.taskTypes = taskTypes
        self.events = events
        self.energy = energy
        self.timeZone = timeZone
        self.now = now
    }

    /// Done and skipped events with their success (a skip counts as the skipped signal).
    var outcomes: [(event: Event, success: Double)] {
        events.compactMap { event in
            switch event.status {
            case .done: (event, event.successRating ?? Outcome.doneSignal)
            case .skipped: (event, event.successRating ?? Outcome.skippedSignal)
            case .scheduled, .cancelled: nil
            }
        }
    }
}

/// The thresholds of the design (seed 001/002), in one place so tests and configuration can name them.
public struct InsightThresholds: Sendable, Equatable {
    /// A slot "consistently succeeds" above this score...
    public var successScore = 0.8
    /// ...with more than this many completions there.
    public var successCompletions = 5
    /// Friday's mean success below this share of Monday's is a weekly decline.
    public var weekdayDeclineRatio = 0.6
    /// Outcomes each of Monday and Friday needs before they are compared.
    public var weekdayMinimumOutcomes = 3
    /// An outcome below this success is a failure.
    public var failureBelow = 0.5
    /// More than this many failures in a situation (post-lunch, after a meeting) make a pattern...
    public var situationFailures = 3
    /// ...when at least this share of outcomes in that situation failed.
    public var situationFailureShare = 0.5
    /// Local hours counted as "after lunch".
    public var postLunchHours = 13..<15
    /// Minutes after a meeting ends within which a task counts as "after a meeting".
    public var afterMeetingMinutes = 60
    /// Energy insights need this confidence, and one side this many times the other (seed 002).
    public var energyConfidence = 0.7
    public var energyRatio = 1.3
    /// Reinforcing an existing insight closes this share of its gap to full confidence.
    public var reinforcement = 0.2

    public init() {}
}
