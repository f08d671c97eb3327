import Foundation
import SchedulerCore

/// Habits ("gym 3x a week") and which events are their occurrences.
public protocol HabitStoreSession {
    /// Inserts (assigning `id`) or updates.
    func save(_ habit: inout Habit) throws
    func habits(of userID: String, activeOnly: Bool) throws -> [Habit]
    func habit(id: Int64) throws -> Habit?
    /// Records that an event is an occurrence of a habit.
    func link(eventID: Int64, toHabit habitID: Int64) throws
    func habitID(ofEvent eventID: Int64) throws -> Int64?
    /// The habit's events meeting the interval, any status, ordered by start.
    func occurrences(of habitID: Int64, overlapping interval: DateInterval) throws -> [Event]
}
