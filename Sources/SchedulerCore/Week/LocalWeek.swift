import Foundation

/// Maps absolute instants to week slots and local wall-clock times in one time zone.
///
/// All DST handling lives here: a slot is the local hour the user sees on the wall clock.
public struct LocalWeek: Sendable {
    public let timeZone: TimeZone
    public let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2 // ISO weeks start Monday.
        calendar.minimumDaysInFirstWeek = 4
        self.calendar = calendar
    }

    public func slot(of date: Date) -> WeekSlot {
        let parts = calendar.dateComponents([.weekday, .hour], from: date)
        // Foundation's weekday is 1 = Sunday.
        return WeekSlot(weekday: (parts.weekday ?? 1) - 1, hour: parts.hour ?? 0)
    }

    /// The distinct local hours that the interval [start, end) touches, in order.
    public func slots(from start: Date, to end: Date) -> [WeekSlot] {
        guard end > start else { return [slot(of: start)] }
        var result: [WeekSlot] = []
        var cursor = start
        while cursor < end {
            let slot = slot(of: cursor)
            if result.last != slot { result.append(slot) }
            guard let nextHour = startOfNextHour(after: cursor) else { break }
            cursor = nextHour
        }
        return result
    }

    public func startOfDay(_ date: Date) -> Date { calendar.startOfDay(for: date) }

    public func startOfNextHour(after date: Date) -> Date? {
        let hourStart = calendar.dateInterval(of: .hour, for: date)?.start ?? date
        return calendar.date(byAdding: .hour, value: 1, to: hourStart)
    }

    /// Minutes since local midnight (0...1439).
    public func minuteOfDay(_ date: Date) -> Int {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }

    /// Weekday 0 = Sunday.
    public func weekday(_ date: Date) -> Int {
        (calendar.component(.weekday, from: date)) - 1
    }

    /// The instant of a local wall-clock minute on the day of `day`; a time skipped by DST moves forward.
    public func date(onDayOf day: Date, minuteOfDay minute: Int) -> Date? {
        let start = startOfDay(day)
        var parts = calendar.dateComponents([.year, .month, .day], from: start)
        parts.hour = minute / 60
        parts.minute = minute % 60
        return calendar.date(from: parts)
    }

    public func addingDays(_ days: Int, to date: Date) -> Date? {
        calendar.date(byAdding: .day, value: days, to: date)
    }
}
