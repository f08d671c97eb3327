/// Holidays, seasons and zone abbreviations: the named times of Duckling's EN grammar (its common
/// English and US holidays, its astronomical seasons and its table of zone abbreviations).
enum Holiday: Sendable, Equatable {
    /// The same date every year ("christmas").
    case fixed(month: Int, day: Int)
    /// The n-th weekday of a month, n = -1 for the last ("thanksgiving", "memorial day").
    case nthWeekday(month: Int, weekday: Int, n: Int, plusDays: Int)
    /// Days from (Western) Easter Sunday ("good friday" is -2).
    case easter(plusDays: Int)

    /// The holiday's day in `year`, as a local day number.
    func day(inYear year: Int) -> Int {
        switch self {
        case let .fixed(month, day):
            return CivilCalendar.dayNumber(year: year, month: month, day: min(day, CivilCalendar.daysInMonth(year: year, month: month)))
        case let .nthWeekday(month, weekday, n, plusDays):
            let first = CivilCalendar.dayNumber(year: year, month: month, day: 1)
            if n < 0 {
                let last = first + CivilCalendar.daysInMonth(year: year, month: month) - 1
                return last - (CivilCalendar.weekday(ofDay: last) - weekday + 7) % 7 + plusDays
            }
            return first + (weekday - CivilCalendar.weekday(ofDay: first) + 7) % 7 + 7 * (n - 1) + plusDays
        case let .easter(plusDays):
            return Self.easterSunday(year) + plusDays
        }
    }

    /// The Gregorian computus (anonymous algorithm).
    static func easterSunday(_ year: Int) -> Int {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilCalendar.dayNumber(year: year, month: month, day: day)
    }

