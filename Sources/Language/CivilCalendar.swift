/// Proleptic Gregorian arithmetic on day numbers (days since 1970-01-01), without Foundation.
/// Calendar calls are slow on Linux, so the parser does its date maths here.
enum CivilCalendar {
    /// Day number of a civil date (Howard Hinnant's `days_from_civil`).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Civil date of a day number (`civil_from_days`).
    static func date(ofDay dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday).
    static func weekday(ofDay dayNumber: Int) -> Int {
        let r = (dayNumber + 4) % 7
        return r < 0 ? r + 7 : r
    }

    /// Day number of the Monday starting the ISO week that holds `dayNumber`.
    static func mondayOfWeek(containing dayNumber: Int) -> Int {
        dayNumber - (weekday(ofDay: dayNumber) + 6) % 7
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

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
