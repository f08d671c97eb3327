/// Amounts of time: offsets ("in 2 hours", "2 weeks from now", "a week from monday") and durations
/// ("for 2h", "90 min", "1.5 hours", "an hour and a half", "1h30", "all day").
extension TimeScanner {
    struct Quantity {
        var amount: Double
        var unit: TimeUnit

        /// Whole minutes for clock units, nil for calendar units.
        var minutes: Int? { unit.minutes.map { Int((amount * $0).rounded()) } }

        /// A whole number of the largest unit that says it exactly ("2.5 hours" is 150 minutes).
        var whole: TimeOffset {
            var amount = self.amount
            var unit = self.unit
            if unit == .fortnight { amount *= 14; unit = .day }
            while amount != amount.rounded(), let finer = unit.finer {
                amount *= Double(finer.count)
                unit = finer.unit
            }
            return TimeOffset(amount: Int(amount.rounded()), unit: unit)
        }
    }

    /// A number said as digits, a decimal ("1.5"), words up to sixty ("forty-five") or "a"/"an".
    func amount(at i: Int) -> (Double, Int)? {
        if let value = number(i) {
            // "3/4 of an hour", "1/2 hour"
            if isSymbol(i + 1, "/"), isAttached(i + 1), isAttached(i + 2), let denominator = number(i + 2), denominator > 0,
               value < denominator, denominator <= 4 {
                return (Double(value) / Double(denominator), skipping(skipping(i + 3, ["of"]), ["an", "a"]))
            }
            if isSymbol(i + 1, "."), isAttached(i + 1), isAttached(i + 2), let fraction = number(i + 2) {
                let digits = tokens[i + 2].text.count
                var scale = 1.0
                for _ in 0..<digits { scale *= 10 }
                return (Double(value) + Double(fraction) / scale, i + 3)
            }
            return (Double(value), i + 1)
        }
        if isWord(i, ["a", "an"]) {
            if isWord(i + 1, ["couple", "pair"]) { return (2, skipping(i + 2, ["of"])) }
            if isWord(i + 1, ["few"]) { return (3, skipping(i + 2, ["of"])) }
            if isWord(i + 1, ["half"]) { return (0.5, i + 2) }
            if isWord(i + 1, ["quarter"]) { return (0.25, skipping(skipping(i + 2, ["of"]), ["an", "a"])) }
            return (1, i + 1)
        }
        if isWord(i, ["a", "an"]), isWord(i + 1, ["few"]) { return (3, skipping(i + 2, ["of"])) }
        if isWord(i, ["couple", "pair"]) { return (2, skipping(i + 1, ["of"])) }
        if isWord(i, ["few", "several"]) { return (3, skipping(i + 1, ["of"])) }
        if isWord(i, ["half"]) { return (0.5, skipping(i + 1, ["an", "a"])) }
        if isWord(i, ["three"]), isWord(i + 1, ["quarters", "quarter"]) { return (0.75, skipping(skipping(i + 2, ["of"]), ["an", "a"])) }
        if isWord(i, ["three"]), isSymbol(i + 1, "-"), isWord(i + 2, ["quarters"]) { return (0.75, skipping(skipping(i + 3, ["of"]), ["an", "a"])) }
        if isWord(i, ["quarter"]) { return (0.25, skipping(skipping(i + 1, ["of"]), ["an", "a"])) }
        if let (value, next) = wordNumber(at: i) {
            // "two and a half hours"
            return (Double(value), next)
        }
        return nil
    }

    /// "five", "twenty five", "twenty-five", up to ninety-nine.
    func wordNumber(at i: Int) -> (Int, Int)? {
        guard let w = word(i), let value = Lexicon.numberWords[w] else { return nil }
        if value >= 20, value % 10 == 0, value < 100 {
            var j = i + 1
            if isSymbol(j, "-") { j += 1 }
            if let w2 = word(j), let unit = Lexicon.numberWords[w2], (1...9).contains(unit) { return (value + unit, j + 1) }
        }
        return (value, i + 1)
    }

    /// An amount and a unit, with "and a half" and hour-minute compounds ("1h30", "2 hours 15 minutes").
    func quantity(at i: Int) -> (Quantity, Int)? {
        guard let (value, afterAmount) = amount(at: i) else { return nil }
        var amountValue = value
        var j = afterAmount
        if isWord(j, ["and"]), isWord(j + 1, ["a"]), isWord(j + 2, ["half"]) { amountValue += 0.5; j += 3 }
        if isWord(j, ["and"]), isWord(j + 1, ["a"]), isWord(j + 2, ["quarter"]) { amountValue += 0.25; j += 3 }
        if isWord(j, ["more", "extra", "additional"]) { j += 1 }
        guard let unitWord = word(j), let unit = Lexicon.units[unitWord] else { return nil }
        // "s" is a unit only stuck to its number ("30s"); "m" likewise unless spelled out.
        if unitWord == "s" || unitWord == "d" || unitWord == "w" || unitWord == "y", !isAttached(j) { return nil }
        // "a m" is never a unit: "3 a.m." belongs to the clock.
        if unitWord == "m", isSymbol(j + 1, ".") { return nil }
        j += 1
        if isSymbol(j, "."), isAttached(j), unitWord.count <= 3, !(j + 1 < tokens.count && tokens[j + 1].attached) { j += 1 }
        if isWord(j, ["and"]), isWord(j + 1, ["a"]), isWord(j + 2, ["half"]) { amountValue += 0.5; j += 3 }
        if isWord(j, ["and"]), isWord(j + 1, ["a"]), isWord(j + 2, ["quarter"]) { amountValue += 0.25; j += 3 }
        var quantity = Quantity(amount: amountValue, unit: unit)
        if unit == .hour, let extra = number(j), extra < 60 {
            // "1h30", "1h 30m", "2 hours 15 minutes"
            var k = j + 1
            if let w = word(k), Lexicon.units[w] == .minute { k += 1 } else if !isAttached(j) { return (quantity, j) }
            quantity = Quantity(amount: amountValue * 60 + Double(extra), unit: .minute)
            j = k
        }
        return (quantity, j)
    }

