/// Amounts of time: offsets ("in 2 hours", "2 weeks from now", "a week from monday") and durations
/// ("for 2h", "90 min", "1.5 hours", "an hour and a half", "1h30", "all day").
extension TimeScanner {
    struct Quantity {
        var amount: Double
        var unit: TimeUnit

        /// Whole minutes for clock units, nil for calendar units.
        var minutes: Int? { unit.minutes.map { Int((amount * Double($0)).rounded()) } }
    }

    /// A number said as digits, a decimal ("1.5"), words up to sixty ("forty-five") or "a"/"an".
    func amount(at i: Int) -> (Double, Int)? {
        if let value = number(i) {
            if isSymbol(i + 1, "."), isAttached(i + 1), isAttached(i + 2), let fraction = number(i + 2) {
                let digits = tokens[i + 2].text.count
                var scale = 1.0
                for _ in 0..<digits { scale *= 10 }
                return (Double(value) + Double(fraction) / scale, i + 3)
            }
            return (Double(value), i + 1)
        }
        if isWord(i, ["a", "an"]) {
            if isWord(i + 1, ["couple"]) { return (2, skipping(i + 2, ["of"])) }
            if isWord(i + 1, ["half"]) { return (0.5, i + 2) }
            if isWord(i + 1, ["quarter"]) { return (0.25, skipping(skipping(i + 2, ["of"]), ["an", "a"])) }
            return (1, i + 1)
        }
        if isWord(i, ["couple"]) { return (2, skipping(i + 1, ["of"])) }
        if isWord(i, ["half"]) { return (0.5, skipping(i + 1, ["an", "a"])) }
        if let (value, next) = wordNumber(at: i) { return (Double(value), next) }
        return nil
    }

    /// "five", "twenty five", "twenty-five", up to sixty.
    func wordNumber(at i: Int) -> (Int, Int)? {
        guard let w = word(i), let value = Lexicon.numberWords[w] else { return nil }
        if value >= 20, value % 10 == 0, value < 60 {
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
        guard let unitWord = word(j), let unit = Lexicon.units[unitWord] else { return nil }
        // "a m" is never a unit: "3 a.m." belongs to the clock.
        if unitWord == "m", isSymbol(j + 1, ".") { return nil }
        j += 1
        if isSymbol(j, "."), isAttached(j), unitWord.count <= 3, !(j + 1 < tokens.count && tokens[j + 1].attached) { j += 1 }
        if isWord(j, ["and"]), isWord(j + 1, ["a"]), isWord(j + 2, ["half"]) { amountValue += 0.5; j += 3 }
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

    /// After "in": "2 hours", "a week", "half an hour".
    func offsetMention(at i: Int) -> TimeMention? {
        guard let (quantity, next) = quantity(at: i) else { return nil }
        var m = TimeMention(tokens: i..<skippingFromNow(next))
        m.offset = offset(quantity)
        return m
    }

    /// A quantity without "in": "2 weeks from now", "a week from monday", "3 days ago", or a duration.
    func quantityMention(at i: Int) -> TimeMention? {
        if isWord(i, ["all"]), isWord(i + 1, ["day"]) {
            var m = TimeMention(tokens: i..<(i + 2))
            m.durationMinutes = 24 * 60
            return m
        }
        guard let (quantity, next) = quantity(at: i) else { return nil }
        if isWord(next, ["from", "after"]) {
            if isWord(next + 1, ["now", "today"]) {
                var m = TimeMention(tokens: i..<(next + 2))
                m.offset = offset(quantity)
                return m
            }
            if let (day, end) = daySpec(at: next + 1), let days = wholeDays(quantity) {
                var m = TimeMention(tokens: i..<end)
                m.day = day.shifted(by: days)
                return m
            }
        }
        if isWord(next, ["later", "hence"]) {
            var m = TimeMention(tokens: i..<(next + 1))
            m.offset = offset(quantity)
            return m
        }
        if isWord(next, ["ago", "earlier"]) {
            var m = TimeMention(tokens: i..<(next + 1))
            m.offset = offset(Quantity(amount: -quantity.amount, unit: quantity.unit))
            return m
        }
        return durationMention(quantity, tokens: i..<next)
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
        return m
    }

    private func skippingFromNow(_ i: Int) -> Int {
        isWord(i, ["from"]) && isWord(i + 1, ["now"]) ? i + 2 : i
    }

    private func offset(_ quantity: Quantity) -> TimeOffset {
        if let minutes = quantity.minutes { return .minutes(minutes) }
        switch quantity.unit {
        case .month: return .months(Int(quantity.amount.rounded()))
        case .year: return .months(Int((quantity.amount * 12).rounded()))
        default: return .days(wholeDays(quantity) ?? 0)
        }
    }

    private func wholeDays(_ quantity: Quantity) -> Int? {
        switch quantity.unit {
        case .day: Int(quantity.amount.rounded())
        case .week: Int((quantity.amount * 7).rounded())
        default: nil
        }
    }
}

extension DaySpec {
    /// The day moved by whole days ("a week from monday").
    func shifted(by days: Int) -> DaySpec {
        switch self {
        case let .relative(d): .relative(days: d + days)
        case let .weekday(w, modifier, plusDays): .weekday(w, modifier, plusDays: plusDays + days)
        default: self  // absolute dates are rarely shifted; keep them as said
        }
    }
}
