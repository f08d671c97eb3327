/// Days: relative days, weekdays with this/next/last, absolute dates in many spellings, day ranges.
extension TimeScanner {
    func dayRangeOrDay(at i: Int) -> TimeMention? {
        guard let (day, next) = daySpec(at: i) else { return nil }
        if isConnector(next, ["-", "to", "till", "til", "until", "through", "thru"]),
           let (last, end) = daySpec(at: next + 1) {
            var m = TimeMention(tokens: i..<end)
            m.day = day
            m.lastDay = last
            return m
        }
        var m = TimeMention(tokens: i..<next)
        if case .relative(0) = day, isWord(i, ["tonight", "tonite"]) { m.part = .night }
        m.day = day
        m.isInvalid = !isPossible(day)
        return m
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

    func daySpec(at i: Int) -> (DaySpec, Int)? {
        guard i < tokens.count else { return nil }
        if let w = word(i) {
            if let relative = relativeDay(w, at: i) { return relative }
            if let weekday = weekdaySpec(at: i) { return weekday }
            if let named = monthFirstDate(at: i) { return named }
            if w == "the" {
                if let (day, next) = ordinalDay(at: i + 1) { return withMonthAfter(day, at: next) }
                if let (day, next) = ordinalWordDay(at: i + 1) { return monthNameAndYear(day: day, at: next) }
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
        if let (day, next) = ordinalDay(at: i) { return withMonthAfter(day, at: next) }
        if let value = number(i), (1...31).contains(value), tokens[i].text.count <= 2,
           let (dated, next) = monthNameAndYear(day: value, at: i + 1) {
            return (dated, next)
        }
        return nil
    }

    private func relativeDay(_ w: String, at i: Int) -> (DaySpec, Int)? {
        switch w {
        case "today", "tdy", "tonight", "tonite": return (.relative(days: 0), i + 1)
        case "yesterday", "yday": return (.relative(days: -1), i + 1)
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

    /// "friday", "on fri", "this friday", "next friday", "last friday", "friday next week".
    private func weekdaySpec(at i: Int) -> (DaySpec, Int)? {
        var modifier = WeekdayModifier.bare
        var j = i
        switch word(i) {
        case "this", "coming": modifier = .this; j += 1
        case "next": modifier = .next; j += 1
        case "last", "past", "previous": modifier = .last; j += 1
        default: break
        }
        if isWord(j, ["this"]) && modifier == .bare { j += 1 }
        guard let name = word(j), let weekday = Lexicon.weekdays[name] else { return nil }
        if modifier == .this, word(i) == "coming" { modifier = .bare }
        var next = j + 1
        if isSymbol(next, "."), isAttached(next) { next += 1 }  // "fri."
        if modifier == .bare, isWord(next, ["next", "this"]), isWord(next + 1, ["week"]) {
            modifier = word(next) == "next" ? .next : .this
            next += 2
        } else if modifier == .bare, isWord(next, ["after"]), isWord(next + 1, ["next"]) {
            return (.weekday(weekday, .next, plusDays: 7), next + 2)
        }
        return (.weekday(weekday, modifier, plusDays: 0), next)
    }

    /// "nov 23", "november 23rd, 2026", "november the 23rd".
    private func monthFirstDate(at i: Int) -> (DaySpec, Int)? {
        guard let name = word(i), let month = Lexicon.months[name] else { return nil }
        var j = i + 1
        if isSymbol(j, ".") { j += 1 }
        if isWord(j, ["the"]) { j += 1 }
        guard let day = number(j), tokens[j].text.count <= 2 else { return nil }
        j += 1
        if isWord(j, Lexicon.ordinalSuffixes), isAttached(j) { j += 1 }
        let (year, next) = year(at: j)
        return (.date(year: year, month: month, day: day), next)
    }

    /// "23 nov", "23rd of november 2026".
    private func monthNameAndYear(day: Int, at i: Int) -> (DaySpec, Int)? {
        var j = i
        if isWord(j, ["of"]) { j += 1 }
        guard let name = word(j), let month = Lexicon.months[name] else { return nil }
        let (year, next) = year(at: j + 1)
        return (.date(year: year, month: month, day: day), next)
    }

    private func withMonthAfter(_ day: Int, at i: Int) -> (DaySpec, Int) {
        if let dated = monthNameAndYear(day: day, at: i) { return dated }
        return (.dayOfMonth(day), i)
    }

    /// "23rd" (the suffix stuck to the number).
    private func ordinalDay(at i: Int) -> (Int, Int)? {
        guard let value = number(i), tokens[i].text.count <= 2, isWord(i + 1, Lexicon.ordinalSuffixes),
              isAttached(i + 1) else { return nil }
        return (value, i + 2)
    }

    /// "first", "twenty third".
    private func ordinalWordDay(at i: Int) -> (Int, Int)? {
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
    private func year(at i: Int) -> (Int?, Int) {
        var j = i
        if isSymbol(j, ",") { j += 1 }
        if let value = number(j), tokens[j].text.count == 4, (1900...2200).contains(value) { return (value, j + 1) }
        return (nil, i)
    }

    /// "2026-11-23", "23/11", "11/23/2026", "23.11.2026". The order comes from the resolver's setting.
    private func numericDate(at i: Int) -> (DaySpec, Int)? {
        guard let first = number(i) else { return nil }
        let firstDigits = tokens[i].text.count
        if firstDigits == 4, isSymbol(i + 1, "-"), let month = number(i + 2), isSymbol(i + 3, "-"),
           let day = number(i + 4), isAttached(i + 1), isAttached(i + 3) {
            return (.date(year: first, month: month, day: day), i + 5)
        }
        guard firstDigits <= 2 else { return nil }
        for separator in ["/", "."] {
            guard isSymbol(i + 1, separator), isAttached(i + 1), isAttached(i + 2),
                  let second = number(i + 2), tokens[i + 2].text.count <= 2 else { continue }
            var next = i + 3
            var year: Int?
            if isSymbol(next, separator), isAttached(next), let y = number(next + 1), isAttached(next + 1) {
                let digits = tokens[next + 1].text.count
                guard digits == 2 || digits == 4 else { return nil }
                year = digits == 2 ? 2000 + y : y
                next += 2
            } else if separator == "." {
                continue  // "3.30" is a time, "1.5" a number: a dotted date needs its year
            }
            return (.numeric(first, second, year: year), next)
        }
        return nil
    }
}
