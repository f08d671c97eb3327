/// Clock times: "3pm", "3 pm", "3p", "15:30", "3:30pm", "0930", "at 9", "noon", "midnight",
/// "half past 3", "quarter to 5", "10 to 4", "at three thirty", "8 o'clock", "9am sharp".
extension TimeScanner {
    static let closeOfBusiness = ClockTime(hour: 17, minute: 0, meridiem: .unstated, isUnambiguous: true, saysMinutes: false)

    /// Minutes said before "past"/"to" in "10 to 4"; other numbers before "to" start a range ("2 to 4pm").
    static let minutesBeforeHour: Set<Int> = [5, 10, 15, 20, 25]

    /// A clock time at `i`. `strong` demands a marker that makes a bare number a time (am/pm, a colon,
    /// o'clock, a leading zero); callers that saw "at", "from" or "until" pass false.
    func clockTime(at i: Int, strong: Bool, allowsToForm: Bool = true) -> (ClockTime, Int)? {
        guard i < tokens.count else { return nil }
        if let w = word(i) {
            switch w {
            case "noon", "midday", "mid-day", "noonish": return (.noon, finishing(i + 1))
            case "mid":
                if isSymbol(i + 1, "-"), isWord(i + 2, ["day"]) { return (.noon, finishing(i + 3)) }
                if isWord(i + 1, ["day"]) { return (.noon, finishing(i + 2)) }
                return nil
            case "midnight", "midnite": return (.midnight, finishing(i + 1))
            case "eod": return (.midnight, i + 1)
            // Not Duckling's: the close of business is 17:00.
            case "cob", "eob": return (Self.closeOfBusiness, i + 1)
            case "close" where isWord(i + 1, ["of"]) && isWord(i + 2, ["business", "play"]): return (Self.closeOfBusiness, i + 3)
            case "end":
                // Duckling reads "end of day" as the coming midnight; "end of business" is the close of business.
                let j = skipping(skipping(i + 1, ["of"]), ["the"])
                if j > i + 1, isWord(j, ["business"]) { return (Self.closeOfBusiness, j + 1) }
                return j > i + 1 && isWord(j, ["day"]) ? (.midnight, j + 1) : nil
            case "half":
                if let form = minutesRelativeToHour(30, at: i + 1) { return form }
                // "half three": half past, the British way (not "half an hour", "half 2 hours").
                guard let (hour, next) = hourValue(at: i + 1), (1...12).contains(hour), !isUnitAfter(next) else { return nil }
                let (meridiem, end) = meridiem(at: next)
                return (ClockTime(hour: hour, minute: 30, meridiem: meridiem, isUnambiguous: false, saysMinutes: true), finishing(end))
            case "quarter": return minutesRelativeToHour(15, at: i + 1)
            default: return wordClock(at: i, strong: strong, allowsToForm: allowsToForm)
            }
        }
        guard let value = number(i) else { return nil }
        let digits = tokens[i].text.count
        if allowsToForm, digits <= 2, let form = minutesRelativeToHour(value, at: i + 1, requireKnownMinutes: true) {
            return form
        }
        // "15:30", "3:30pm", "3.30pm"
        if digits <= 2, isSymbol(i + 1, ":") || isSymbol(i + 1, "."), isAttached(i + 1), isAttached(i + 2),
           let minute = number(i + 2), tokens[i + 2].text.count == 2 {
            var (meridiem, next) = meridiem(at: i + 3)
            guard isSymbol(i + 1, ":") || meridiem != .unstated || !strong else { return nil }
            var j = next
            // "10:30:15": seconds make the grain a second.
            var seconds: Int?
            if isSymbol(j, ":"), isAttached(j), let second = number(j + 1), isAttached(j + 1), second < 60, tokens[j + 1].text.count == 2 {
                seconds = second
                j += 2
                let (late, afterLate) = self.meridiem(at: j)  // "11:00:09 am"
                if meridiem == .unstated, late != .unstated { meridiem = late; j = afterLate }
            }
            var clock = ClockTime(hour: value, minute: minute, meridiem: meridiem,
                                  isUnambiguous: value == 0 || value >= 12 || tokens[i].text.hasPrefix("0"),
                                  saysMinutes: true)
            clock.second = seconds
            return (clock, finishing(j))
        }
        // "16h30", "16h", "9h45": the French-style hour mark (a duration after "for").
        if digits <= 2, isWord(i + 1, ["h"]), isAttached(i + 1) {
            if let minute = number(i + 2), isAttached(i + 2), tokens[i + 2].text.count == 2 {
                guard !isWord(i + 3, ["m", "min", "mins", "minutes"]) else { return nil }
                guard !strong || value >= 10 || tokens[i].text.hasPrefix("0") else { return nil }
                return (ClockTime(hour: value, minute: minute, meridiem: .unstated, isUnambiguous: true, saysMinutes: true),
                        finishing(i + 3))
            }
            // "15h" alone is a clock; "2h" is a duration.
            guard (13...23).contains(value) || !strong && value <= 23, !isWord(i + 2, ["and", "of"]), number(i + 2) == nil else { return nil }
            return (ClockTime(hour: value, minute: 0, meridiem: .unstated, isUnambiguous: true, saysMinutes: false), finishing(i + 2))
        }
        // "0930", "930am", "at 9999"
        if digits == 3 || digits == 4 {
            let (meridiem, next) = meridiem(at: i + 1)
            let leadingZero = tokens[i].text.hasPrefix("0")
            guard meridiem != .unstated || (digits == 4 && (leadingZero || !strong)) else { return nil }
            let clock = ClockTime(hour: value / 100, minute: value % 100, meridiem: meridiem,
                                  isUnambiguous: meridiem == .unstated, saysMinutes: true)
            // A year after "in"/"since" is not a clock; elsewhere "at 9999" is an impossible one.
            if clock.problem != nil, meridiem == .unstated, (1900...2200).contains(value) { return nil }
            return (clock, finishing(next))
        }
        guard digits <= 2 else { return nil }
        // "01/21/2021", "12-30-16": a date, not an hour.
        if isSymbol(i + 1, "/") || isSymbol(i + 1, "-") && isSymbol(i + 3, "-"), isAttached(i + 1), number(i + 2) != nil, isAttached(i + 2) { return nil }
        var afterNumber = i + 1
        // "4ish pm", "4-ish"
        if isWord(afterNumber, ["ish"]) { afterNumber += 1 } else if isSymbol(afterNumber, "-"), isWord(afterNumber + 1, ["ish"]) { afterNumber += 2 }
        var (meridiem, afterMeridiem) = meridiem(at: afterNumber)
        var (saidOClock, next) = oClock(at: afterMeridiem)
        if saidOClock, meridiem == .unstated { (meridiem, next) = self.meridiem(at: next) }
        if meridiem == .unstated, isWord(afterNumber, ["in"]), isWord(afterNumber + 1, ["the"]) {
            let (inThe, afterInThe) = self.meridiem(at: afterNumber + 2)
            if inThe != .unstated { meridiem = inThe; afterMeridiem = afterInThe; next = afterInThe; saidOClock = false }
        }
        // "at 4 20", "4 20 pm", "4 fifteen pm": an hour and its minutes as two numbers.
        if meridiem == .unstated, !saidOClock, value <= 23, digits <= 2,
           let (minute, afterMinute) = number(i + 1).flatMap({ m in tokens[i + 1].text.count == 2 && !isAttached(i + 1) ? (m, i + 2) : nil })
               ?? wordNumber(at: i + 1).flatMap({ $0.0 >= 10 ? $0 : nil }),
           (0...59).contains(minute), !isUnitWord(afterMinute) {
            let (secondMeridiem, afterSecond) = self.meridiem(at: afterMinute)
            if !strong || secondMeridiem != .unstated {
                let clock = ClockTime(hour: value, minute: minute, meridiem: secondMeridiem,
                                      isUnambiguous: secondMeridiem == .unstated && (value == 0 || value >= 13), saysMinutes: true)
                return (clock, finishing(afterSecond))
            }
        }
        if strong && meridiem == .unstated && !saidOClock { return nil }
        if meridiem == .unstated && value > 24 && strong { return nil }
        let clock = ClockTime(hour: value, minute: 0, meridiem: meridiem,
                              isUnambiguous: meridiem == .unstated && (value == 0 || value >= 13 || tokens[i].text.hasPrefix("0")),
                              saysMinutes: false)
        return (clock, finishing(next))
    }

