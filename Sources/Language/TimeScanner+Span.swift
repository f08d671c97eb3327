/// Parts of days ("tomorrow evening", "after lunch") and stretches longer than a day
/// ("this week", "next weekend", "end of the month", "the last 2 days", "the first week of april").
extension TimeScanner {
    func partMention(at i: Int) -> TimeMention? {
        if isWord(i, ["late"]), isWord(i + 1, ["last"]), isWord(i + 2, ["night"]) { return lastNight(i..<(i + 3), late: true) }
        if isWord(i, ["last"]), isWord(i + 1, ["night"]) { return lastNight(i..<(i + 2), late: false) }
        // "early monday morning", "late friday night", "late tomorrow afternoon": the part is early/late on that day.
        if isWord(i, ["early", "late"]), let (day, afterDay) = daySpec(at: i + 1, composite: false), basePart(at: afterDay) != nil,
           let (part, next) = partOfDay(at: afterDay, early: isWord(i, ["early"])) {
            var m = TimeMention(tokens: i..<next)
            m.day = day
            m.part = part
            m.rules.insert(.partOfDay)
            return m
        }
        guard let (part, next) = partOfDay(at: i) else { return nil }
        var m = TimeMention(tokens: i..<next)
        m.part = part
        m.rules.insert(.partOfDay)
        if isWord(i, ["this"]) {
            m.day = .relative(days: 0)  // "this morning" is today's, even when past
            m.rules.insert(.thisPartOfDay)
        }
        // "morning of the 5th", "evening of next friday": the day follows "of".
        if isWord(next, ["of"]), let (day, end) = daySpec(at: next + 1) {
            m.day = day
            m.tokens = i..<end
        }
        return m
    }

    /// "last night" is yesterday 18:00 to today 00:00 ("late last night" from 21:00).
    private func lastNight(_ range: Range<Int>, late: Bool) -> TimeMention {
        var m = TimeMention(tokens: range)
        m.day = .relative(days: -1)
        m.part = late ? .lateNight : .night
        m.rules.insert(.lastNight)
        return m
    }

    func partOfDay(at i: Int) -> (PartOfDay, Int)? {
        guard let w = word(i) else { return nil }
        switch w {
        case "early", "late":
            if w == "early", isWord(i + 1, ["in"]), isWord(i + 2, ["the"]), isWord(i + 3, ["morning"]) { return (.earlyMorning, i + 4) }
            // "in the early hours of the morning"
            if w == "early", isWord(i + 1, ["hours"]), isWord(i + 2, ["of"]), isWord(i + 3, ["the"]), isWord(i + 4, ["morning"]) {
                return (.earlyMorning, i + 5)
            }
            return partOfDay(at: i + 1, early: w == "early")
        case "after":
            if isWord(i + 1, ["lunch", "lunchtime"]) { return (.afterLunch, i + 2) }
            if isWord(i + 1, ["work"]) { return (.afterWork, i + 2) }
            if isWord(i + 1, ["school"]) { return (.afterSchool, i + 2) }
            return nil
        // "first thing tomorrow", "first thing in the morning": the start of the day.
        case "first" where isWord(i + 1, ["thing"]):
            if isWord(i + 2, ["in"]), isWord(i + 3, ["the"]), isWord(i + 4, ["morning"]) { return (.earlyMorning, i + 5) }
            return (.earlyMorning, i + 2)
        // "before bed", "before bedtime": the late evening.
        case "before" where isWord(i + 1, ["bed", "bedtime", "sleep", "sleeping"]):
            return (.lateEvening, i + 2)
        case "this":
            return basePart(at: i + 1)
        default:
            return basePart(at: i)
        }
    }

    /// The base part at `i` made early or late ("monday [early] morning" read from "early monday morning").
    private func partOfDay(at i: Int, early: Bool) -> (PartOfDay, Int)? {
        guard let (base, next) = basePart(at: i) else { return nil }
        switch base {
        case .morning: return (early ? .earlyMorning : .lateMorning, next)
        case .afternoon: return (early ? .earlyAfternoon : .lateAfternoon, next)
        case .evening: return (early ? .earlyEvening : .lateEvening, next)
        case .night: return (early ? .evening : .lateNight, next)
        default: return (base, next)
        }
    }

