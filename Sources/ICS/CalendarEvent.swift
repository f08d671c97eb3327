/// One VEVENT as read: a single event, the master of a recurring series, or (with `recurrenceID`) an override of
/// one occurrence of a series.
public struct CalendarEvent: Sendable, Hashable {
    public var uid: String
    public var summary: String
    public var start: TimeValue
    public var end: TimeValue?
    public var duration: NominalDuration?
    public var rule: RecurrenceRule?
    public var extraDates: [TimeValue] = []
    public var exceptionDates: [TimeValue] = []
    public var recurrenceID: TimeValue?
    public var isCancelled = false
    /// TRANSP:TRANSPARENT: shown in the calendar but not blocking time.
    public var isTransparent = false
    public var sequence = 0
    /// Where BEGIN:VEVENT stands in the source.
    public var line: Int

    public init(uid: String, summary: String, start: TimeValue, line: Int) {
        self.uid = uid
        self.summary = summary
        self.start = start
        self.line = line
    }

    public var isRecurring: Bool { rule != nil || !extraDates.isEmpty }
    /// Blocks time for whoever owns the calendar.
    public var isBusy: Bool { !isCancelled && !isTransparent }
}

/// A DURATION value (RFC 5545 §3.3.6): whole days are nominal (they follow the wall clock across a DST change),
/// the rest is exact.
public struct NominalDuration: Hashable, Sendable {
    public var days: Int
    public var seconds: Int

    public init(days: Int = 0, seconds: Int = 0) {
        self.days = days
        self.seconds = seconds
    }

    /// Reads `P1D`, `PT1H30M`, `-PT15M`, `P2W`.
    static func parse(_ text: String) -> NominalDuration? {
        var rest = Substring(text)
        var sign = 1
        if rest.hasPrefix("-") { sign = -1; rest = rest.dropFirst() } else if rest.hasPrefix("+") { rest = rest.dropFirst() }
        guard rest.hasPrefix("P") else { return nil }
        rest = rest.dropFirst()
        var days = 0, seconds = 0, number = "", inTime = false, sawPart = false
        for character in rest {
            if character.isNumber { number.append(character); continue }
            if character == "T" { inTime = true; continue }
            guard let value = Int(number) else { return nil }
            number = ""
            sawPart = true
            switch (character, inTime) {
            case ("W", false): days += 7 * value
            case ("D", false): days += value
            case ("H", true): seconds += 3600 * value
            case ("M", true): seconds += 60 * value
            case ("S", true): seconds += value
            default: return nil
            }
        }
        guard sawPart, number.isEmpty else { return nil }
        return NominalDuration(days: sign * days, seconds: sign * seconds)
    }
}

/// A VCALENDAR as read: its events and the time zones it defines.
public struct ParsedCalendar: Sendable {
    public var events: [CalendarEvent]
    public var timeZones: [String: VTimeZone]
    /// RRULE parts this reader does not expand, with how many events use each (those keep their first occurrence).
    public var unsupported: [String: Int]

    /// Events that are not overrides of another event's occurrence.
    public var masterEvents: [CalendarEvent] { events.filter { $0.recurrenceID == nil } }
    public var recurringSeriesCount: Int { masterEvents.filter(\.isRecurring).count }
}
