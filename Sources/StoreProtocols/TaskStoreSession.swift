import Foundation
import SchedulerCore

/// Task types (with what was learned about them) and the events placed for them.
public protocol TaskStoreSession {
    func taskTypes(of userID: String) throws -> [TaskType]
    func taskType(of userID: String, named normalisedName: String) throws -> TaskType?
    func taskType(id: Int64) throws -> TaskType?
    /// Inserts (assigning `id`) or updates. A second type of the same user with the same name is refused.
    func save(_ taskType: inout TaskType) throws
    /// `TaskType.restAfter` for each of these types, without loading their learned weeks (busy blocks need only this).
    func restAfter(taskTypes ids: Set<Int64>) throws -> [Int64: Int]
    /// A new week: every recent-schedule count of the user back to zero, in one statement.
    func resetRecentScheduleCounts(of userID: String) throws

    /// Events of a user whose [start, end) meets the interval, ordered by start (events are at most a day long).
    func events(of userID: String, overlapping interval: DateInterval, statuses: Set<Event.Status>) throws -> [Event]
    func event(id: Int64) throws -> Event?
    /// The latest event that started at or before `instant`, with one of the statuses.
    func latestEvent(of userID: String, startingAtOrBefore instant: Date, statuses: Set<Event.Status>) throws -> Event?
    /// The earliest event that starts after `instant`, with one of the statuses.
    func nextEvent(of userID: String, startingAfter instant: Date, statuses: Set<Event.Status>) throws -> Event?
    /// Inserts (assigning `id`) or updates.
    func save(_ event: inout Event) throws
    /// How the user's latest finished events ended (done or skipped), newest first.
    func recentOutcomes(of userID: String, limit: Int) throws -> [Event.Status]
}
