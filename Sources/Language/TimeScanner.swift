/// Walks the tokens of a message and finds every time-related stretch in it, left to right.
/// Each matcher returns what it read and the index just past it, or nil.
struct TimeScanner {
    let tokens: [Token]

    init(tokens: [Token]) { self.tokens = tokens }

    func scan() -> [TimeMention] {
        var mentions: [TimeMention] = []
        var index = 0
        while index < tokens.count {
            // "9 to 10 tonight", "8 till 10 on friday": a range of bare hours before a day or part of day.
            if number(index) != nil, let range = bareClockRange(at: index), startsDayOrPart(at: range.tokens.upperBound) {
                mentions.append(range)
                index = range.tokens.upperBound
                continue
            }
            if let found = mention(at: index), found.tokens.upperBound > index {
                var mention = withZone(found)
                // "tomorrow same time", "friday, at the same time", "next week same time": now's clock on that day.
                if mention.clock == nil, mention.part == nil, mention.bound == nil,
                   let end = sameClockPhrase(at: isSymbol(mention.tokens.upperBound, ",") ? mention.tokens.upperBound + 1 : mention.tokens.upperBound),
                   let day = mention.day ?? mention.span.flatMap(Self.sameDate(in:)) {
                    mention.tokens = mention.tokens.lowerBound..<end
                    mention.day = day
                    mention.span = nil
                    mention.sameClockAsNow = true
                    mention.rules.insert(.sameTime)
                }
                if let shifted = withArithmetic(mention) { mention = shifted }
                mentions.append(mention)
                index = mention.tokens.upperBound
                // "tomorrow 8 to 10": after a day, a range of bare hours needs no "from".
                if mention.day != nil, mention.clock == nil, mention.part == nil, mention.lastDay == nil,
                   let range = bareClockRange(at: isSymbol(index, ",") ? index + 1 : index) {
                    mentions.append(range)
                    index = range.tokens.upperBound
                }
                // "thu oct 26 11:00:09 2023": a year said after the clock belongs to the date.
                if mention.clock != nil, let year = yearAfterClock(at: index) {
                    mentions.append(year)
                    index += 1
                }
            } else {
                index += 1
            }
        }
        return mentions
    }

    /// The mentions, with separate datetimes around a range connector joined into intervals (free text only:
    /// the command grammars split "from X to Y" themselves).
    func scanJoiningRanges() -> [TimeMention] { intersectingWeekdayAndDate(joiningRanges(scan())) }

    /// "fri, jul 18": Duckling intersects the two, so the date is the next 18 July that is a Friday (free text only:
    /// a command with a mistyped weekday keeps its date rather than moving years ahead).
    private func intersectingWeekdayAndDate(_ mentions: [TimeMention]) -> [TimeMention] {
        guard mentions.count >= 2,
              let weekday = mentions.lazy.compactMap({ m -> Int? in
                  if case let .weekday(w, .bare, 0)? = m.day, !m.isInvalid { return w } else { return nil }
              }).first,
              let index = mentions.firstIndex(where: { m in
                  if case .date(nil, _, _)? = m.day, m.lastDay == nil { return true } else { return false }
              }),
              case let .date(nil, month, day)? = mentions[index].day else { return mentions }
        var result = mentions
        result[index].day = .dateOnWeekday(month: month, day: day, weekday: weekday)
        return result
    }

    /// "next tuesday + 10 days", "2023-12-29 -10days", "friday plus 3 days", "5pm + 2 hours": amounts added to
    /// or taken from the time just said. Days and weeks move the day, months and years move it by months (clamped
    /// to the month's last day), hours and minutes move the clock.
    private func withArithmetic(_ mention: TimeMention) -> TimeMention? {
        guard mention.day != nil || mention.clock != nil, mention.lastDay == nil, mention.clockEnd == nil, mention.bound == nil,
              mention.offset == nil, mention.rangeEnd.isEmpty, !mention.isInvalid else { return nil }
        var days = 0, months = 0, minutes = 0
        var end = mention.tokens.upperBound
        terms: while end < tokens.count {
            let sign: Int
            if isSymbol(end, "+") || isWord(end, ["plus"]) { sign = 1 } else if isSymbol(end, "-") || isWord(end, ["minus"]) { sign = -1 } else { break }
            guard number(end + 1) != nil || wordNumber(at: end + 1) != nil || isWord(end + 1, ["a", "an"]),
                  let (quantity, next) = quantity(at: end + 1), quantity.amount > 0 else { break }
            let offset = quantity.whole
            switch offset.unit {
            case .day: days += sign * offset.amount
            case .week: days += sign * 7 * offset.amount
            case .month: months += sign * offset.amount
            case .year: months += sign * 12 * offset.amount
            case .hour where mention.clock != nil: minutes += sign * 60 * offset.amount
            case .minute where mention.clock != nil: minutes += sign * offset.amount
            default: break terms
            }
            end = next
        }
        guard end > mention.tokens.upperBound else { return nil }
        var m = mention
        m.tokens = mention.tokens.lowerBound..<end
        if days != 0 || months != 0 {
            var day = mention.day ?? .relative(days: 0)
            if months != 0 { day = .plusMonths(day, months: months) }
            if days != 0 { day = .plus(day, days: days) }
            m.day = day
        }
        m.clockShift += minutes
        if minutes % 60 != 0 { m.clock?.saysMinutes = true }  // "3pm + 30 minutes" is 15:30, grain minute
        m.rules.insert(.dayArithmetic)
        return m
    }