    /// Names as word sequences (lower-cased tokens; "st." is read as "st"), longest first per first word.
    static let names: [String: [([String], Holiday)]] = {
        let thanksgiving = Holiday.nthWeekday(month: 11, weekday: 4, n: 4, plusDays: 0)
        let table: [(String, Holiday)] = [
            ("christmas", .fixed(month: 12, day: 25)), ("christmas day", .fixed(month: 12, day: 25)),
            ("xmas", .fixed(month: 12, day: 25)), ("xmas day", .fixed(month: 12, day: 25)), ("x-mas", .fixed(month: 12, day: 25)),
            ("christmas eve", .fixed(month: 12, day: 24)), ("xmas eve", .fixed(month: 12, day: 24)),
            ("christmas day's eve", .fixed(month: 12, day: 24)),
            ("new year's eve", .fixed(month: 12, day: 31)), ("new years eve", .fixed(month: 12, day: 31)),
            ("new year eve", .fixed(month: 12, day: 31)), ("nye", .fixed(month: 12, day: 31)),
            ("new year's day", .fixed(month: 1, day: 1)), ("new years day", .fixed(month: 1, day: 1)),
            ("new year day", .fixed(month: 1, day: 1)), ("new year's", .fixed(month: 1, day: 1)),
            ("new years", .fixed(month: 1, day: 1)), ("new year", .fixed(month: 1, day: 1)),
            ("valentine's day", .fixed(month: 2, day: 14)), ("valentines day", .fixed(month: 2, day: 14)),
            ("valentine day", .fixed(month: 2, day: 14)), ("valentine's", .fixed(month: 2, day: 14)),
            ("valentines", .fixed(month: 2, day: 14)), ("st valentine's day", .fixed(month: 2, day: 14)),
            ("halloween", .fixed(month: 10, day: 31)), ("haloween", .fixed(month: 10, day: 31)),
            ("halloween day", .fixed(month: 10, day: 31)), ("hallowe'en", .fixed(month: 10, day: 31)),
            ("april fools", .fixed(month: 4, day: 1)), ("april fool's", .fixed(month: 4, day: 1)),
            ("april fools day", .fixed(month: 4, day: 1)), ("april fool's day", .fixed(month: 4, day: 1)),
            ("all fools day", .fixed(month: 4, day: 1)),
            ("boxing day", .fixed(month: 12, day: 26)), ("st stephen's day", .fixed(month: 12, day: 26)),
            ("st patrick's day", .fixed(month: 3, day: 17)), ("st patricks day", .fixed(month: 3, day: 17)),
            ("saint patrick's day", .fixed(month: 3, day: 17)), ("saint patricks day", .fixed(month: 3, day: 17)),
            ("st paddy's day", .fixed(month: 3, day: 17)), ("st paddys day", .fixed(month: 3, day: 17)),
            ("st george's day", .fixed(month: 4, day: 23)), ("saint george's day", .fixed(month: 4, day: 23)),
            ("earth day", .fixed(month: 4, day: 22)), ("may day", .fixed(month: 5, day: 1)),
            ("all saints day", .fixed(month: 11, day: 1)), ("all saints' day", .fixed(month: 11, day: 1)),
            ("all souls day", .fixed(month: 11, day: 2)), ("all souls' day", .fixed(month: 11, day: 2)),
            ("epiphany", .fixed(month: 1, day: 6)),
            ("independence day", .fixed(month: 7, day: 4)), ("fourth of july", .fixed(month: 7, day: 4)),
            ("4th of july", .fixed(month: 7, day: 4)),
            ("veterans day", .fixed(month: 11, day: 11)), ("veteran's day", .fixed(month: 11, day: 11)),
            ("veterans' day", .fixed(month: 11, day: 11)), ("veteran day", .fixed(month: 11, day: 11)),
            ("groundhog day", .fixed(month: 2, day: 2)), ("groundhogs day", .fixed(month: 2, day: 2)),
            ("cinco de mayo", .fixed(month: 5, day: 5)), ("juneteenth", .fixed(month: 6, day: 19)),
            ("flag day", .fixed(month: 6, day: 14)), ("patriot day", .fixed(month: 9, day: 11)),
            ("thanksgiving", thanksgiving), ("thanksgiving day", thanksgiving), ("thanksgivings", thanksgiving),
            ("thanks giving", thanksgiving), ("thanxgiving", thanksgiving),
            ("black friday", .nthWeekday(month: 11, weekday: 4, n: 4, plusDays: 1)),
            ("cyber monday", .nthWeekday(month: 11, weekday: 4, n: 4, plusDays: 4)),
            ("memorial day", .nthWeekday(month: 5, weekday: 1, n: -1, plusDays: 0)),
            ("decoration day", .nthWeekday(month: 5, weekday: 1, n: -1, plusDays: 0)),
            ("labor day", .nthWeekday(month: 9, weekday: 1, n: 1, plusDays: 0)),
            ("labour day", .nthWeekday(month: 9, weekday: 1, n: 1, plusDays: 0)),
            ("mother's day", .nthWeekday(month: 5, weekday: 0, n: 2, plusDays: 0)),
            ("mothers day", .nthWeekday(month: 5, weekday: 0, n: 2, plusDays: 0)),
            ("mothers' day", .nthWeekday(month: 5, weekday: 0, n: 2, plusDays: 0)),
            ("mother day", .nthWeekday(month: 5, weekday: 0, n: 2, plusDays: 0)),
            ("father's day", .nthWeekday(month: 6, weekday: 0, n: 3, plusDays: 0)),
            ("fathers day", .nthWeekday(month: 6, weekday: 0, n: 3, plusDays: 0)),
            ("fathers' day", .nthWeekday(month: 6, weekday: 0, n: 3, plusDays: 0)),
            ("father day", .nthWeekday(month: 6, weekday: 0, n: 3, plusDays: 0)),
            ("mlk day", .nthWeekday(month: 1, weekday: 1, n: 3, plusDays: 0)),
            ("mlk jr day", .nthWeekday(month: 1, weekday: 1, n: 3, plusDays: 0)),
            ("martin luther king day", .nthWeekday(month: 1, weekday: 1, n: 3, plusDays: 0)),
            ("martin luther king jr day", .nthWeekday(month: 1, weekday: 1, n: 3, plusDays: 0)),
            ("martin luther king's day", .nthWeekday(month: 1, weekday: 1, n: 3, plusDays: 0)),
            ("presidents day", .nthWeekday(month: 2, weekday: 1, n: 3, plusDays: 0)),
            ("president's day", .nthWeekday(month: 2, weekday: 1, n: 3, plusDays: 0)),
            ("presidents' day", .nthWeekday(month: 2, weekday: 1, n: 3, plusDays: 0)),
            ("washington's birthday", .nthWeekday(month: 2, weekday: 1, n: 3, plusDays: 0)),
            ("columbus day", .nthWeekday(month: 10, weekday: 1, n: 2, plusDays: 0)),
            ("easter", .easter(plusDays: 0)), ("easter sunday", .easter(plusDays: 0)),
            ("easter monday", .easter(plusDays: 1)), ("good friday", .easter(plusDays: -2)),
            ("holy saturday", .easter(plusDays: -1)), ("easter eve", .easter(plusDays: -1)),
            ("maundy thursday", .easter(plusDays: -3)), ("holy thursday", .easter(plusDays: -3)),
            ("palm sunday", .easter(plusDays: -7)), ("ash wednesday", .easter(plusDays: -46)),
            ("shrove tuesday", .easter(plusDays: -47)), ("mardi gras", .easter(plusDays: -47)),
            ("pancake day", .easter(plusDays: -47)), ("ascension day", .easter(plusDays: 39)),
            ("pentecost", .easter(plusDays: 49)), ("whitsunday", .easter(plusDays: 49)),
            ("whit monday", .easter(plusDays: 50)),
        ]
        var byFirst: [String: [([String], Holiday)]] = [:]
        for (name, holiday) in table {
            let words = name.split(separator: " ").map(String.init)
            byFirst[words[0], default: []].append((words, holiday))
        }
        for key in byFirst.keys { byFirst[key]?.sort { $0.0.count > $1.0.count } }
        return byFirst
    }()
}

/// Duckling's seasons (northern hemisphere), each a closed run of days.
enum Season: Sendable, Equatable {
    case spring, summer, fall, winter

    static let names: [String: Season] = [
        "spring": .spring, "summer": .summer, "fall": .fall, "autumn": .fall, "winter": .winter,
    ]

    /// First and last day (month, day); winter runs into the next year.
    var days: (from: (Int, Int), to: (Int, Int)) {
        switch self {
        case .spring: ((3, 20), (6, 21))
        case .summer: ((6, 21), (9, 23))
        case .fall: ((9, 23), (12, 21))
        case .winter: ((12, 21), (3, 20))
        }
    }
}

/// Zone abbreviations read after a clock ("4pm CET", "9:30 est"), with Duckling's fixed offsets in minutes.
/// Abbreviations that are also common English words ("get", "cat", "art") are left out.
enum ZoneAbbreviations {
    static let offsets: [String: Int] = [
        "utc": 0, "gmt": 0, "bst": 60, "cet": 60, "cest": 120,
        "eet": 120, "eest": 180, "msk": 180, "ist": 330, "pkt": 300, "ict": 420, "wib": 420, "sgt": 480, "hkt": 480,
        "pht": 480, "awst": 480, "jst": 540, "kst": 540, "acst": 570, "acdt": 630, "aest": 600, "aedt": 660,
        "nzst": 720, "nzdt": 780, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
        "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600, "ast": -240, "adt": -180, "nst": -210,
        "ndt": -150, "brt": -180, "sast": 120, "wat": 60, "eat": 180, "irst": 210, "gst": 240,
    ]
}
