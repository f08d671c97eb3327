/// Named times: holidays, seasons, zones after a clock, "the week of <day>", and the joining of two
/// datetimes into one interval ("from monday 9am to wednesday 5pm").
extension TimeScanner {
    // MARK: - Zones

    /// "CET", "est", "(PST)", "GMT+2", "UTC-05:00", "utc +0530": minutes east of UTC and the index after.
    func zone(at i: Int) -> (Int, Int)? {
        var j = i
        let bracketed = isSymbol(j, "(")
        if bracketed { j += 1 }
        guard let w = word(j), let base = ZoneAbbreviations.offsets[w] else { return nil }
        j += 1
        var offset = base
        if w == "utc" || w == "gmt", isSymbol(j, "+") || isSymbol(j, "-"), let (shift, next) = zoneShift(at: j + 1) {
            offset = isSymbol(j, "-") ? -shift : shift
            j = next
        }
        if bracketed {
            guard isSymbol(j, ")") else { return nil }
            j += 1
        }
        return (offset, j)
    }

    /// "2", "05", "0530", "05:30" after the sign of a UTC offset.
    private func zoneShift(at i: Int) -> (Int, Int)? {
        guard let value = number(i) else { return nil }
        let digits = tokens[i].text.count
        if digits <= 2, value <= 14 {
            if isSymbol(i + 1, ":"), isAttached(i + 1), let minutes = number(i + 2), isAttached(i + 2), minutes < 60 {
                return (value * 60 + minutes, i + 3)
            }
            return (value * 60, i + 1)
        }
        if digits == 4, value / 100 <= 14, value % 100 < 60 { return ((value / 100) * 60 + value % 100, i + 1) }
        return nil
    }

    /// A clock mention followed by a zone takes it ("4pm CET", "3-4pm PST").
    func withZone(_ mention: TimeMention) -> TimeMention {
        guard mention.clock != nil, mention.zoneOffset == nil, let (offset, end) = zone(at: mention.tokens.upperBound) else { return mention }
        var m = mention
        m.zoneOffset = offset
        m.tokens = mention.tokens.lowerBound..<end
        m.rules.insert(.zone)
        return m
    }

    // MARK: - Holidays

    /// "christmas", "next thanksgiving", "last easter", "christmas 2014", "new year's eve".
    func holidaySpec(at i: Int) -> (DaySpec, Int)? {
        var which = 0
        var j = i
        switch word(i) {
        case "this", "coming", "upcoming": j += 1
        case "next": which = 1; j += 1
        case "last", "previous", "past": which = -1; j += 1
        default: break
        }
        guard let (holiday, next) = holidayName(at: j) else { return nil }
        // "christmas after next", "easter before last"
        if which == 0, isWord(next, ["after", "before"]), isWord(next + 1, [isWord(next, ["after"]) ? "next" : "last"]) {
            return (.holiday(holiday, which: isWord(next, ["after"]) ? 2 : -2, year: nil), next + 2)
        }
        let (year, end) = self.year(at: next)
        return (.holiday(holiday, which: year == nil ? which : 0, year: year), end)
    }

    private func holidayName(at i: Int) -> (Holiday, Int)? {
        guard let first = word(i), let candidates = Holiday.names[first] else { return nil }
        for (words, holiday) in candidates {
            var j = i
            var matched = true
            for w in words {
                guard isWord(j, [w]) else { matched = false; break }
                j += 1
                if w == "st", isSymbol(j, "."), isAttached(j) { j += 1 }  // "st. patrick's day"
            }
            if matched { return (holiday, j) }
        }
        return nil
    }

    // MARK: - Spans with names

