/// Days: relative days, weekdays with this/next/last, absolute dates in many spellings, day ranges.
extension TimeScanner {
    func dayRangeOrDay(at i: Int) -> TimeMention? {
        if let m = dayRangeInMonth(at: i) { return m }
        guard let (day, next) = daySpec(at: i) else { return nil }
        if isConnector(next, ["-", "to", "till", "til", "until", "through", "thru"]),
           let (last, end) = daySpec(at: next + 1) {
            var m = TimeMention(tokens: i..<end)
            m.day = day.inMonth(of: last)
            m.lastDay = last.inYear(of: day)
            m.rules.insert(.dayRange)
            m.flag(isPossible(day) ? nil : .impossibleDate, at: i..<next)
            m.flag(isPossible(last) ? nil : .impossibleDate, at: (next + 1)..<end)
            return m
        }
        var m = TimeMention(tokens: i..<next)
        if case .relative(0) = day, isWord(i, ["tonight", "tonite", "tonights"]) {
            m.part = .night
            m.rules.insert(.tonight)
        } else if case .relative(0) = day, isWord(i, ["late"]) {
            m.part = .lateNight
            m.rules.insert(.tonight)
        } else {
            m.rules.insert(rule(for: day))
        }
        m.day = day
        m.flag(isPossible(day) ? nil : .impossibleDate, at: i..<next)
        return m
    }

    /// "august 10 - 22, 2012", "10 - 22 august", "22-23 feb", "may eighth to tenth": days of one month.
    private func dayRangeInMonth(at i: Int) -> TimeMention? {
        let connectors: Set<String> = ["-", "to", "till", "until", "through", "thru"]
        func dayNumber(at j: Int) -> (Int, Int)? {
            // "the 13 to the 15 july"
            if isWord(j, ["the"]), number(j + 1) != nil || ordinalWordDay(at: j + 1) != nil { return dayNumber(at: j + 1) }
            if let n = number(j), tokens[j].text.count <= 2 { return (n, isWord(j + 1, Lexicon.ordinalSuffixes) && isAttached(j + 1) ? j + 2 : j + 1) }
            return ordinalWordDay(at: j)
        }
        var mention: (DaySpec, DaySpec, Int)?
        if let name = word(i), let month = Lexicon.months[name], let (first, afterFirst) = dayNumber(at: i + 1),
           isConnector(afterFirst, connectors), let (last, afterLast) = dayNumber(at: afterFirst + 1), last > first,
           word(afterLast).flatMap({ Lexicon.months[$0] }) == nil {
            let (year, end) = year(at: afterLast)
            mention = (.date(year: year, month: month, day: first), .date(year: year, month: month, day: last), end)
        } else if let (first, afterFirst) = dayNumber(at: i), isConnector(afterFirst, connectors),
                  let (last, afterLast) = dayNumber(at: afterFirst + 1), last > first,
                  let name = word(afterLast), let month = Lexicon.months[name] {
            let (year, end) = year(at: afterLast + 1)
            mention = (.date(year: year, month: month, day: first), .date(year: year, month: month, day: last), end)
        }
        guard let (first, last, end) = mention else { return nil }
        var m = TimeMention(tokens: i..<end)
        m.day = first
        m.lastDay = last
        m.rules.insert(.dayRange)
        m.flag(isPossible(first) ? nil : .impossibleDate, at: i..<end)
        m.flag(isPossible(last) ? nil : .impossibleDate, at: i..<end)
        return m
    }

    private func rule(for day: DaySpec) -> TimeRule {
        switch day {
        case .holiday: .holiday
        case let .plus(base, _), let .plusMonths(base, _): rule(for: base)
        case .nthWeekdayAfter, .closestWeekday: .nthWeekdayOf
        case .businessDay: .weekdayThisNext
        case .relative: .relativeDay
        case let .weekday(_, modifier, _):
            switch modifier {
            case .bare: .weekday
            case .this, .next, .last: .weekdayThisNext
            case .afterNext: .weekdayAfterNext
            case .ofWeek: .weekdayOfWeek
            case .count: .weekdayCountFromNow
            }
        case .date, .dateOnWeekday: .monthDay
        case .dayOfMonth: .ordinalDay
        case .numeric: .numericDate
        case .dayOf: .dayOfMonthOf
        case .lastDayOf, .ofYear: .lastDayOf
        case .nthWeekdayOf: .nthWeekdayOf
        }
    }

