import Foundation
@testable import SchedulerCore

/// Builds instants from readable local wall-clock times.
struct Clock {
    let week: LocalWeek

    init(_ zone: String = "UTC") {
        week = LocalWeek(timeZone: TimeZone(identifier: zone)!)
    }

    func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        week.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }
}

func request(habit: WeekGrid = WeekGrid(repeating: 0.5), energy: WeekGrid = WeekGrid(repeating: 0.5),
             minutes: Int = 60, from start: Date, to end: Date, busy: [BusyBlock] = [],
             availability: Availability = .standard, zone: String = "UTC", recovery: Int = 0) -> SlotRequest {
    SlotRequest(habit: habit, energy: energy, durationMinutes: minutes, window: DateInterval(start: start, end: end),
                availability: availability, timeZone: TimeZone(identifier: zone)!, busy: busy, recoveryMinutes: recovery)
}

/// A grid that is 0.1 everywhere except the given slots.
func grid(peaks: [WeekSlot: Double], base: Double = 0.1) -> WeekGrid {
    var grid = WeekGrid(repeating: base)
    for (slot, value) in peaks { grid[slot] = value }
    return grid
}