    private func basePart(at i: Int) -> (PartOfDay, Int)? {
        switch word(i) {
        case "morning", "mornings", "morn": return (.morning, i + 1)
        case "afternoon", "afternoons", "arvo", "afternoonish": return (.afternoon, i + 1)
        case "evening", "evenings", "eve": return (.evening, i + 1)
        case "night", "nights": return (.night, i + 1)
        case "lunch", "lunchtime", "lunch-time": return (.lunch, i + 1)
        case "bedtime": return (.lateEvening, i + 1)
        default: return nil
        }
    }

    func spanMention(at i: Int) -> TimeMention? {
        guard let (span, next, rule) = span(at: i) else { return nil }
        var m = TimeMention(tokens: i..<next)
        m.span = span
        m.rules.insert(rule)
        // "may to december", "march - june 2027": a range of months (the year said last applies to both).
        if case let .month(firstMonth, nil, skip, past) = span, isConnector(next, ["-", "to", "till", "until", "through", "thru"]),
           let (last, end, _) = self.span(at: next + 1), case let .month(lastMonth, lastYear, _, _) = last {
            m.span = .month(month: firstMonth, year: lastYear.map { firstMonth > lastMonth ? $0 - 1 : $0 }, skipCurrent: skip, past: past)
            m.spanEnd = last
            m.tokens = i..<end
            m.rules.insert(.dayRange)
        }
        return m
    }

    /// "2027" after "in": a year.
    func yearMention(at i: Int) -> TimeMention? {
        guard let value = number(i), tokens[i].text.count == 4, (1900...2200).contains(value) else { return nil }
        var m = TimeMention(tokens: i..<(i + 1))
        m.span = .year(value)
        m.rules.insert(.year)
        return m
    }