    private func isUnitAfter(_ i: Int) -> Bool {
        // "half 2.5 hours" goes on; "half 9." ends the sentence.
        guard let w = word(i) else { return isSymbol(i, "/") || isSymbol(i, ".") && number(i + 1) != nil && isAttached(i + 1) }
        return Lexicon.units[w] != nil || ["and", "of"].contains(w)
    }

    /// A unit or count word after a number ("4 20 min", "3 10 people" is not a time).
    private func isUnitWord(_ i: Int) -> Bool {
        guard let w = word(i) else { return false }
        return Lexicon.units[w] != nil || ["people", "persons", "times", "x", "of", "and", "or"].contains(w)
    }

    /// "half past 3", "quarter to 5", "10 to 4", "twenty past 3": `minutes` were read before index `i`.
    func minutesRelativeToHour(_ minutes: Int, at i: Int, requireKnownMinutes: Bool = false) -> (ClockTime, Int)? {
        var j = i
        if isWord(j, ["minutes", "mins", "min"]) { j += 1 } else if requireKnownMinutes && !Self.minutesBeforeHour.contains(minutes) {
            return nil
        }
        guard let direction = word(j), ["past", "after", "to", "till", "til", "before", "of"].contains(direction),
              (1...30).contains(minutes) else { return nil }
        guard let (hour, afterHour) = hourValue(at: j + 1) else { return nil }
        let (meridiem, next) = meridiem(at: afterHour)
        let isPast = direction == "past" || direction == "after"
        var clock = ClockTime(hour: hour, minute: 0, meridiem: meridiem, isUnambiguous: hour >= 13, saysMinutes: true)
        if isPast {
            clock.minute = minutes
        } else {
            clock.minute = 60 - minutes
            clock.hour = hour == 0 ? 23 : (hour == 1 && meridiem == .unstated && !clock.isUnambiguous ? 12 : hour - 1)
            if hour == 0 { clock.isUnambiguous = true }  // "quarter to midnight" is 23:45
            if clock.hour == 0 && meridiem != .unstated { clock.hour = 12 }  // "quarter to 1am" is 00:45
        }
        return (clock, finishing(next))
    }

