/// A value that looks like a time but cannot be one ("25:00", "13pm", "february 30", "for -2h").
/// The command layer names `value` in its reply; nothing is created from a phrase that has one.
public struct TimeProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// An hour past 23 ("25:00", "99:00", "at 9999") or past 12 with am/pm ("13pm").
        case impossibleHour = "impossible_hour"
        /// Minutes past 59 ("9:75"), or any minutes after 24 ("24:30").
        case impossibleMinute = "impossible_minute"
        /// A day the month does not have ("february 30", "31/04"), or no such month ("13/13/2026").
        case impossibleDate = "impossible_date"
        /// A duration below zero ("for -2h").
        case negativeDuration = "negative_duration"
    }

    public var kind: Kind
    /// The value as the user wrote it ("25:00", "february 30").
    public var value: String
    /// Where it is in the text.
    public var range: Range<String.Index>

    /// "25:00 is not a time", ready for a reply.
    public var description: String {
        switch kind {
        case .impossibleHour, .impossibleMinute: "\(value) is not a time"
        case .impossibleDate: "\(value) is not a date"
        case .negativeDuration: "\(value) is not a duration"
        }
    }
}

/// The grammar rules, by name, so `parse-time --explain` can show which ones built an answer.
/// A mention records the rules it used as bits (no allocation on the parsing path).
enum TimeRule: Int, CaseIterable, Sendable {
    case now, clockColon, clockCompact, clockHour, clockWords, clockRelative, clockNoonMidnight, clockHourMinute
    case meridiem, clockWithPart, clockRange, clockBetween
    case relativeDay, weekday, weekdayThisNext, weekdayAfterNext, weekdayOfWeek, weekdayCountFromNow
    case monthDay, dayMonth, ordinalDay, numericDate, isoDate, dayOfMonthOf, nthWeekdayOf, lastDayOf, dayRange
    case partOfDay, thisPartOfDay, tonight, lastNight
    case cycle, weekend, weekendAfterNext, partOfCycle, namedMonth, partOfMonth, year, nthWeekOf, cycleSpan
    case offsetIn, offsetAgo, offsetFromNow, offsetFromDay, within
    case before, after, by, byEndOf
    case duration, quantityWords, quantityFraction
    case zone, holiday, season, weekOf, durationFromTime, dateTimeRange
    case sameTime, weekdayInDuration, dayArithmetic, twoDigitYear

    var name: String {
        switch self {
        case .now: "now"
        case .clockColon: "hh:mm"
        case .clockCompact: "hhmm / 16h30"
        case .clockHour: "hour"
        case .clockWords: "time in words"
        case .clockRelative: "minutes past/to hour"
        case .clockNoonMidnight: "noon/midnight"
        case .clockHourMinute: "<hour> <minutes>"
        case .meridiem: "am/pm"
        case .clockWithPart: "<clock> <part of day>"
        case .clockRange: "<clock> - <clock>"
        case .clockBetween: "from/between <clock> and <clock>"
        case .relativeDay: "today/tomorrow/yesterday"
        case .weekday: "<weekday>"
        case .weekdayThisNext: "this/next/last <weekday>"
        case .weekdayAfterNext: "<weekday> after next"
        case .weekdayOfWeek: "<weekday> of <week>"
        case .weekdayCountFromNow: "<n> <weekdays> from now/ago"
        case .monthDay: "<month> <day>"
        case .dayMonth: "<day> <month>"
        case .ordinalDay: "the <ordinal>"
        case .numericDate: "mm/dd"
        case .isoDate: "yyyy-mm-dd"
        case .dayOfMonthOf: "<day> of <month>"
        case .nthWeekdayOf: "<nth> <weekday> of <month>"
        case .lastDayOf: "last day of <month>"
        case .dayRange: "<day> - <day>"
        case .partOfDay: "<part of day>"
        case .thisPartOfDay: "this <part of day>"
        case .tonight: "tonight"
        case .lastNight: "last night"
        case .cycle: "this/next/last <week|month|year>"
        case .weekend: "weekend"
        case .weekendAfterNext: "weekend after next"
        case .partOfCycle: "beginning/middle/end of <week|month|year>"
        case .namedMonth: "<month>"
        case .partOfMonth: "early/mid/late <month>"
        case .year: "<year>"
        case .nthWeekOf: "<nth> week of <month>"
        case .cycleSpan: "last/next <n> <units>"
        case .offsetIn: "in <duration>"
        case .offsetAgo: "<duration> ago"
        case .offsetFromNow: "<duration> from now"
        case .offsetFromDay: "<duration> from <day>"
        case .within: "within <duration>"
        case .before: "before/until <time>"
        case .after: "after/since <time>"
        case .by: "by <time>"
        case .byEndOf: "by the end of <time>"
        case .duration: "for <duration>"
        case .quantityWords: "number words"
        case .quantityFraction: "fractions (1/2, 3/4, and a half)"
        case .zone: "<clock> <zone>"
        case .holiday: "<holiday>"
        case .season: "<season>"
        case .weekOf: "the week of <day>"
        case .durationFromTime: "<duration> before/after <time>"
        case .dateTimeRange: "<datetime> - <datetime>"
        case .sameTime: "same time <day>"
        case .weekdayInDuration: "<weekday> in <duration>"
        case .dayArithmetic: "<day> +/- <duration>"
        case .twoDigitYear: "<month> 'yy"
        }
    }
}

/// A set of `TimeRule`s as bits.
struct RuleSet: Sendable, Equatable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    mutating func insert(_ rule: TimeRule) {
        if rule.rawValue < 64 { low |= 1 << UInt64(rule.rawValue) } else { high |= 1 << UInt64(rule.rawValue - 64) }
    }

    mutating func formUnion(_ other: RuleSet) {
        low |= other.low
        high |= other.high
    }

    func contains(_ rule: TimeRule) -> Bool {
        rule.rawValue < 64 ? low & (1 << UInt64(rule.rawValue)) != 0 : high & (1 << UInt64(rule.rawValue - 64)) != 0
    }

    var rules: [TimeRule] { TimeRule.allCases.filter(contains) }
}
