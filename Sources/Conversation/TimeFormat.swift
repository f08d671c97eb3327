import Foundation
import SchedulerCore

/// Short, unambiguous times for chat, in the user's zone: "Tue 24 Nov 09:00-11:00".
struct TimeFormat {
    let week: LocalWeek
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    init(timeZone: TimeZone) { week = LocalWeek(timeZone: timeZone) }

    func day(_ date: Date) -> String {
        let parts = week.calendar.dateComponents([.weekday, .day, .month], from: date)
        let weekday = WeekSlot.weekdayShortNames[((parts.weekday ?? 1) - 1 + 7) % 7]
        return "\(weekday) \(parts.day ?? 1) \(TimeFormat.months[((parts.month ?? 1) - 1 + 12) % 12])"
    }

    func clock(_ date: Date) -> String {
        let minute = week.minuteOfDay(date)
        return TimeFormat.twoDigits(minute / 60) + ":" + TimeFormat.twoDigits(minute % 60)
    }

    /// "Tue 24 Nov 09:00-11:00" (the end day is named too when the range crosses midnight).
    func range(_ start: Date, _ end: Date) -> String {
        let sameDay = week.startOfDay(start) == week.startOfDay(end.addingTimeInterval(-1))
        return "\(day(start)) \(clock(start))-\(sameDay ? "" : day(end) + " ")\(clock(end))"
    }

    func dayAndClock(_ date: Date) -> String { "\(day(date)) \(clock(date))" }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func minutes(_ minute: Int) -> String { twoDigits(minute / 60) + ":" + twoDigits(minute % 60) }

    static func duration(_ minutes: Int) -> String {
        switch (minutes / 60, minutes % 60) {
        case (0, let m): "\(m) min"
        case (let h, 0): "\(h)h"
        case (let h, let m): "\(h)h\(twoDigits(m))"
        }
    }

    static func score(_ value: Double) -> String { String(format: "%.2f", value) }
}