    /// An hour as a number or a word, 1...24.
    func hourValue(at i: Int) -> (Int, Int)? {
        if let value = number(i), tokens[i].text.count <= 2, (0...24).contains(value) { return (value, i + 1) }
        if let (value, next) = wordNumber(at: i), (1...12).contains(value) { return (value, next) }
        if isWord(i, ["noon"]) { return (12, i + 1) }
        if isWord(i, ["midnight", "midnite"]) { return (0, i + 1) }
        return nil
    }

    /// "three thirty pm", "at five", "ten to four", "eight o'clock".
    private func wordClock(at i: Int, strong: Bool, allowsToForm: Bool) -> (ClockTime, Int)? {
        guard let (value, afterValue) = wordNumber(at: i) else { return nil }
        if allowsToForm, let form = minutesRelativeToHour(value, at: afterValue) { return form }
        guard (1...12).contains(value) else { return nil }
        var minute = 0
        var j = afterValue
        var saysMinutes = false
        // "four-fifteen", "eight-oh-five": the minutes may be joined by hyphens.
        if isSymbol(j, "-"), isAttached(j), isAttached(j + 1),
           isWord(j + 1, ["oh", "o", "zero"]) || wordNumber(at: j + 1).map({ (10...59).contains($0.0) }) == true { j += 1 }
        if isWord(j, ["oh", "o", "zero"]), let (m, next) = wordNumber(at: isSymbol(j + 1, "-") ? j + 2 : j + 1), (1...9).contains(m) {
            minute = m; j = next; saysMinutes = true
        } else if let (m, next) = wordNumber(at: j), (10...59).contains(m) {
            minute = m; j = next; saysMinutes = true
        }
        let (meridiem, afterMeridiem) = meridiem(at: j)
        let (saidOClock, next) = oClock(at: afterMeridiem)
        if strong && meridiem == .unstated && !saidOClock && !(saysMinutes && minute >= 10) { return nil }
        return (ClockTime(hour: value, minute: minute, meridiem: meridiem, isUnambiguous: false, saysMinutes: saysMinutes),
                finishing(next))
    }

    /// "am", "pm", "a.m.", "p.m.", and "a"/"p" stuck to the number ("3p").
    func meridiem(at i: Int) -> (ClockTime.Meridiem, Int) {
        guard let w = word(i) else { return (.unstated, i) }
        switch w {
        case "am": return (.am, skippingDot(i + 1))
        case "pm": return (.pm, skippingDot(i + 1))
        case "a", "p":
            let result: ClockTime.Meridiem = w == "a" ? .am : .pm
            if isSymbol(i + 1, "."), isWord(i + 2, ["m"]) { return (result, skippingDot(i + 3)) }
            // "3p", "8a"; not inside codes like "%8a" or "b8a".
            let freeNumber = i < 2 || !tokens[i - 1].attached || tokens[i - 2].isSymbol(":") || tokens[i - 2].isSymbol(".")
                || tokens[i - 2].isSymbol("-") || tokens[i - 2].isWord("at")
            return isAttached(i) && freeNumber && !(i + 1 < tokens.count && tokens[i + 1].attached && tokens[i + 1].kind != .symbol) ? (result, i + 1) : (.unstated, i)
        default: return (.unstated, i)
        }
    }

    private func skippingDot(_ i: Int) -> Int {
        isSymbol(i, ".") && isAttached(i) && (i + 1 >= tokens.count || !tokens[i + 1].attached) ? i + 1 : i
    }

    private func oClock(at i: Int) -> (Bool, Int) {
        if isWord(i, ["o'clock", "oclock"]) { return (true, i + 1) }
        if isWord(i, ["o"]), isWord(i + 1, ["clock"]) { return (true, i + 2) }
        return (false, i)
    }