    func span(at i: Int) -> (SpanSpec, Int, TimeRule)? {
        if let value = number(i) { return numericSpan(value, at: i) }
        guard let w = word(i) else { return nil }
        if let named = namedSpan(at: i) { return named }
        switch w {
        case "this", "next", "last", "past", "previous", "the", "coming", "upcoming", "current", "following", "over", "within":
            if w == "this", isWord(i + 1, ["past"]), let found = cycleOrMonth(offset: -1, at: i + 2, word: "last") { return (found.0, found.1, found.2) }
            if w == "over" || w == "within" {
                if isWord(i + 1, ["the"]), isWord(i + 2, ["weekend"]) { return (.weekend(n: 0, notImmediate: false), i + 3, .weekend) }
                // "within the next 3 days" (no recursion, so "within the within the ..." stays linear)
                return w == "within" && isWord(i + 1, ["the"]) ? unitsSpan(at: i + 2) : nil
            }
            if w == "the", let nth = nthWeek(at: i + 1) { return nth }
            if w == "the", let (n, afterOrdinal) = ordinalWordDay(at: i + 1) ?? ordinalNumber(at: i + 1), n <= 4,
               isWord(afterOrdinal, ["quarter", "qtr"]) {
                let (year, next) = self.year(at: afterOrdinal + 1)
                return (.quarter(n, year: year), next, .cycle)
            }
            if w == "the", isWord(i + 1, ["rest"]), isWord(i + 2, ["of"]), isWord(i + 3, ["the", "this"]), isWord(i + 4, ["week"]) {
                return (.restOfWeek, i + 5, .partOfCycle)
            }
            if w == "the", let units = unitsSpan(at: i + 1) { return units }
            if w == "the", isWord(i + 1, ["weekend"]), isWord(i + 2, ["after"]), isWord(i + 3, ["next"]) {
                return (.weekend(n: 1, notImmediate: true), i + 4, .weekendAfterNext)
            }
            if w == "the", isWord(i + 1, ["weekend"]), isWord(i + 2, ["before"]), isWord(i + 3, ["last"]) {
                return (.weekend(n: -2, notImmediate: false), i + 4, .weekendAfterNext)
            }
            if w == "the", isWord(i + 1, ["following", "next", "coming"]) { return cycleOrMonth(offset: 1, at: i + 2) }
            // "the week after next" (+2), "the month before last" (-2)
            if w == "the", let unit = word(i + 1), ["week", "month", "year"].contains(unit),
               isWord(i + 2, ["after", "before"]), isWord(i + 3, [word(i + 2) == "after" ? "next" : "last"]) {
                return cycleOrMonth(offset: word(i + 2) == "after" ? 2 : -2, at: i + 1).map { ($0.0, i + 4, $0.2) }
            }
            if w == "this", isWord(i + 1, ["coming", "upcoming"]) { return cycleOrMonth(offset: 0, at: i + 2) }
            if ["next", "last", "past", "previous", "upcoming"].contains(w), let units = unitsSpan(at: i) { return units }
            if w == "last", let nth = nthWeek(at: i) { return nth }
            // "last day of the month", "last friday of march" are days, read by the day rules.
            if w == "last", isWord(i + 2, ["of", "in"]), monthRef(at: i + 2, needsOf: true) != nil || isWord(i + 1, ["day"]) { return nil }
            let offset: Int
            switch w {
            case "next", "coming", "upcoming", "following": offset = 1
            case "last", "past", "previous": offset = -1
            default: offset = 0
            }
            if w == "the" {
                // "the week", "the month" alone say too little; "the weekend" is this weekend.
                if isWord(i + 1, ["weekend", "wknd"]) { return (.weekend(n: 0, notImmediate: false), i + 2, .weekend) }
                // "until the end of the week", "before the middle of march"
                if let part = word(i + 1), ["end", "beginning", "start", "middle"].contains(part) { return partOfSpan(part, at: i + 1) }
                return nil
            }
            return cycleOrMonth(offset: offset, at: i + 1, word: w)
        case "week", "month", "year":
            // "week after next", "month before last"
            guard isWord(i + 1, ["after", "before"]), isWord(i + 2, [word(i + 1) == "after" ? "next" : "last"]) else { return nil }
            return cycleOrMonth(offset: word(i + 1) == "after" ? 2 : -2, at: i).map { ($0.0, i + 3, $0.2) }
        case "weekend", "wknd", "week-end", "weekends":
            if isWord(i + 1, ["after"]), isWord(i + 2, ["next"]) { return (.weekend(n: 1, notImmediate: true), i + 3, .weekendAfterNext) }
            if isWord(i + 1, ["before"]), isWord(i + 2, ["last"]) { return (.weekend(n: -2, notImmediate: false), i + 3, .weekendAfterNext) }
            return (.weekend(n: 0, notImmediate: false), i + 1, .weekend)
        case "midweek":
            // "midweek", "midweek next week": the middle of the week, as "mid week" and "the middle of the week".
            let (offset, next) = weekOffset(at: i + 1) ?? (0, i + 1)
            return (.partOf(.week, offset: offset, .mid), next, .partOfCycle)
        case "eow": return (.partOf(.week, offset: 0, .end), i + 1, .partOfCycle)
        case "eom": return (.partOf(.month, offset: 0, .end), i + 1, .partOfCycle)
        case "eoy": return (.partOf(.year, offset: 0, .end), i + 1, .partOfCycle)
        case "end", "beginning", "start", "middle", "early", "mid", "late", "at":
            if w == "at" {
                // "at the end of the month", "at the beginning of march"
                guard isWord(i + 1, ["the"]), let part = word(i + 2), ["end", "beginning", "start", "middle"].contains(part) else { return nil }
                return partOfSpan(part, at: i + 2)
            }
            return partOfSpan(w, at: i)
        case "first", "second", "third", "fourth", "fifth", "final":
            if let w = word(i), let n = Lexicon.ordinalWords[w], n <= 4, isWord(i + 1, ["quarter", "qtr"]) {
                let (year, next) = self.year(at: i + 2)
                return (.quarter(n, year: year), next, .cycle)
            }
            return nthWeek(at: i)
        default:
            // "march after next": the second march from now.
            if let month = Lexicon.months[w], isWord(i + 1, ["after"]), isWord(i + 2, ["next"]) {
                return (.monthAfterNext(month), i + 3, .namedMonth)
            }
            if let month = Lexicon.months[w], w != "may" && w != "mar" || isWord(i - 1, ["in", "of", "during", "since", "until", "before", "after", "by", "early", "late", "mid", "from", "between", "to", "next", "last", "this"]) {
                if daySpec(at: i) != nil { return nil }  // "march 3", "march first" are dates
                var j = i + 1
                if isSymbol(j, "."), isAttached(j) { j += 1 }
                if isWord(j, ["of"]), number(j + 1) != nil { j += 1 }
                if let (year, next) = twoDigitYear(at: j) {
                    return (.month(month: month, year: year, skipCurrent: false, past: false), next, .namedMonth)
                }
                let (year, next) = self.year(at: j)
                return (.month(month: month, year: year, skipCurrent: false, past: false), next, .namedMonth)
            }
            return nil
        }
    }

