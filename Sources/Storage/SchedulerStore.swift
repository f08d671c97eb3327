import Foundation
import SchedulerCore

/// Everything the engine reads and writes for one message, inside one transaction.
///
/// One protocol at the seam so the engine never sees SQL; SQLite implements it today.
public protocol StoreSession {
    func user(_ id: String) throws -> UserProfile?
    func save(_ user: UserProfile) throws

    func taskTypes(of userID: String) throws -> [TaskType]
    func taskType(of userID: String, named normalisedName: String) throws -> TaskType?
    func taskType(id: Int64) throws -> TaskType?
    /// Inserts (assigning `id`) or updates.
    func save(_ taskType: inout TaskType) throws

    /// Events of a user whose [start, end) meets the interval, ordered by start.
    func events(of userID: String, overlapping interval: DateInterval, statuses: Set<Event.Status>) throws -> [Event]
    func event(id: Int64) throws -> Event?
    /// The latest event that started at or before `instant`, with one of the statuses.
    func latestEvent(of userID: String, startingAtOrBefore instant: Date, statuses: Set<Event.Status>) throws -> Event?
    /// The earliest event that starts after `instant`, with one of the statuses.
    func nextEvent(of userID: String, startingAfter instant: Date, statuses: Set<Event.Status>) throws -> Event?
    /// Inserts (assigning `id`) or updates.
    func save(_ event: inout Event) throws

    func add(_ insight: inout Insight) throws
    func insights(of userID: String, limit: Int) throws -> [Insight]

    /// Small named values for adapters (sync tokens and such).
    func value(forKey key: String) throws -> String?
    func setValue(_ value: String?, forKey key: String) throws
    /// Records that an external event was handled; false when it already was (exactly-once delivery).
    func markHandled(externalID: String, at instant: Date) throws -> Bool
    /// Keeps the answer to a handled event until it is confirmed delivered.
    func setAnswer(_ answer: String, forExternalID externalID: String) throws
    /// Answers recorded but not yet confirmed delivered, oldest first.
    func undeliveredAnswers(limit: Int) throws -> [(externalID: String, answer: String)]
    func markDelivered(externalID: String, at instant: Date) throws
}

/// A durable store; every call is one transaction.
public protocol SchedulerStore: Sendable {
    func write<T>(_ body: (any StoreSession) throws -> T) throws -> T
    func read<T>(_ body: (any StoreSession) throws -> T) throws -> T
}