    /// After "in": "2 hours", "a week", "half an hour", "1 day 2 hours and 5 minutes".
    func offsetMention(at i: Int) -> TimeMention? {
        guard let (quantity, afterFirst) = quantity(at: i), quantity.amount >= 0 else { return nil }
        let (offset, next) = compound(quantity.whole, after: afterFirst)
        var m = TimeMention(tokens: i..<skippingFromNow(next))
        m.offset = offset
        m.rules.insert(.offsetIn)
        return m
    }

    /// Adds the smaller amounts that follow ("1 day 21 hours", "3 min 49 sec", "1d, 2hr, and 5min"),
    /// in the smallest unit said.
    func compound(_ first: TimeOffset, after i: Int) -> (TimeOffset, Int) {
        var total = first
        var j = i
        while true {
            var k = j
            if isSymbol(k, ",") { k += 1 }
            if isWord(k, ["and"]) { k += 1 }
            guard number(k) != nil, let (next, end) = quantity(at: k) else { break }
            let part = next.whole
            guard let combined = Self.add(total, part) else { break }
            total = combined
            j = end
        }
        return (total, j)
    }

    /// The sum of two amounts when the second's unit is finer (days, hours, minutes, seconds only).
    static func add(_ a: TimeOffset, _ b: TimeOffset) -> TimeOffset? {
        let order: [TimeUnit] = [.week, .day, .hour, .minute, .second]
        guard let ia = order.firstIndex(of: a.unit), let ib = order.firstIndex(of: b.unit), ib > ia else { return nil }
        var amount = a.amount
        var unit = a.unit
        while unit != b.unit, let finer = unit.finer {
            amount *= finer.count
            unit = finer.unit
        }
        return TimeOffset(amount: amount + b.amount, unit: unit)
    }

    /// A quantity without "in": "2 weeks from now", "a week from monday", "3 days ago", or a duration.
    func quantityMention(at i: Int) -> TimeMention? {
        if isWord(i, ["all"]), isWord(i + 1, ["day"]) {
            var m = TimeMention(tokens: i..<(i + 2))
            m.durationMinutes = 24 * 60
            m.rules.insert(.duration)
            return m
        }
        // "16h30" and "15h" on their own are clocks; "for 1h30", "1h30" and "2h" are durations.
        if isWord(i + 1, ["h"]), isAttached(i + 1), number(i + 2) != nil, isAttached(i + 2), (number(i) ?? 0) >= 10 { return nil }
        if isWord(i + 1, ["h"]), isAttached(i + 1), (13...23).contains(number(i) ?? 0), number(i + 2) == nil { return nil }
        guard let (quantity, afterFirst) = quantity(at: i) else { return nil }
        let (total, afterAll) = compound(quantity.whole, after: afterFirst)
        let next = afterAll
        if isWord(next, ["from", "after", "before"]) {
            let rightNow = isWord(next + 1, ["right", "just"]) && isWord(next + 2, ["now"])
            if isWord(next + 1, ["now"]) || rightNow {
                var m = TimeMention(tokens: i..<(next + (rightNow ? 3 : 2)))
                m.offset = total
                if isWord(next, ["before"]) { m.offset?.amount = -total.amount }
                m.rules.insert(.offsetFromNow)
                return m
            }
            // "3 years from today": Duckling counts from today's start, in the finer of day and the unit.
            if isWord(next + 1, ["today"]) {
                var m = TimeMention(tokens: i..<(next + 2))
                m.offset = total
                m.offsetFromToday = true
                if isWord(next, ["before"]) { m.offset?.amount = -total.amount }
                m.rules.insert(.offsetFromNow)
                return m
            }
            // "3 hours after 5pm", "30 minutes before noon": the clock moved by the amount.
            if let minutes = Self.minutes(of: total), total.unit != .day, total.unit != .week, total.unit != .fortnight,
               let clock = clockMention(at: next + 1, strong: false), clock.clockEnd == nil, !clock.isInvalid {
                var m = extended(clock, from: i)
                m.clockShift = isWord(next, ["before"]) ? -minutes : minutes
                if minutes % 60 != 0 { m.clock?.saysMinutes = true }
                m.rules.insert(.durationFromTime)
                return m
            }
            // "a week from monday", "2 days after tomorrow", "3 days before friday", "one year after christmas"
            if let (day, end) = daySpec(at: next + 1), afterFirst == afterAll {
                let sign = isWord(next, ["before"]) ? -1 : 1
                var m = TimeMention(tokens: i..<end)
                if let days = wholeDays(quantity) {
                    m.day = day.shifted(by: sign * days)
                } else if quantity.unit == .month || quantity.unit == .year, quantity.amount == quantity.amount.rounded() {
                    m.day = .plusMonths(day, months: sign * Int(quantity.amount) * (quantity.unit == .year ? 12 : 1))
                }
                if m.day != nil {
                    m.rules.insert(.offsetFromDay)
                    return m
                }
            }
        }
        if isWord(next, ["later", "hence", "out"]) {
            var m = TimeMention(tokens: i..<(next + 1))
            m.offset = total
            m.rules.insert(.offsetFromNow)
            return m
        }
        let agoEnd = isWord(next, ["ago", "earlier", "back"]) ? next + 1 : (isWord(next, ["before"]) && isWord(next + 1, ["now"]) ? next + 2 : nil)
        if let agoEnd {
            var m = TimeMention(tokens: i..<agoEnd)
            var offset = total
            offset.amount = -offset.amount
            m.offset = offset
            m.rules.insert(.offsetAgo)
            return m
        }
        if afterAll != afterFirst, let minutes = Self.minutes(of: total) {
            var m = TimeMention(tokens: i..<next)
            m.durationMinutes = minutes
            m.rules.insert(.duration)
            return minutes > 0 ? m : nil
        }
        return durationMention(quantity, tokens: i..<next)
    }