    /// "aug 96", "march '99": a two-digit year after a month name, when it cannot be a day of the month (32-99)
    /// or is marked by an apostrophe. Duckling's pivot: below 50 is this century (`december 49` is 2049).
    func twoDigitYear(at i: Int) -> (Int, Int)? {
        // A typographic apostrophe reads into the word: "’99" is one token.
        if let w = word(i), w.utf8.count == 3, w.hasPrefix("'"), let value = Int(w.dropFirst()) {
            return (value < 50 ? 2000 + value : 1900 + value, i + 1)
        }
        let apostrophe = isSymbol(i, "'")
        let j = apostrophe ? i + 1 : i
        guard let value = number(j), tokens[j].text.count == 2, !apostrophe || isAttached(j), apostrophe || value > 31,
              !isSymbol(j + 1, ":"), !isSymbol(j + 1, "."), !isWord(j + 1, ["am", "pm", "a", "p", "h", "min", "mins", "minutes", "hours"]) else { return nil }
        return (value < 50 ? 2000 + value : 1900 + value, j + 1)
    }

    /// "3rd", "2nd" (the suffix stuck to the number).
    func ordinalNumber(at i: Int) -> (Int, Int)? {
        guard let value = number(i), tokens[i].text.count <= 2, isWord(i + 1, Lexicon.ordinalSuffixes), isAttached(i + 1) else { return nil }
        return (value, i + 2)
    }