    private func isPossible(_ day: DaySpec) -> Bool {
        switch day {
        case .date: return day.isPossibleDate
        case let .dayOfMonth(d): return (1...31).contains(d)
        case let .numeric(a, b, year):
            return DaySpec.date(year: year, month: a, day: b).isPossibleDate || DaySpec.date(year: year, month: b, day: a).isPossibleDate
        default: return true
        }
    }

    /// A day at `i`. Forms built on another day ("the day after christmas", "the second monday after the 5th")
    /// take a simple day as their base (`composite` false), so chains like "the day after the day after ..."
    /// cost linear time, never more.
    func daySpec(at i: Int, composite: Bool = true) -> (DaySpec, Int)? {
        guard i < tokens.count else { return nil }
        if let w = word(i) {
            if let holiday = holidaySpec(at: i) { return holiday }
            if let business = businessDay(at: w == "the" ? i + 1 : i) { return business }
            if composite, let after = nthWeekdayAfter(at: w == "the" ? i + 1 : i) { return after }
            if composite, w == "the", let closest = closestWeekday(at: i + 1) { return closest }
            if let counted = weekdayCount(at: i, composite: composite) { return counted }
            // "day before christmas", "day after the 5th" (tomorrow and yesterday are read as relative days)
            if composite, w == "day", isWord(i + 1, ["after", "before"]), !isWord(i + 2, Lexicon.tomorrowWords), !isWord(i + 2, ["yesterday"]),
               let (day, next) = daySpec(at: i + 2, composite: false) {
                return (day.shifted(by: isWord(i + 1, ["after"]) ? 1 : -1), next)
            }
            if let relative = relativeDay(w, at: i) { return relative }
            if let counted = nthWeekdayOrLastDay(at: w == "the" ? i + 1 : i) { return counted }
            if let weekday = weekdaySpec(at: i) { return weekday }
            if let named = monthFirstDate(at: i) { return named }
            if w == "the" {
                if let (day, next) = ordinalDay(at: i + 1) { return withMonthAfter(day, at: next) }
                // "the first" alone is too common to be a day; with a month, after "on", or from the tenth on it is one.
                if let (day, next) = ordinalWordDay(at: i + 1) {
                    if let dated = monthNameAndYear(day: day, at: next) { return dated }
                    if let (month, end) = monthRef(at: next, needsOf: true) { return (.dayOf(month, day: day), end) }
                    return day >= 10 && day <= 31 || isWord(i - 1, ["on"]) ? (.dayOfMonth(day), next) : nil
                }
                // "the ides of march": the 15th of march, may, july and october, the 13th of other months.
                if isWord(i + 1, ["ides", "ide"]), isWord(i + 2, ["of"]), let name = word(i + 3), let month = Lexicon.months[name] {
                    let (year, next) = self.year(at: i + 4)
                    return (.date(year: year, month: month, day: [3, 5, 7, 10].contains(month) ? 15 : 13), next)
                }
                // "the day after christmas", "the day before new year's eve"
                if composite, isWord(i + 1, ["day"]), isWord(i + 2, ["after", "before"]), !isWord(i + 3, Lexicon.tomorrowWords),
                   !isWord(i + 3, ["yesterday"]), let (day, next) = daySpec(at: i + 3, composite: false) {
                    return (day.shifted(by: isWord(i + 2, ["after"]) ? 1 : -1), next)
                }
                if isWord(i + 1, ["day"]), isWord(i + 2, ["after"]), isWord(i + 3, Lexicon.tomorrowWords) {
                    return (.relative(days: 2), i + 4)
                }
            }
            // "first" alone is too common a word: an ordinal word is a day only with a month.
            if let (day, next) = ordinalWordDay(at: i) { return monthNameAndYear(day: day, at: next) }
            return nil
        }
        guard number(i) != nil else { return nil }
        if let numeric = numericDate(at: i) { return numeric }
        if let counted = weekdayCount(at: i, composite: composite) { return counted }
        if let (day, next) = ordinalDay(at: i) { return withMonthAfter(day, at: next) }
        if let value = number(i), tokens[i].text.count <= 2, let (dated, next) = monthNameAndYear(day: value, at: i + 1) {
            return (dated, next)
        }
        // "20 of next month", "15 of this month"
        if let value = number(i), tokens[i].text.count <= 2, (1...31).contains(value), isWord(i + 1, ["of"]),
           let (month, end) = monthRef(at: i + 1, needsOf: true) {
            return (.dayOf(month, day: value), end)
        }
        return nil
    }

