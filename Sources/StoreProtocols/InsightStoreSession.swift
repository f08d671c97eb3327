import Foundation
import SchedulerCore

/// What the bot noticed about a user (insights), kept with the events they came from.
public protocol InsightStoreSession {
    func add(_ insight: inout Insight) throws
    /// Rewrites a stored insight (reinforcement: higher confidence, more source events).
    func update(_ insight: Insight) throws
    /// Newest first.
    func insights(of userID: String, limit: Int) throws -> [Insight]
}