    /// Skips words that add nothing after a time: "sharp", "ish".
    func finishing(_ i: Int) -> Int {
        var j = i
        if isWord(j, ["o'clock", "oclock"]) { j += 1 }
        if isWord(j, ["sharp", "ish", "exactly", "approximately", "approx"]) { j += 1 }
        return j
    }

    /// A clock, optionally the start of a range ("9am-11am", "10:00 - 11:30", "9-11am", "3pm to 5pm").
    func clockRangeOrClock(at i: Int) -> TimeMention? {
        let looksLikeYear = number(i) != nil && tokens[i].text.count == 4 && !tokens[i].text.hasPrefix("0")
        if !looksLikeYear, let (first, afterFirst) = clockTime(at: i, strong: false, allowsToForm: false),
           isConnector(afterFirst, ["-", "to", "till", "til", "until"]),
           let (second, next) = clockTime(at: afterFirst + 1, strong: false, allowsToForm: false) {
            // "9-11" is a clock range; "3-45" and "99-99" in free text are not times at all.
            let bareHyphen = tokens[afterFirst].text == "-" && first.meridiem == .unstated && second.meridiem == .unstated
                && first.isValid && second.isValid
            if isStrong(first, at: i) || isStrong(second, at: afterFirst + 1) || bareHyphen {
                return clockRange(first, second, tokens: i..<next, firstAt: i, secondAt: afterFirst + 1)
            }
        }
        return clockMention(at: i, strong: true)
    }

    func clockMention(at i: Int, strong: Bool) -> TimeMention? {
        guard let (clock, next) = clockTime(at: i, strong: strong) ?? clockBeforePart(at: i, strong: strong) else { return nil }
        if isConnector(next, ["-", "to", "till", "til", "until"]),
           let (second, end) = clockTime(at: next + 1, strong: false, allowsToForm: false) {
            return clockRange(clock, second, tokens: i..<end, firstAt: i, secondAt: next + 1)
        }
        var m = TimeMention(tokens: i..<next)
        m.clock = clock
        m.rules.insert(rule(for: clock, at: i))
        if clock.meridiem != .unstated { m.rules.insert(.meridiem) }
        m.flag(clock.problem, at: i..<next)
        return m
    }

    /// "3 in the morning", "8 tonight", "5 this afternoon", "10 at night": a bare hour made a time by the
    /// part of day that follows it (the part is read as its own mention and narrows the hour).
    private func clockBeforePart(at i: Int, strong: Bool) -> (ClockTime, Int)? {
        guard strong else { return nil }
        let j: Int
        if let value = number(i), tokens[i].text.count <= 2, (0...12).contains(value) {
            j = i + 1
        } else if let (value, next) = wordNumber(at: i), (1...12).contains(value) {
            j = next
        } else {
            return nil
        }
        let followedByPart = isWord(j, ["in"]) && isWord(j + 1, ["the"]) && partOfDay(at: j + 2) != nil
            || isWord(j, ["tonight", "tonite"])
            || isWord(j, ["this"]) && partOfDay(at: j + 1) != nil
            || isWord(j, ["at"]) && isWord(j + 1, ["night", "noon"])
            || isWord(j, ["tomorrow", "today"]) && partOfDay(at: j + 1) != nil
            || partOfDay(at: j) != nil && !isWord(j, ["after", "end", "early", "late"])
        guard followedByPart, let clock = clockTime(at: i, strong: false) else { return nil }
        return clock
    }

    func rule(for clock: ClockTime, at i: Int) -> TimeRule {
        if clock == .noon || clock == .midnight, word(i) != nil { return .clockNoonMidnight }
        if word(i) != nil { return word(i) == "half" || word(i) == "quarter" ? .clockRelative : .clockWords }
        if isSymbol(i + 1, ":") || isSymbol(i + 1, ".") { return .clockColon }
        if tokens[i].text.count >= 3 || isWord(i + 1, ["h"]) { return .clockCompact }
        if clock.saysMinutes { return number(i + 1) != nil ? .clockHourMinute : .clockRelative }
        return .clockHour
    }

    func clockRange(_ first: ClockTime, _ second: ClockTime, tokens range: Range<Int>, firstAt: Int, secondAt: Int) -> TimeMention {
        var m = TimeMention(tokens: range)
        m.clock = first
        m.clockEnd = second
        m.rules.insert(.clockRange)
        m.flag(first.problem, at: firstAt..<(secondAt - 1))
        m.flag(second.problem, at: secondAt..<range.upperBound)
        return m
    }

    private func isStrong(_ clock: ClockTime, at i: Int) -> Bool {
        clock.meridiem != .unstated || clock.saysMinutes || clock.isUnambiguous && number(i) == nil
            || clock == .noon || clock == .midnight
    }
}