    private func relativeDay(_ w: String, at i: Int) -> (DaySpec, Int)? {
        switch w {
        case "today", "tdy", "tonight", "tonite", "todays", "today's", "tonights": return (.relative(days: 0), i + 1)
        case "tomorrows", "tomorrow's": return (.relative(days: 1), i + 1)
        case "late" where isWord(i + 1, ["tonight", "tonite"]): return (.relative(days: 0), i + 2)
        case "yesterday", "yday", "yesterdays", "yesterday's": return (.relative(days: -1), i + 1)
        case "overmorrow": return (.relative(days: 2), i + 1)
        case "day":
            if isWord(i + 1, ["after"]), isWord(i + 2, Lexicon.tomorrowWords) { return (.relative(days: 2), i + 3) }
            if isWord(i + 1, ["before"]), isWord(i + 2, ["yesterday"]) { return (.relative(days: -2), i + 3) }
            return nil
        default:
            guard Lexicon.tomorrowWords.contains(w) else { return nil }
            // "call with tom" names a person, not a day.
            if w == "tom", isWord(i - 1, ["with", "and", "to", "for", "ask", "tell", "call", "email"]) { return nil }
            return (.relative(days: 1), i + 1)
        }
    }

    /// "friday", "on fri", "this friday", "next friday", "last friday", "friday next week", "friday after next",
    /// "thursday of next week", "last week's sunday".
    private func weekdaySpec(at i: Int) -> (DaySpec, Int)? {
        var modifier = WeekdayModifier.bare
        var j = i
        switch word(i) {
        case "this", "coming", "upcoming": modifier = .this; j += 1
        case "next": modifier = .next; j += 1
        case "last", "past", "previous": modifier = .last; j += 1
        default: break
        }
        if modifier == .this, isWord(j, ["past"]) { modifier = .last; j += 1 }  // "this past friday"
        if isWord(j, ["this"]) && modifier == .bare { j += 1 }
        if modifier == .this, isWord(j, ["coming", "upcoming"]) { j += 1 }  // "this coming friday"
        // "last week's sunday", "next week's monday"
        if modifier != .bare, isWord(j, ["week's", "weeks"]) {
            let offset = modifier == .next ? 1 : (modifier == .last ? -1 : 0)
            guard let name = word(j + 1), let weekday = Lexicon.weekdays[name] else { return nil }
            return (.weekday(weekday, .ofWeek(offset), plusDays: 0), j + 2)
        }
        guard let name = word(j), let weekday = Lexicon.weekdays[name] else { return nil }
        if modifier == .this, word(i) == "coming" { modifier = .this }
        var next = j + 1
        if isSymbol(next, "."), isAttached(next) { next += 1 }  // "fri."
        guard modifier == .bare else { return (.weekday(weekday, modifier, plusDays: 0), next) }
        if let (offset, end) = weekOffset(at: next) { return (.weekday(weekday, .ofWeek(offset), plusDays: 0), end) }
        if isWord(next, ["after"]), isWord(next + 1, ["next"]) {
            return (.weekday(weekday, .afterNext, plusDays: 0), next + 2)
        }
        if isWord(next, ["before"]), isWord(next + 1, ["last"]) {
            return (.weekday(weekday, .count(-2), plusDays: 0), next + 2)
        }
        // "friday week", "tuesday fortnight" (British): a week or two after that day, when nothing makes "week" a noun.
        if isWord(next, ["week", "fortnight"]), next + 1 == tokens.count || tokens[next + 1].kind == .symbol
            || isWord(next + 1, ["at", "in", "on", "from", "to", "until", "for", "morning", "afternoon", "evening", "night"]) || number(next + 1) != nil {
            return (.plus(.weekday(weekday, .bare, plusDays: 0), days: isWord(next, ["week"]) ? 7 : 14), next + 1)
        }
        return (.weekday(weekday, .bare, plusDays: 0), next)
    }