    /// Seasons, "the week of <day>", "all week".
    func namedSpan(at i: Int) -> (SpanSpec, Int, TimeRule)? {
        guard let w = word(i) else { return nil }
        var which = 0
        var j = i
        switch w {
        case "this", "current", "coming": j += 1
        case "next": which = 1; j += 1
        case "last", "past", "previous": which = -1; j += 1
        case "the":
            if isWord(i + 1, ["week"]), isWord(i + 2, ["of"]), let (day, end) = daySpec(at: i + 3) { return (.weekOf(day), end, .weekOf) }
            // "the week after christmas", "the month before march 3"
            if let unitWord = word(i + 1), let unit = ["week": SpanSpec.Unit.week, "month": .month, "year": .year][unitWord],
               isWord(i + 2, ["after", "before"]), !isWord(i + 3, ["next", "last"]), let (day, end) = daySpec(at: i + 3) {
                return (.unitAfter(unit, day, isWord(i + 2, ["after"]) ? 1 : -1), end, .weekOf)
            }
            // "the last weekend of october"
            if isWord(i + 1, ["last"]), isWord(i + 2, ["weekend", "wknd"]), let (month, end) = monthRef(at: i + 3, needsOf: true) {
                return (.lastWeekendOf(month), end, .weekend)
            }
            j += 1
        case "all": if isWord(i + 1, ["week"]) { return (.allWeek, i + 2, .partOfCycle) }
        case "rest":
            if isWord(i + 1, ["of"]), isWord(i + 2, ["the", "this"]), isWord(i + 3, ["week"]) { return (.restOfWeek, i + 4, .partOfCycle) }
        case "bom": return (.partOf(.month, offset: 0, .beginning), i + 1, .partOfCycle)
        case "week":
            // "week of march 4th"
            if isWord(i + 1, ["of"]), let (day, end) = daySpec(at: i + 2) { return (.weekOf(day), end, .weekOf) }
        default: break
        }
        if w == "last", isWord(i + 1, ["weekend", "wknd"]), let (month, end) = monthRef(at: i + 2, needsOf: true) {
            return (.lastWeekendOf(month), end, .weekend)
        }
        if isWord(j, ["season", "seasons"]), j > i { return (.currentSeason(offset: which), j + 1, .season) }
        guard let name = word(j), let season = Season.names[name] else { return nil }
        // A bare season word is a season when it is all that is said, has a year, or follows a preposition:
        // "fall" is a verb and "summer" a name in "call summer at 3".
        if j == i, !isWord(i - 1, ["in", "this", "next", "last", "the", "during", "by", "until", "since", "for", "of", "over"]),
           !(i == 0 && i + 1 == tokens.count), !(number(i + 1) != nil && tokens[i + 1].text.count == 4) {
            return nil
        }
        var end = j + 1
        if isWord(end, ["season", "time"]) { end += 1 }
        if let year = number(end), tokens[end].text.count == 4, (1900...2200).contains(year) {
            return (.seasonOfYear(season, year), end + 1, .season)  // "summer 2014"
        }
        return (.season(season, which: which), end, .season)
    }

    // MARK: - Datetime to datetime

    static let intervalConnectors: Set<String> = ["-", "to", "till", "til", "until", "untill", "through", "thru", "and"]

    /// Joins "<datetime> <connector> <datetime>" into one mention when the two sides are separate mentions
    /// and together say more than one day or a day with clocks ("fri 1:29pm - sat 3pm", "from monday 9am to
    /// wednesday 5pm", "from 8pm tonight to 2am", "10 august - 12 september 2013").
    func joiningRanges(_ mentions: [TimeMention]) -> [TimeMention] {
        guard mentions.count >= 2 else { return mentions }
        var result: [TimeMention] = []
        var index = 0
        while index < mentions.count {
            if let (joined, next) = range(startingAt: index, in: mentions) {
                result.append(contentsOf: joined)
                index = next
            } else {
                result.append(mentions[index])
                index += 1
            }
        }
        return result
    }