    /// "2027" before a month ("2027 march", "2027-08"), "9/2027" (month/year), "2019 to 2021" (years),
    /// "3rd quarter 2014", "3 upcoming weeks".
    private func numericSpan(_ value: Int, at i: Int) -> (SpanSpec, Int, TimeRule)? {
        let digits = tokens[i].text.count
        // "18q4", "2018q4"
        if digits == 2 || digits == 4, isAttached(i + 1), let w = word(i + 1), w.count == 2, w.hasPrefix("q"),
           let n = Int(w.dropFirst()), (1...4).contains(n) {
            return (.quarter(n, year: digits == 2 ? 2000 + value : value), i + 2, .cycle)
        }
        if let (n, next) = ordinalNumber(at: i), (1...4).contains(n), isWord(next, ["quarter", "qtr"]) {
            let (year, end) = self.year(at: next + 1)
            return (.quarter(n, year: year), end, .cycle)
        }
        if digits <= 2, value >= 1, isWord(i + 1, ["upcoming"]), let unitWord = word(i + 2), let unit = Lexicon.units[unitWord],
           unitWord.count > 1, let cycle = Self.cycleUnit(unit) {
            return (.cycle(cycle, offset: value), i + 3, .cycle)
        }
        if digits == 4, (1000...2999).contains(value), isSymbol(i + 1, "-") || isSymbol(i + 1, "/"), isAttached(i + 1), isAttached(i + 2),
           let month = number(i + 2), tokens[i + 2].text.count <= 2, (1...12).contains(month), !isSymbol(i + 3, "-"), !isSymbol(i + 3, "/") {
            return (.month(month: month, year: value, skipCurrent: false, past: false), i + 3, .namedMonth)  // "2014-10"
        }
        if digits == 4, (1000...2999).contains(value) {
            var j = i + 1
            if (isSymbol(j, "-") || isSymbol(j, "/")) && isAttached(j) { j += 1 }
            if let name = word(j), let month = Lexicon.months[name], daySpec(at: i) == nil {
                return (.month(month: month, year: value, skipCurrent: false, past: false), j + 1, .namedMonth)
            }
            if isConnector(i + 1, ["-", "to", "till", "until", "through", "thru"]), let last = number(i + 2),
               tokens[i + 2].text.count == 4, last > value, last - value < 100 {
                return (.years(value, last), i + 3, .year)
            }
            return nil
        }
        if digits <= 2, (1...12).contains(value), isSymbol(i + 1, "/") || isSymbol(i + 1, "-"), isAttached(i + 1), isAttached(i + 2),
           let year = number(i + 2), tokens[i + 2].text.count == 4, !isSymbol(i + 3, "/") {
            return (.month(month: value, year: year, skipCurrent: false, past: false), i + 3, .namedMonth)
        }
        return nil
    }

    /// After this/next/last: "week", "weekend", "month", "year", "march".
    private func cycleOrMonth(offset: Int, at i: Int, word w: String = "next") -> (SpanSpec, Int, TimeRule)? {
        if isWord(i, ["week"]), isSymbol(i + 1, "-"), isWord(i + 2, ["end", "ends"]), isAttached(i + 1) {
            if offset < 0 { return (.weekend(n: -1, notImmediate: false), i + 3, .weekend) }
            return (.weekend(n: 0, notImmediate: w == "next"), i + 3, .weekend)
        }
        switch word(i) {
        case "week", "wk": return (.cycle(.week, offset: offset), i + 1, .cycle)
        case "weekend", "wknd", "weekends", "week-end":
            // Duckling: "this/next weekend" is the coming one ("next" skips the one in progress); "last" the one before.
            if offset < 0 { return (.weekend(n: -1, notImmediate: false), i + 1, .weekend) }
            return (.weekend(n: 0, notImmediate: w == "next"), i + 1, .weekend)
        case "month": return (.cycle(.month, offset: offset), i + 1, .cycle)
        case "year", "yr": return (.cycle(.year, offset: offset), i + 1, .cycle)
        case "day": return w == "this" ? nil : (.cycle(.day, offset: offset), i + 1, .cycle)
        case "hour": return w == "this" ? nil : (.cycle(.hour, offset: offset), i + 1, .cycle)
        case "quarter", "qtr": return (.cycle(.quarter, offset: offset), i + 1, .cycle)
        default:
            guard let name = word(i), let month = Lexicon.months[name] else { return nil }
            if number(i + 1) != nil, tokens[i + 1].text.count <= 2 { return nil }
            return (.month(month: month, year: nil, skipCurrent: offset != 0 || w == "next", past: offset < 0), i + 1, .namedMonth)
        }
    }