    /// "next week", "of next week", "of the following week", "this week", "of the week", "last week".
    func weekOffset(at i: Int) -> (Int, Int)? {
        let hasOf = isWord(i, ["of", "in", "from"])
        var j = hasOf ? i + 1 : i
        if isWord(j, ["the"]) {
            j += 1
            if isWord(j, ["week"]), hasOf { return (0, j + 1) }
        }
        let offset: Int
        switch word(j) {
        case "next", "following": offset = 1
        case "this", "current": offset = 0
        case "last", "previous": offset = -1
        default: return nil
        }
        return isWord(j + 1, ["week"]) ? (offset, j + 2) : nil
    }

    /// "nov 23", "november 23rd, 2026", "november the 23rd".
    private func monthFirstDate(at i: Int) -> (DaySpec, Int)? {
        guard let name = word(i), let month = Lexicon.months[name] else { return nil }
        var j = i + 1
        if isSymbol(j, ".") || (isSymbol(j, "-") || isSymbol(j, "/")) && isAttached(j) && number(j + 1) != nil { j += 1 }
        // "march, 6th 2016"
        if isSymbol(j, ","), number(j + 1) != nil, isWord(j + 2, Lexicon.ordinalSuffixes) { j += 1 }
        if isWord(j, ["the"]) { j += 1 }
        if let (day, afterDay) = ordinalWordDay(at: j) {
            let (year, next) = year(at: afterDay)
            return (.date(year: year, month: month, day: day), next)
        }
        guard let day = number(j), tokens[j].text.count <= 2, day <= 31 || isWord(j + 1, Lexicon.ordinalSuffixes) else { return nil }
        j += 1
        if isWord(j, Lexicon.ordinalSuffixes), isAttached(j) { j += 1 }
        if isSymbol(j, "/"), isAttached(j), number(j + 1) != nil, tokens[j + 1].text.count == 4 { j += 1 }
        // "feb 20 96", "march 3rd, '99": a two-digit year that cannot be a day or is marked.
        if let (year, next) = twoDigitYear(at: isSymbol(j, ",") ? j + 1 : j) { return (.date(year: year, month: month, day: day), next) }
        let (year, next) = year(at: j)
        return (.date(year: year, month: month, day: day), next)
    }

    /// "23 nov", "23rd of november 2026".
    private func monthNameAndYear(day: Int, at i: Int) -> (DaySpec, Int)? {
        var j = i
        if isWord(j, ["of"]) { j += 1 }
        guard let name = word(j), let month = Lexicon.months[name] else { return nil }
        var (year, next) = year(at: j + 1)
        if year == nil, let (y, end) = twoDigitYear(at: isSymbol(j + 1, ",") ? j + 2 : j + 1) { (year, next) = (y, end) }
        // "14th apr 15": a two-digit year after an ordinal day and its month.
        if year == nil, i >= 1, isWord(i - 1, Lexicon.ordinalSuffixes), let y = number(j + 1), tokens[j + 1].text.count == 2,
           !isSymbol(j + 2, ":"), !isWord(j + 2, ["am", "pm", "a", "p", "h"]) {
            year = 2000 + y
            next = j + 2
        }
        return (.date(year: year, month: month, day: day), next)
    }

