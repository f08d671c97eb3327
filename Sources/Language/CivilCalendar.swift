import SharedValues

/// The parser's date maths on day numbers (days since 1970-01-01), on top of `CivilDays`.
enum CivilCalendar {
    static func dayNumber(year: Int, month: Int, day: Int) -> Int { CivilDays.dayNumber(year: year, month: month, day: day) }

    static func date(ofDay dayNumber: Int) -> (year: Int, month: Int, day: Int) { CivilDays.date(ofDay: dayNumber) }

    /// 0 = Sunday ... 6 = Saturday.
    static func weekday(ofDay dayNumber: Int) -> Int { CivilDays.weekday(ofDay: dayNumber) }

    /// Day number of the Monday starting the ISO week that holds `dayNumber`.
    static func mondayOfWeek(containing dayNumber: Int) -> Int {
        dayNumber - (weekday(ofDay: dayNumber) + 6) % 7
    }

    static func isLeapYear(_ year: Int) -> Bool { CivilDays.isLeapYear(year) }

    static func daysInMonth(year: Int, month: Int) -> Int { CivilDays.daysInMonth(year: year, month: month) }

    /// The first day of the month `months` after the month holding `dayNumber`.
    static func firstOfMonth(containing dayNumber: Int, plusMonths months: Int) -> Int {
        let (year, month, _) = date(ofDay: dayNumber)
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return self.dayNumber(year: y, month: index - y * 12 + 1, day: 1)
    }

    /// `dayNumber` moved by whole months, clamped to the target month's last day (Jan 31 + 1 month = Feb 28/29).
    static func addingMonths(_ months: Int, to dayNumber: Int) -> Int {
        let (_, _, day) = date(ofDay: dayNumber)
        let first = firstOfMonth(containing: dayNumber, plusMonths: months)
        let (y, m, _) = date(ofDay: first)
        return first + min(day, daysInMonth(year: y, month: m)) - 1
    }
}