    private func range(startingAt first: Int, in mentions: [TimeMention]) -> ([TimeMention], Int)? {
        // The left side: adjacent mentions from `first`; then a connector; then the right side.
        // Each side is at most a few mentions ("next friday", "at 9am", "CET"), which keeps the pass linear.
        let maxSide = 4
        var leftEnd = first
        while leftEnd + 1 < mentions.count, leftEnd - first + 1 < maxSide, isAdjacent(mentions[leftEnd], mentions[leftEnd + 1]) {
            if connectorStart(of: mentions[leftEnd + 1]) { break }
            leftEnd += 1
        }
        guard leftEnd + 1 < mentions.count else { return nil }
        let right = mentions[leftEnd + 1]
        let gap = mentions[leftEnd].tokens.upperBound
        let absorbed = connectorStart(of: right)
        guard absorbed && right.tokens.lowerBound == gap
            || !absorbed && gap + 1 == right.tokens.lowerBound && isConnector(gap, Self.intervalConnectors) else { return nil }
        if isWord(gap, ["and"]), !isWord(mentions[first].tokens.lowerBound, ["between"]),
           !isWord(mentions[first].tokens.lowerBound - 1, ["between"]) { return nil }
        var rightEnd = leftEnd + 1
        while rightEnd + 1 < mentions.count, rightEnd - leftEnd < maxSide, isAdjacent(mentions[rightEnd], mentions[rightEnd + 1]),
              !connectorStart(of: mentions[rightEnd + 1]) {
            rightEnd += 1
        }
        let left = Array(mentions[first...leftEnd])
        var rightSide = Array(mentions[(leftEnd + 1)...rightEnd])
        guard left.allSatisfy({ !$0.isInvalid && $0.clockEnd == nil && $0.lastDay == nil && $0.spanEnd == nil && $0.offset == nil }),
              rightSide.allSatisfy({ !$0.isInvalid && $0.clockEnd == nil && $0.lastDay == nil && $0.spanEnd == nil && $0.offset == nil }) else { return nil }
        let leftDay = left.contains { $0.day != nil }, rightDay = rightSide.contains { $0.day != nil }
        let leftClock = left.contains { $0.clock != nil || $0.part != nil || $0.isNow }
        let rightClock = rightSide.contains { $0.clock != nil || $0.part != nil || $0.isNow }
        let joins = (leftDay && rightDay && (leftClock || rightClock))
            || (leftDay && leftClock && rightClock)
            || (leftClock && rightDay && rightClock)
            || (leftDay && rightDay)
            || (leftClock && rightDay)  // "from now until friday", "from 3pm to friday"
        guard joins else { return nil }
        if absorbed { rightSide[0].bound = nil }
        var joined = left
        // "aug 10 - nov 12, 2013": the year said at the end is the start's too.
        if let (endMonth, endYear) = rightSide.lazy.compactMap({ m -> (Int, Int)? in
            if case let .date(year?, month, _)? = m.day { return (month, year) } else { return nil }
        }).first {
            for k in joined.indices {
                if case let .date(nil, month, day)? = joined[k].day {
                    joined[k].day = .date(year: month > endMonth ? endYear - 1 : endYear, month: month, day: day)
                }
            }
        }
        joined[0].bound = joined[0].bound == .after ? nil : joined[0].bound
        // "from 9:30 until 11:00 on thursday": a day said only at the end is the start's too.
        if !leftDay, left.contains(where: { $0.clock != nil || $0.part != nil }), rightSide.contains(where: { $0.clock != nil || $0.part != nil }),
           let day = rightSide.lazy.compactMap(\.day).first {
            joined[0].day = day
        }
        joined[0].rangeEnd = rightSide
        joined[0].rules.insert(.dateTimeRange)
        let last = joined.count - 1
        joined[last].tokens = joined[last].tokens.lowerBound..<rightSide[rightSide.count - 1].tokens.upperBound
        return (joined, rightEnd + 1)
    }

    private func isAdjacent(_ a: TimeMention, _ b: TimeMention) -> Bool {
        b.tokens.lowerBound == a.tokens.upperBound || b.tokens.lowerBound == a.tokens.upperBound + 1 && isSymbol(a.tokens.upperBound, ",")
    }

    /// A mention that begins with "until", "till", "through": the connector was read as its bound.
    private func connectorStart(of m: TimeMention) -> Bool {
        m.bound == .before && isWord(m.tokens.lowerBound, ["until", "till", "til", "untill", "through", "thru"])
    }
}