    private func withMonthAfter(_ day: Int, at i: Int) -> (DaySpec, Int) {
        if let dated = monthNameAndYear(day: day, at: i) { return dated }
        // "the 20th day of next month"
        let j = isWord(i, ["day"]) && isWord(i + 1, ["of", "in"]) ? i + 1 : i
        if let (month, end) = monthRef(at: j, needsOf: true) { return (.dayOf(month, day: day), end) }
        // "14th apr 15": a two-digit year after an ordinal day and its month.
        return (.dayOfMonth(day), i)
    }

    /// "of next month", "of the month", "of this month", "of april", "in march 2027".
    func monthRef(at i: Int, needsOf: Bool) -> (MonthRef, Int)? {
        var j = i
        if isWord(j, ["of", "in"]) { j += 1 } else if needsOf { return nil }
        switch word(j) {
        case "next", "following": if isWord(j + 1, ["month"]) { return (.relative(1), j + 2) }
        case "this", "the", "current":
            if isWord(j + 1, ["month"]) { return (.relative(0), j + 2) }
            if word(j) == "the", isWord(j + 1, ["following", "next"]), isWord(j + 2, ["month"]) { return (.relative(1), j + 3) }
            if word(j) == "the", isWord(j + 1, ["previous", "last", "past"]), isWord(j + 2, ["month"]) { return (.relative(-1), j + 3) }
            if word(j) == "the", isWord(j + 1, ["current", "same"]), isWord(j + 2, ["month"]) { return (.relative(0), j + 3) }
        case "last", "previous", "past": if isWord(j + 1, ["month"]) { return (.relative(-1), j + 2) }
        case "month": if !needsOf || j > i { return (.relative(0), j + 1) }
        default: break
        }
        guard let name = word(j), let month = Lexicon.months[name], name != "may" || isWord(j - 1, ["of", "in"]) else { return nil }
        let (year, next) = year(at: j + 1)
        return (.named(month: month, year: year), next)
    }

    /// "first monday of march", "the last friday of the month", "second tuesday in april", "last day of the month".
    private func nthWeekdayOrLastDay(at i: Int) -> (DaySpec, Int)? {
        let n: Int
        var j = i + 1
        if isWord(i, ["last", "final"]) { n = -1 } else if let (value, _) = ordinalWordDay(at: i), isWord(i + 1, ["day"]) || value <= 5 {
            n = value
        } else if let (value, next) = ordinalDay(at: i), value <= 5, word(next).flatMap({ Lexicon.weekdays[$0] }) != nil {
            n = value  // "the 1st monday of june"
            j = next
        } else {
            return nil
        }
        if isWord(j, ["day"]), let (month, end) = monthRef(at: j + 1, needsOf: true) {
            return n == -1 ? (.lastDayOf(month), end) : (.dayOf(month, day: n), end)
        }
        // "the last day of the year", "the first day of next year", "the last day of 2014" (Duckling's <cycle> of <time>).
        if isWord(j, ["day"]), n == -1 || n == 1, isWord(j + 1, ["of", "in"]) {
            let (month, day) = n == -1 ? (12, 31) : (1, 1)
            var k = j + 2
            if let value = number(k), tokens[k].text.count == 4, (1900...2200).contains(value) { return (.date(year: value, month: month, day: day), k + 1) }
            var offset = 0
            switch word(k) {
            case "the", "this", "current": k += 1; if isWord(k, ["next", "following"]) { offset = 1; k += 1 } else if isWord(k, ["last", "previous"]) { offset = -1; k += 1 }
            case "next", "following": offset = 1; k += 1
            case "last", "previous": offset = -1; k += 1
            default: return nil
            }
            return isWord(k, ["year"]) ? (.ofYear(offset: offset, month: month, day: day), k + 1) : nil
        }
        guard let name = word(j), let weekday = Lexicon.weekdays[name],
              let (month, end) = monthRef(at: j + 1, needsOf: true) else { return nil }
        return (.nthWeekdayOf(month, weekday: weekday, n: n), end)
    }

