import Foundation
import SchedulerCore

/// What the proactive side of the engine (reminders, follow-ups, digests) reads and writes: each user's
/// preferences and the unprompted messages (nudges) queued for them.
public protocol ProactiveStoreSession {
    /// Users on `network` the clock must look at `now`: a message due or a follow-up open, or active habits
    /// to place. Everyone else is skipped, so a tick costs what is due, not what is stored, and one network's
    /// round never takes another network's messages.
    func userIDsNeedingTick(at instant: Date, on network: Network) throws -> [String]
    /// The user's preferences, or the defaults when they never changed any.
    func proactivePreferences(of userID: String) throws -> ProactivePreferences
    func save(_ preferences: ProactivePreferences, of userID: String) throws

    /// Inserts (assigning `id`) or updates.
    func save(_ nudge: inout Nudge) throws
    /// The reminder or follow-up of an event (at most one of each).
    func nudge(kind: NudgeKind, eventID: Int64) throws -> Nudge?
    /// Nudges of a user in one of the states, of one of the kinds, oldest due first.
    func nudges(of userID: String, kinds: Set<NudgeKind>, states: Set<NudgeState>) throws -> [Nudge]
    /// Distinct send instants of a user's unprompted messages since `instant` (merged reminders count once).
    func messagesSent(to userID: String, since instant: Date) throws -> Int
    /// The earliest pending due time or follow-up deadline strictly after `instant`, over all users.
    func nextNudgeTime(after instant: Date) throws -> Date?
    /// Follow-ups in each state, for one user (nil: everyone).
    func followUpCounts(of userID: String?) throws -> [NudgeState: Int]
}