    /// "end of the week", "beginning of next month", "middle of march", "early next year", "late april", "mid-month".
    private func partOfSpan(_ w: String, at i: Int) -> (SpanSpec, Int, TimeRule)? {
        let part: SpanSpec.Part
        switch w {
        case "end": part = .end
        case "beginning", "start": part = .beginning
        case "middle", "mid": part = .mid
        case "early": part = .early
        default: part = .late
        }
        var j = i + 1
        let hasOf = isWord(j, ["of"])
        if hasOf { j += 1 }
        if isSymbol(j, "-"), isAttached(j) { j += 1 }
        if ["end", "beginning", "start", "middle"].contains(w), !hasOf { return nil }
        var offset = 0
        switch word(j) {
        case "the", "this", "current": j += 1
        case "next", "following": offset = 1; j += 1
        case "last", "previous": offset = -1; j += 1
        default: break
        }
        if word(j) == "next", offset == 0 { offset = 1; j += 1 }
        switch word(j) {
        case "week", "wk":
            // "mid week next week", "the end of the week of next week": a week said after the part names which one.
            if offset == 0, let (later, next) = weekOffset(at: j + 1) { return (.partOf(.week, offset: later, part), next, .partOfCycle) }
            return (.partOf(.week, offset: offset, part), j + 1, .partOfCycle)
        case "month": return (.partOf(.month, offset: offset, part), j + 1, .partOfCycle)
        case "year": return (.partOf(.year, offset: offset, part), j + 1, .partOfCycle)
        case "day":
            return nil
        default:
            guard let name = word(j), let month = Lexicon.months[name] else { return nil }
            if number(j + 1) != nil, tokens[j + 1].text.count <= 2 { return nil }
            let (year, next) = self.year(at: j + 1)
            return (.monthPart(month: month, year: year, part), next, .partOfMonth)
        }
    }

    /// "the first week of april", "the last week of the month", "second week of next month".
    private func nthWeek(at i: Int) -> (SpanSpec, Int, TimeRule)? {
        let n: Int
        var j = i + 1
        if isWord(i, ["last", "final"]) { n = -1 } else if let w = word(i), let value = Lexicon.ordinalWords[w], value <= 5 { n = value } else if
            let (value, next) = ordinalNumber(at: i), value <= 5 {
            n = value
            j = next
        } else {
            return nil
        }
        // "the last week of the year": the week holding 31 December, as "the last week of the month" holds its last day.
        if n == -1, isWord(j, ["week"]), isWord(j + 1, ["of", "in"]), isWord(j + 2, ["the", "this"]), isWord(j + 3, ["year"]) {
            return (.nthWeekOf(.named(month: 12, year: nil), n: -1), j + 4, .nthWeekOf)
        }
        guard isWord(j, ["week"]), let (month, end) = monthRef(at: j + 1, needsOf: true) else { return nil }
        return (.nthWeekOf(month, n: n), end, .nthWeekOf)
    }

    static func cycleUnit(_ unit: TimeUnit) -> SpanSpec.Unit? {
        switch unit {
        case .hour: .hour
        case .day: .day
        case .week: .week
        case .month: .month
        case .year: .year
        default: nil
        }
    }

    /// "the last 2 days", "next 3 weeks", "past 24 hours", "the next couple of hours".
    private func unitsSpan(at i: Int) -> (SpanSpec, Int, TimeRule)? {
        let sign: Int
        switch word(i) {
        case "upcoming":
            // Duckling: "upcoming 2 weeks" is the second week ahead, not a span.
            guard let (value, afterAmount) = amount(at: i + 1), value >= 1, value == value.rounded(),
                  let unitWord = word(afterAmount), let unit = Lexicon.units[unitWord], unitWord.count > 1,
                  let cycle = Self.cycleUnit(unit) else { return nil }
            return (.cycle(cycle, offset: Int(value)), afterAmount + 1, .cycle)
        case "next", "following", "coming": sign = 1
        case "last", "past", "previous": sign = -1
        default: return nil
        }
        guard let (value, afterAmount) = amount(at: i + 1), value >= 1, value == value.rounded(),
              !isWord(i + 1, ["a", "an"]) || isWord(i + 2, ["couple", "few", "pair"]),
              let unitWord = word(afterAmount), let unit = Lexicon.units[unitWord], unitWord.count > 1 else { return nil }
        return (.units(unit, count: sign * Int(value)), afterAmount + 1, .cycleSpan)
    }
}