    /// "2 thursdays from now", "3 mondays ago".
    func weekdayCount(at i: Int, composite: Bool = true) -> (DaySpec, Int)? {
        guard let (count, afterCount) = number(i).map({ ($0, i + 1) }) ?? wordNumber(at: i), (1...52).contains(count),
              let name = word(afterCount), let weekday = Lexicon.weekdays[name] else { return nil }
        let j = afterCount + 1
        if isWord(j, ["from"]), isWord(j + 1, ["now", "today"]) { return (.weekday(weekday, .count(count), plusDays: 0), j + 2) }
        if isWord(j, ["ago", "back"]) { return (.weekday(weekday, .count(-count), plusDays: 0), j + 1) }
        // "2 fridays from march 1": the second friday on or after it.
        if composite, isWord(j, ["from", "after"]), let (base, end) = daySpec(at: j + 1, composite: false) {
            return (.nthWeekdayAfter(base, weekday: weekday, n: count), end)
        }
        return nil
    }

    /// "the second monday after christmas", "first friday after the 10th".
    func nthWeekdayAfter(at i: Int) -> (DaySpec, Int)? {
        guard let (n, next) = ordinalWordDay(at: i) ?? ordinalDay(at: i), (1...10).contains(n), let name = word(next),
              let weekday = Lexicon.weekdays[name], isWord(next + 1, ["after"]), let (base, end) = daySpec(at: next + 2, composite: false) else { return nil }
        return (.nthWeekdayAfter(base, weekday: weekday, n: n), end)
    }

    /// "the closest monday to march 5", "the second closest friday to christmas".
    func closestWeekday(at i: Int) -> (DaySpec, Int)? {
        var j = i
        var n = 1
        if let (value, next) = ordinalWordDay(at: j) ?? ordinalDay(at: j), value <= 5 { n = value; j = next }
        guard isWord(j, ["closest", "nearest"]), let name = word(j + 1), let weekday = Lexicon.weekdays[name],
              isWord(j + 2, ["to"]), let (base, end) = daySpec(at: j + 3, composite: false) else { return nil }
        return (.closestWeekday(to: base, weekday: weekday, n: n), end)
    }

    /// "next weekday", "the previous business day", "next working day".
    func businessDay(at i: Int) -> (DaySpec, Int)? {
        let direction: Int
        switch word(i) {
        case "next", "following", "coming": direction = 1
        case "last", "previous", "past": direction = -1
        default: return nil
        }
        if isWord(i + 1, ["weekday"]) { return (.businessDay(direction), i + 2) }
        guard isWord(i + 1, ["business", "working", "work"]), isWord(i + 2, ["day"]) else { return nil }
        return (.businessDay(direction), i + 3)
    }

    /// "23rd" (the suffix stuck to the number).
    private func ordinalDay(at i: Int) -> (Int, Int)? {
        guard let value = number(i), tokens[i].text.count <= 2, isWord(i + 1, Lexicon.ordinalSuffixes),
              isAttached(i + 1) else { return nil }
        return (value, i + 2)
    }

    /// "first", "twenty third".
    func ordinalWordDay(at i: Int) -> (Int, Int)? {
        guard let w = word(i) else { return nil }
        if let value = Lexicon.ordinalWords[w] { return (value, i + 1) }
        if let tens = Lexicon.numberWords[w], tens == 20 || tens == 30 {
            var j = i + 1
            if isSymbol(j, "-") { j += 1 }
            if let w2 = word(j), let unit = Lexicon.ordinalWords[w2], unit < 10 { return (tens + unit, j + 1) }
        }
        return nil
    }

    /// ", 2026" or "2026" after a date.
    func year(at i: Int) -> (Int?, Int) {
        var j = i
        if isSymbol(j, ",") { j += 1 }
        if let value = number(j), tokens[j].text.count == 4, (1900...2200).contains(value) { return (value, j + 1) }
        return (nil, i)
    }

