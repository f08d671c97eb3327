import SharedValues

/// A day on the proleptic Gregorian calendar, with integer arithmetic only (no Foundation.Calendar):
/// recurrence expansion visits many days, and these conversions are a few integer operations each.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Nil unless the day exists (no 31 April, 29 February only in leap years).
    public static func valid(year: Int, month: Int, day: Int) -> CivilDate? {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int { CivilDays.dayNumber(year: year, month: month, day: day) }

    public init(dayNumber: Int) {
        (year, month, day) = CivilDays.date(ofDay: dayNumber)
    }

    public var weekday: Weekday {
        Weekday(rawValue: CivilDays.weekday(ofDay: dayNumber)) ?? .sunday
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// 1-based day of the year.
    public var dayOfYear: Int { dayNumber - CivilDate(year: year, month: 1, day: 1).dayNumber + 1 }

    public static func isLeap(_ year: Int) -> Bool { CivilDays.isLeapYear(year) }

    public static func daysIn(month: Int, year: Int) -> Int { CivilDays.daysInMonth(year: year, month: month) }

    public static func daysIn(year: Int) -> Int { isLeap(year) ? 366 : 365 }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public var description: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }
}

/// A wall-clock time of day, seconds included.
public struct CivilDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: CivilDate
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Seconds since 1970-01-01T00:00:00 as if this wall time were UTC.
    public var localSeconds: Int64 {
        Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    public init(localSeconds: Int64) {
        let days = Int((localSeconds >= 0 ? localSeconds : localSeconds - 86_399) / 86_400)
        let rest = Int(localSeconds - Int64(days) * 86_400)
        self.init(date: CivilDate(dayNumber: days), hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60)
    }

    public static func < (a: CivilDateTime, b: CivilDateTime) -> Bool { a.localSeconds < b.localSeconds }

    public var description: String { "\(date)T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) }
}

public enum Weekday: Int, CaseIterable, Sendable, Hashable {
    case sunday = 0, monday, tuesday, wednesday, thursday, friday, saturday

    /// The two-letter RFC 5545 code.
    public var code: String { ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][rawValue] }

    public init?(code: some StringProtocol) {
        guard let index = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"].firstIndex(of: code.uppercased()) else { return nil }
        self.init(rawValue: index)
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
}
