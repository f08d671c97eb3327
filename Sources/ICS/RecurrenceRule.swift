/// An RRULE value (RFC 5545 §3.3.10) as typed parts.
public struct RecurrenceRule: Hashable, Sendable {
    public enum Frequency: String, Sendable, CaseIterable {
        case secondly = "SECONDLY", minutely = "MINUTELY", hourly = "HOURLY", daily = "DAILY"
        case weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// A BYDAY entry: a weekday, optionally the nth (negative: from the end) in the month or year.
    public struct WeekdayNumber: Hashable, Sendable {
        public var ordinal: Int?
        public var weekday: Weekday
        public init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }
    }

    public var frequency: Frequency
    public var interval = 1
    public var count: Int?
    public var until: TimeValue?
    public var byDay: [WeekdayNumber] = []
    public var byMonthDay: [Int] = []
    public var byMonth: [Int] = []
    public var byYearDay: [Int] = []
    public var byWeekNumber: [Int] = []
    public var bySetPosition: [Int] = []
    public var byHour: [Int] = []
    public var byMinute: [Int] = []
    public var bySecond: [Int] = []
    public var weekStart: Weekday = .monday

    public init(frequency: Frequency) { self.frequency = frequency }

    /// Parts this reader does not expand; an event whose rule uses one is kept as its first occurrence only.
    public var unsupportedParts: [String] {
        var parts: [String] = []
        if [.secondly, .minutely, .hourly].contains(frequency) { parts.append("FREQ=\(frequency.rawValue)") }
        if !byWeekNumber.isEmpty { parts.append("BYWEEKNO") }
        return parts
    }

    /// Reads `FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10`; `tzid` is DTSTART's, for an UNTIL written without a zone.
    public static func parse(_ text: String, tzid: String? = nil) throws(RuleError) -> RecurrenceRule {
        var parts: [String: String] = [:]
        for piece in text.split(separator: ";", omittingEmptySubsequences: true) {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { throw RuleError("\"\(piece)\" is not NAME=VALUE") }
            parts[pair[0].uppercased()] = String(pair[1])
        }
        guard let freqText = parts.removeValue(forKey: "FREQ") else { throw RuleError("FREQ is missing") }
        guard let frequency = Frequency(rawValue: freqText.uppercased()) else { throw RuleError("FREQ=\(freqText) is not a frequency") }
        var rule = RecurrenceRule(frequency: frequency)
        for (name, value) in parts {
            switch name {
            case "INTERVAL":
                guard let interval = Int(value), interval >= 1 else { throw RuleError("INTERVAL=\(value) must be a whole number from 1") }
                rule.interval = interval
            case "COUNT":
                guard let count = Int(value), count >= 1 else { throw RuleError("COUNT=\(value) must be a whole number from 1") }
                rule.count = count
            case "UNTIL":
                guard let until = TimeValue.parse(Substring(value), tzid: nil, valueIsDate: false) else {
                    throw RuleError("UNTIL=\(value) is not a date or date-time")
                }
                rule.until = until
            case "BYDAY": rule.byDay = try value.split(separator: ",").map(parseWeekdayNumber)
            case "BYMONTHDAY": rule.byMonthDay = try numbers(value, name, allowed: -31...31)
            case "BYMONTH": rule.byMonth = try numbers(value, name, allowed: 1...12)
            case "BYYEARDAY": rule.byYearDay = try numbers(value, name, allowed: -366...366)
            case "BYWEEKNO": rule.byWeekNumber = try numbers(value, name, allowed: -53...53)
            case "BYSETPOS": rule.bySetPosition = try numbers(value, name, allowed: -366...366)
            case "BYHOUR": rule.byHour = try numbers(value, name, allowed: 0...23, zeroAllowed: true)
            case "BYMINUTE": rule.byMinute = try numbers(value, name, allowed: 0...59, zeroAllowed: true)
            case "BYSECOND": rule.bySecond = try numbers(value, name, allowed: 0...60, zeroAllowed: true)
            case "WKST":
                guard let day = Weekday(code: value) else { throw RuleError("WKST=\(value) is not a weekday") }
                rule.weekStart = day
            default:
                if !name.hasPrefix("X-") { throw RuleError("\(name) is not an RRULE part") }
            }
        }
        if rule.count != nil, rule.until != nil { throw RuleError("COUNT and UNTIL cannot both be given") }
        return rule
    }

    private static func parseWeekdayNumber(_ text: Substring) throws(RuleError) -> WeekdayNumber {
        let code = text.suffix(2)
        guard let day = Weekday(code: code) else { throw RuleError("BYDAY=\(text) is not a weekday") }
        let prefix = text.dropLast(2)
        guard !prefix.isEmpty else { return WeekdayNumber(day) }
        guard let ordinal = Int(prefix.hasPrefix("+") ? prefix.dropFirst() : prefix), ordinal != 0, abs(ordinal) <= 53 else {
            throw RuleError("BYDAY=\(text) has a bad ordinal")
        }
        return WeekdayNumber(day, ordinal: ordinal)
    }

    private static func numbers(_ text: String, _ name: String, allowed: ClosedRange<Int>, zeroAllowed: Bool = false) throws(RuleError) -> [Int] {
        var result: [Int] = []
        for piece in text.split(separator: ",") {
            guard let value = Int(piece.hasPrefix("+") ? piece.dropFirst() : piece), allowed.contains(value), zeroAllowed || value != 0 else {
                throw RuleError("\(name)=\(piece) is out of range")
            }
            result.append(value)
        }
        return result
    }

    /// The rule written back as an RRULE value, parts in a stable order.
    public var text: String {
        var parts = ["FREQ=\(frequency.rawValue)"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if let count { parts.append("COUNT=\(count)") }
        if let until { parts.append("UNTIL=" + CalendarWriter.format(until)) }
        func list(_ name: String, _ values: [Int]) { if !values.isEmpty { parts.append(name + "=" + values.map(String.init).joined(separator: ",")) } }
        list("BYMONTH", byMonth)
        list("BYWEEKNO", byWeekNumber)
        list("BYYEARDAY", byYearDay)
        list("BYMONTHDAY", byMonthDay)
        if !byDay.isEmpty { parts.append("BYDAY=" + byDay.map { ($0.ordinal.map(String.init) ?? "") + $0.weekday.code }.joined(separator: ",")) }
        list("BYHOUR", byHour)
        list("BYMINUTE", byMinute)
        list("BYSECOND", bySecond)
        list("BYSETPOS", bySetPosition)
        if weekStart != .monday { parts.append("WKST=\(weekStart.code)") }
        return parts.joined(separator: ";")
    }
}

public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