    /// "2026-11-23", "23/11", "11/23/2026", "23.11.2026". The order comes from the resolver's setting.
    private func numericDate(at i: Int) -> (DaySpec, Int)? {
        guard let first = number(i) else { return nil }
        let firstDigits = tokens[i].text.count
        // "2026-11-23", "2026/11/23", "2026.11.23", "1994-11-05T13:15" (the clock after "T" is read on its own)
        for separator in ["-", "/", "."] where firstDigits == 4 {
            guard isSymbol(i + 1, separator), let month = number(i + 2), isAttached(i + 1), isAttached(i + 2) else { continue }
            if isSymbol(i + 3, separator), let day = number(i + 4), isAttached(i + 3), isAttached(i + 4) {
                let end = isWord(i + 5, ["t"]) && isAttached(i + 5) ? i + 6 : i + 5
                return (.date(year: first, month: month, day: day), end)
            }
        }
        // "2012/aug/10", "2018 march 18"
        if firstDigits == 4, (1000...2999).contains(first) {
            var j = i + 1
            if (isSymbol(j, "/") || isSymbol(j, "-")) && isAttached(j) { j += 1 }
            guard let name = word(j), let month = Lexicon.months[name] else { return nil }
            var k = j + 1
            if (isSymbol(k, "/") || isSymbol(k, "-")) && isAttached(k) { k += 1 }
            guard let day = number(k), tokens[k].text.count <= 2 else { return nil }
            return (.date(year: first, month: month, day: day), isWord(k + 1, Lexicon.ordinalSuffixes) ? k + 2 : k + 1)
        }
        guard firstDigits <= 2 else { return nil }
        // "10-august 2012", "06/nov/2023", "10/august/2012"
        if (isSymbol(i + 1, "/") || isSymbol(i + 1, "-")) && isAttached(i + 1), let name = word(i + 2), let month = Lexicon.months[name] {
            var j = i + 3
            if (isSymbol(j, "/") || isSymbol(j, "-")) && isAttached(j), number(j + 1) != nil { j += 1 }
            let (year, next) = year(at: j)
            return (.date(year: year, month: month, day: first), next)
        }
        for separator in ["/", "."] {
            guard isSymbol(i + 1, separator), isAttached(i + 1), isAttached(i + 2),
                  let second = number(i + 2), tokens[i + 2].text.count <= 2 else { continue }
            var next = i + 3
            var year: Int?
            if isSymbol(next, separator), isAttached(next), let y = number(next + 1), isAttached(next + 1) {
                let digits = tokens[next + 1].text.count
                guard digits == 4 || digits == 2 && separator == "/" else { return nil }
                year = digits == 2 ? (y < 50 ? 2000 + y : 1900 + y) : y  // Duckling's pivot: 74 is 1974, 16 is 2016
                next += 2
            } else if separator == "." {
                continue  // "3.30" is a time, "1.5" a number: a dotted date needs its year
            }
            return (.numeric(first, second, year: year), next)
        }
        // "2-14", "12-25", "2-14-2027": month-day with a hyphen when the second number cannot be an hour of a
        // range ("9-11" stays a clock range).
        // "12-30-16", "30-12-2016": three hyphenated numbers are a date in the user's order.
        if isSymbol(i + 1, "-"), isAttached(i + 1), isAttached(i + 2), let second = number(i + 2), tokens[i + 2].text.count <= 2,
           isSymbol(i + 3, "-"), isAttached(i + 3), let y = number(i + 4), isAttached(i + 4), [2, 4].contains(tokens[i + 4].text.count),
           !isSymbol(i + 5, "-") {
            let year = tokens[i + 4].text.count == 2 ? (y < 50 ? 2000 + y : 1900 + y) : y
            return (.numeric(first, second, year: year), i + 5)
        }
        if isSymbol(i + 1, "-"), isAttached(i + 1), isAttached(i + 2), let second = number(i + 2), tokens[i + 2].text.count <= 2,
           (1...12).contains(first), (13...31).contains(second), !isWord(i + 3, ["am", "pm", "a", "p"]) {
            if isSymbol(i + 3, "-"), isAttached(i + 3), let y = number(i + 4), isAttached(i + 4), tokens[i + 4].text.count == 4 {
                return (.date(year: y, month: first, day: second), i + 5)
            }
            return (.date(year: nil, month: first, day: second), i + 3)
        }
        return nil
    }
}