    static func minutes(of offset: TimeOffset) -> Int? {
        switch offset.unit {
        case .second: offset.amount / 60
        case .minute: offset.amount
        case .hour: offset.amount * 60
        case .day: offset.amount * 1440
        case .week: offset.amount * 10080
        case .fortnight: offset.amount * 20160
        default: nil
        }
    }

    /// After "for": "2h", "90 min", "all day".
    func durationMention(at i: Int) -> TimeMention? {
        if isWord(i, ["all", "the"]), isWord(i + 1, ["day", "whole"]) {
            let end = isWord(i + 1, ["whole"]) && isWord(i + 2, ["day"]) ? i + 3 : i + 2
            var m = TimeMention(tokens: i..<end)
            m.durationMinutes = 24 * 60
            return m
        }
        guard let (quantity, next) = quantity(at: i) else { return nil }
        return durationMention(quantity, tokens: i..<next)
    }

    private func durationMention(_ quantity: Quantity, tokens range: Range<Int>) -> TimeMention? {
        let minutes: Int
        if let clockMinutes = quantity.minutes {
            minutes = clockMinutes
        } else if let days = wholeDays(quantity) {
            minutes = days * 24 * 60
        } else {
            return nil
        }
        guard minutes > 0 else { return nil }
        var m = TimeMention(tokens: range)
        m.durationMinutes = minutes
        m.rules.insert(.duration)
        return m
    }

    private func skippingFromNow(_ i: Int) -> Int {
        isWord(i, ["from"]) && isWord(i + 1, ["now"]) ? i + 2 : i
    }

    private func wholeDays(_ quantity: Quantity) -> Int? {
        switch quantity.unit {
        case .day: Int(quantity.amount.rounded())
        case .week: Int((quantity.amount * 7).rounded())
        case .fortnight: Int((quantity.amount * 14).rounded())
        default: nil
        }
    }
}

extension DaySpec {
    /// "the 13th" in "from the 13th to the 15th of july" takes the month (and year) of the end.
    func inMonth(of last: DaySpec) -> DaySpec {
        // "10 august - 12 september 2013": the year said at the end is the start's too.
        if case let .date(nil, month, day) = self, case let .date(year?, lastMonth, _) = last {
            return .date(year: month > lastMonth ? year - 1 : year, month: month, day: day)
        }
        guard case let .dayOfMonth(day) = self else { return self }
        switch last {
        case let .date(year, month, _): return .date(year: year, month: month, day: day)
        case let .dayOf(month, _): return .dayOf(month, day: day)
        default: return self
        }
    }

    /// "10 august 2013 - 12 september": the end takes the start's year (the next one if it would come first).
    func inYear(of first: DaySpec) -> DaySpec {
        guard case let .date(nil, month, day) = self, case let .date(year?, firstMonth, firstDay) = first else { return self }
        return .date(year: (month, day) < (firstMonth, firstDay) ? year + 1 : year, month: month, day: day)
    }

    /// The day moved by whole days ("a week from monday").
    func shifted(by days: Int) -> DaySpec {
        switch self {
        case let .relative(d): .relative(days: d + days)
        case let .weekday(w, modifier, plusDays): .weekday(w, modifier, plusDays: plusDays + days)
        case let .plus(base, d): .plus(base, days: d + days)
        default: .plus(self, days: days)
        }
    }
}