    private func startsDayOrPart(at i: Int) -> Bool {
        let j = isWord(i, ["on", "in"]) ? (isWord(i + 1, ["the"]) ? i + 2 : i + 1) : i
        return daySpec(at: j, composite: false) != nil || partOfDay(at: j) != nil
    }

    /// "8 to 10", "10:30 till 12" after a day: a clock range without "from" or am/pm.
    private func bareClockRange(at i: Int) -> TimeMention? {
        guard let (first, afterFirst) = clockTime(at: i, strong: false, allowsToForm: false),
              isConnector(afterFirst, ["to", "till", "til", "until"]),
              let (second, next) = clockTime(at: afterFirst + 1, strong: false, allowsToForm: false) else { return nil }
        return clockRange(first, second, tokens: i..<next, firstAt: i, secondAt: afterFirst + 1)
    }

    private func yearAfterClock(at i: Int) -> TimeMention? {
        guard let value = number(i), tokens[i].text.count == 4, (1900...2200).contains(value),
              !isSymbol(i + 1, ":"), !isSymbol(i + 1, "-"), !isSymbol(i + 1, "/") else { return nil }
        var m = TimeMention(tokens: i..<(i + 1))
        m.span = .year(value)
        m.rules.insert(.year)
        return m
    }

    // MARK: - Token access

    func word(_ i: Int) -> String? {
        i >= 0 && i < tokens.count && tokens[i].kind == .word ? tokens[i].text : nil
    }

    func number(_ i: Int) -> Int? {
        i >= 0 && i < tokens.count && tokens[i].kind == .number ? tokens[i].value : nil
    }

