/// The words the time grammar knows, in lookup tables.
enum Lexicon {
    /// 0 = Sunday.
    static let weekdays: [String: Int] = [
        "sunday": 0, "sun": 0, "sundays": 0,
        "monday": 1, "mon": 1, "mondays": 1,
        "tuesday": 2, "tue": 2, "tues": 2, "tuesdays": 2,
        "wednesday": 3, "wed": 3, "weds": 3, "wednesdays": 3,
        "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "thursdays": 4,
        "friday": 5, "fri": 5, "fridays": 5,
        "saturday": 6, "sat": 6, "saturdays": 6,
        // The misspellings people type most (a sound spelled as heard, a letter dropped or swapped).
        "sundy": 0, "mondy": 1, "moday": 1, "tuesay": 2, "teusday": 2, "tusday": 2, "wendsday": 3, "wensday": 3, "wednsday": 3,
        "wedensday": 3, "wednesay": 3, "wedsday": 3, "thrusday": 4, "thursay": 4, "thurday": 4, "firday": 5, "fridy": 5,
        "saturady": 6, "satuday": 6, "saterday": 6,
    ]

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    ]

    static let tomorrowWords: Set<String> = [
        "tomorrow", "tmrw", "tmr", "tom", "tmw", "tomorow", "tommorow", "tommorrow", "tomorrw", "2moro", "tmrow",
    ]

    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    /// Number words up to sixty; compounds ("twenty five", "forty-five") are read by the scanner.
    static let numberWords: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "thirtieth": 30, "1st": 1, "2nd": 2, "3rd": 3,
    ]

    static let units: [String: TimeUnit] = [
        "s": .second, "sec": .second, "secs": .second, "second": .second, "seconds": .second,
        "m": .minute, "min": .minute, "mins": .minute, "minute": .minute, "minutes": .minute, "mn": .minute,
        "h": .hour, "hr": .hour, "hrs": .hour, "hour": .hour, "hours": .hour, "hs": .hour,
        "d": .day, "day": .day, "days": .day,
        "w": .week, "wk": .week, "wks": .week, "week": .week, "weeks": .week, "fortnight": .fortnight, "fortnights": .fortnight,
        "mo": .month, "mos": .month, "month": .month, "months": .month,
        "y": .year, "yr": .year, "yrs": .year, "year": .year, "years": .year,
    ]
}

/// A calendar or clock unit in offsets and durations.
enum TimeUnit: Sendable, Equatable {
    case second, minute, hour, day, week, fortnight, month, year

    /// Minutes in one unit for clock units; nil for calendar units measured in days or months.
    var minutes: Double? {
        switch self {
        case .second: 1.0 / 60
        case .minute: 1
        case .hour: 60
        default: nil
        }
    }

    /// The next finer unit and how many of it make one of this ("1.5 hours" is 90 minutes).
    var finer: (unit: TimeUnit, count: Int)? {
        switch self {
        case .second: nil
        case .minute: (.second, 60)
        case .hour: (.minute, 60)
        case .day: (.hour, 24)
        case .week: (.day, 7)
        case .fortnight: (.day, 14)
        case .month: (.day, 30)
        case .year: (.month, 12)
        }
    }

    /// The grain of this unit as a resolved time's grain.
    var grain: TimeGrain {
        switch self {
        case .second: .second
        case .minute: .minute
        case .hour: .hour
        case .day: .day
        case .week, .fortnight: .week
        case .month: .month
        case .year: .year
        }
    }
}