    func isSymbol(_ i: Int, _ symbol: String) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].isSymbol(symbol)
    }

    func isAttached(_ i: Int) -> Bool { i < tokens.count && tokens[i].attached }

    /// For word lists written in place: a linear scan of a few small strings is cheaper than hashing them
    /// into a set on every call.
    @inline(__always)
    func isWord(_ i: Int, _ options: [String]) -> Bool {
        guard let w = word(i) else { return false }
        for option in options where option == w { return true }
        return false
    }

    func skipping(_ i: Int, _ options: [String]) -> Int { isWord(i, options) ? i + 1 : i }

    func isConnector(_ i: Int, _ connectors: [String]) -> Bool {
        guard i < tokens.count else { return false }
        let t = tokens[i]
        return (t.kind == .word || t.text == "-" || t.text == "&") && connectors.contains(t.text)
    }

    func isWord(_ i: Int, _ options: Set<String>) -> Bool {
        guard let w = word(i) else { return false }
        return options.contains(w)
    }

    /// Skips one optional word from `options`.
    func skipping(_ i: Int, _ options: Set<String>) -> Int { isWord(i, options) ? i + 1 : i }

    // MARK: - Dispatch

    func mention(at i: Int) -> TimeMention? {
        guard let w = word(i) else {
            // "@ 9", "~5pm"
            if isSymbol(i, "@") || isSymbol(i, "~"), let m = clockMention(at: i + 1, strong: false) { return extended(m, from: i) }
            return standaloneMention(at: i)
        }
        if w == "same" || w == "this" || w == "the" || w == "at", let m = sameTimeMention(at: i) { return m }
        switch w {
        case "at", "@", "around", "about", "approx", "approximately", "~", "exactly", "circa":
            if w == "at", isWord(i + 1, ["the", "this"]), isWord(i + 2, ["moment"]) { return nowMention(i..<(i + 3)) }
            if let m = clockMention(at: i + 1, strong: false) { return extended(m, from: i) }
            return standaloneMention(at: i + 1).map { extended($0, from: i) }
        case "on":
            let j = isWord(i + 1, ["a"]) ? i + 2 : i + 1
            if let m = dayRangeOrDay(at: j) { return extended(m, from: i) }
        case "in", "during":
            if let m = offsetMention(at: i + 1) { return extended(m, from: i) }
            // "in about 5 hours", "in around ~2 days"
            let aboutWord = skipping(i + 1, ["about", "around", "approximately", "approx", "roughly", "maybe"])
            let approx = isSymbol(aboutWord, "~") ? aboutWord + 1 : aboutWord
            if approx > i + 1, let m = offsetMention(at: approx) { return extended(m, from: i) }
            if isWord(i + 1, ["the"]), let m = partMention(at: i + 2) { return extended(m, from: i) }
            if let m = partMention(at: i + 1), !isWord(i + 1, ["this", "after", "early", "late"]) { return extended(m, from: i) }
            if let m = yearMention(at: i + 1) { return extended(m, from: i) }
            // "in 5": minutes, when nothing else follows the number.
            if let n = number(i + 1), tokens[i + 1].text.count <= 2, (0...60).contains(n), i + 2 == tokens.count || tokens[i + 2].kind == .symbol {
                var m = TimeMention(tokens: i..<(i + 2))
                m.offset = TimeOffset(amount: n, unit: .minute)
                m.rules.insert(.offsetIn)
                return m
            }
        case "within":
            // "within the hour", "within the day": one unit from now.
            if isWord(i + 1, ["the"]), let unitWord = word(i + 2), ["hour", "day", "week"].contains(unitWord), let unit = Lexicon.units[unitWord] {
                var m = TimeMention(tokens: i..<(i + 3))
                m.offset = TimeOffset(amount: 1, unit: unit)
                m.offsetIsWithin = true
                m.rules.insert(.within)
                return m
            }
            if let m = offsetMention(at: i + 1) {
                var within = extended(m, from: i)
                within.offsetIsWithin = true
                within.rules.insert(.within)
                return within
            }
            return standaloneMention(at: i + 1).map { extended($0, from: i) }
        case "later":
            // "later than 9:30 but before 11:00"
            if isWord(i + 1, ["than"]), let m = rangeMention(at: i + 2, connectors: ["before", "but"]) { return extended(m, from: i) }
            if isWord(i + 1, ["than"]), let m = boundMention(.after, at: i + 2, from: i) { return m }
        case "from", "between":
            if let m = rangeMention(at: i + 1, connectors: w == "between" ? ["and", "&", "-"] : Self.rangeConnectors) {
                return extended(m, from: i)
            }
            if w == "from", var m = boundMention(.after, at: i + 1, from: i) {
                // "from 3pm for 2 hours", "for 2 hours from 3pm": a start and a length, not an open interval (the
                // length stays `duration_minutes`, the parse-time contract).
                let end = m.tokens.upperBound
                if isWord(end, ["for"]) && durationMention(at: end + 1) != nil || word(i - 1).flatMap({ Lexicon.units[$0] }) != nil {
                    m.bound = nil
                }
                return m
            }
        case "since":
            if let m = boundMention(.after, at: i + 1, from: i) { return m }
        case "until", "till", "til", "untill", "before", "through", "thru":
            if let m = boundMention(.before, at: i + 1, from: i) { return m }
        case "up":
            if isWord(i + 1, ["to", "until", "till"]), let m = boundMention(.before, at: i + 2, from: i) { return m }
        case "by":
            let endOf = isWord(i + 1, ["the"]) && isWord(i + 2, ["end"]) && isWord(i + 3, ["of"]) ? i + 4
                : (isWord(i + 1, ["end"]) && isWord(i + 2, ["of"]) ? i + 3 : nil)
            if let endOf {
                if let m = cycleEnd(at: endOf, from: i) { return m }
                if let m = boundMention(.byEndOf, at: endOf, from: i) { return m }
            }
            if let w = word(i + 1), ["eom", "eow", "eoy"].contains(w) {
                var m = TimeMention(tokens: i..<(i + 2))
                m.span = w == "eom" ? .cycle(.month, offset: 0) : (w == "eoy" ? .cycle(.year, offset: 0) : .restOfWeek)
                m.bound = .byEndOf
                m.rules.insert(.byEndOf)
                return m
            }
            if let m = boundMention(.by, at: i + 1, from: i) { return m }
        case "after":
            if let m = partMention(at: i) { return m }
            if let m = offsetMention(at: i + 1) {
                var after = extended(m, from: i)
                after.bound = .after
                after.rules.insert(.after)
                return after
            }
            if let m = boundMention(.after, at: i + 1, from: i) { return m }
        case "for", "lasting":
            if let m = durationMention(at: i + 1) { return extended(m, from: i) }
            if isSymbol(i + 1, "-"), let m = durationMention(at: i + 2) {
                var negative = extended(m, from: i)
                negative.durationMinutes = nil
                negative.flag(.negativeDuration, at: (i + 1)..<m.tokens.upperBound)
                return negative
            }
        case "now", "immediately", "asap", "atm":
            // "now + 40 minutes", "now - 2h"
            if w == "now", isSymbol(i + 1, "+") || isSymbol(i + 1, "-"), let m = offsetMention(at: i + 2) {
                var shifted = extended(m, from: i)
                if isSymbol(i + 1, "-") { shifted.offset?.amount.negate() }
                shifted.rules.insert(.offsetFromNow)
                return shifted
            }
            return nowMention(i..<(i + 1))
        case "right", "just":
            if isWord(i + 1, ["now"]) { return nowMention(i..<(i + 2)) }
            if w == "right", isWord(i + 1, ["away"]) { return nowMention(i..<(i + 2)) }
        case "no":
            // "no later than friday": by friday.
            if isWord(i + 1, ["later"]), isWord(i + 2, ["than"]), let m = boundMention(.by, at: i + 3, from: i) { return m }
        case "as":
            if isWord(i + 1, ["soon"]), isWord(i + 2, ["as"]), isWord(i + 3, ["possible", "possibly"]) {
                return nowMention(i..<(i + 4))
            }
        default:
            break
        }
        return standaloneMention(at: i)
    }

    /// "same time", "at the same hour", "this time" (the clock of now); nil when the words are not there.
    func sameClockPhrase(at i: Int) -> Int? {
        var j = skipping(i, ["at"])
        j = skipping(j, ["the"])
        if isWord(j, ["same"]), isWord(j + 1, ["time", "hour"]) { return j + 2 }
        if j == i, isWord(i, ["this"]), isWord(i + 1, ["time"]) { return i + 2 }
        return nil
    }

    /// "same time tomorrow", "this time next week", "at the same time on thursday": now's clock on that day. A
    /// week, month or year ahead is the same date that many units on ("this time next month" is the 12th again).
    func sameTimeMention(at i: Int) -> TimeMention? {
        guard let end = sameClockPhrase(at: i) else { return nil }
        let j = skipping(isSymbol(end, ",") ? end + 1 : end, ["on"])
        let found: (DaySpec, Int)?
        if let day = daySpec(at: j) {
            found = day
        } else if let (span, next, _) = span(at: j), let day = Self.sameDate(in: span) {
            found = (day, next)
        } else {
            found = nil
        }
        guard let (day, next) = found else { return nil }
        var m = TimeMention(tokens: i..<next)
        m.day = day
        m.sameClockAsNow = true
        m.rules.insert(.sameTime)
        return m
    }

    /// "next week", "last month", "next year" as the same date that many units away ("this time next week").
    static func sameDate(in span: SpanSpec) -> DaySpec? {
        guard case let .cycle(unit, offset) = span else { return nil }
        switch unit {
        case .day: return .relative(days: offset)
        case .week: return .relative(days: 7 * offset)
        case .month: return .plusMonths(.relative(days: 0), months: offset)
        case .year: return .plusMonths(.relative(days: 0), months: 12 * offset)
        default: return nil
        }
    }

    static let rangeConnectors: Set<String> = ["to", "till", "til", "until", "-", "through", "thru", "and"]

    func nowMention(_ range: Range<Int>) -> TimeMention {
        var m = TimeMention(tokens: range)
        m.isNow = true
        m.rules.insert(.now)
        return m
    }

    /// "before 5pm", "after friday", "by tomorrow noon", "since monday": the time after the keyword,
    /// wrapped as an open interval when the whole phrase is resolved.
    func boundMention(_ kind: BoundKind, at i: Int, from start: Int) -> TimeMention? {
        guard let inner = clockMention(at: i, strong: false) ?? standaloneMention(at: i) ?? nowOrNil(at: i),
              inner.saysTime || inner.isInvalid else { return nil }
        var m = extended(inner, from: start)
        // "from may to june", "from monday to friday": a range, not an open interval.
        if kind == .after, inner.spanEnd != nil || inner.lastDay != nil || inner.clockEnd != nil { return m }
        m.bound = kind
        switch kind {
        case .before: m.rules.insert(.before)
        case .after: m.rules.insert(.after)
        case .by: m.rules.insert(.by)
        case .byEndOf: m.rules.insert(.byEndOf)
        }
        return m
    }

    /// "by the end of the month/week/year": Duckling's "by" forms run from now to the first day after it
    /// (the week ends before its weekend).
    private func cycleEnd(at i: Int, from start: Int) -> TimeMention? {
        var j = skipping(i, ["the", "this"])
        var offset = 0
        if isWord(j, ["next", "following"]) { offset = 1; j += 1 } else if isWord(j, ["last", "previous"]) { offset = -1; j += 1 }
        let span: SpanSpec
        switch word(j) {
        case "month": span = .cycle(.month, offset: offset)
        case "year": span = .cycle(.year, offset: offset)
        case "week": span = offset == 0 && !isWord(i, ["this"]) ? .restOfWeek : .cycle(.week, offset: offset)
        default: return nil
        }
        var m = TimeMention(tokens: start..<(j + 1))
        m.span = span
        m.bound = .byEndOf
        m.rules.insert(.byEndOf)
        return m
    }

    private func nowOrNil(at i: Int) -> TimeMention? {
        isWord(i, ["now"]) ? nowMention(i..<(i + 1)) : nil
    }

    /// Mentions that need no leading preposition.
    func standaloneMention(at i: Int) -> TimeMention? {
        guard i < tokens.count else { return nil }
        // "+15 minutes", "+2 days": an offset from now.
        if isSymbol(i, "+"), number(i + 1) != nil, isAttached(i + 1), let m = offsetMention(at: i + 1) {
            var plus = extended(m, from: i)
            plus.rules.insert(.offsetFromNow)
            return plus
        }
        // "5 minutes to 8pm" is a clock, not a duration.
        // "9h30 - 11h00": a range of French-style clocks, not a duration.
        if number(i) != nil, isWord(i + 1, ["h"]), isAttached(i + 1), let m = clockRangeOrClock(at: i), m.clockEnd != nil { return m }
        if let (_, afterAmount) = amount(at: i), isWord(afterAmount, ["minutes", "mins", "min"]),
           isWord(afterAmount + 1, ["to", "till", "til", "past", "of", "after"]), let m = clockMention(at: i, strong: false),
           m.tokens.upperBound > afterAmount + 2 { return m }  // "30 minutes of yoga" is a duration: no hour follows
        if let m = quantityMention(at: i) { return m }
        if let m = spanMention(at: i) { return m }
        if let m = dayRangeOrDay(at: i) { return m }
        if let m = partMention(at: i) { return m }
        if let m = clockRangeOrClock(at: i) { return m }
        if isWord(i, ["now"]) { return nowMention(i..<(i + 1)) }
        return nil
    }

    func extended(_ mention: TimeMention, from start: Int) -> TimeMention {
        var m = mention
        m.tokens = start..<mention.tokens.upperBound
        return m
    }

    /// "from 2 to 4pm", "between 1 and 3", "from monday to wednesday".
    func rangeMention(at i: Int, connectors: Set<String>) -> TimeMention? {
        if let m = dayRangeOrDay(at: i), m.lastDay != nil { return m }
        if let (first, afterFirst) = clockTime(at: i, strong: false, allowsToForm: false),
           isConnector(afterFirst, connectors),
           case let secondAt = isWord(afterFirst, ["but"]) && isWord(afterFirst + 1, ["before"]) ? afterFirst + 2 : afterFirst + 1,
           let (second, next) = clockTime(at: secondAt, strong: false) {
            var m = clockRange(first, second, tokens: i..<next, firstAt: i, secondAt: secondAt)
            m.rules.insert(.clockBetween)
            return m
        }
        if let (first, afterFirst) = daySpec(at: i), isConnector(afterFirst, connectors),
           let (last, next) = daySpec(at: afterFirst + 1) {
            var m = TimeMention(tokens: i..<next)
            m.day = first.inMonth(of: last)
            m.lastDay = last
            m.rules.insert(.dayRange)
            return m
        }
        return nil
    }


    func isConnector(_ i: Int, _ connectors: Set<String>) -> Bool {
        guard i < tokens.count else { return false }
        let t = tokens[i]
        return connectors.contains(t.text) && (t.kind == .word || t.text == "-" || t.text == "&")
    }
}
