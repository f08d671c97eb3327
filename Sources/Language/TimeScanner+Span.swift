/// Parts of days ("tomorrow evening", "after lunch") and stretches longer than a day
/// ("this week", "next weekend", "end of the week", "mid next month").
extension TimeScanner {
    func partMention(at i: Int) -> TimeMention? {
        guard let (part, next) = partOfDay(at: i) else { return nil }
        var m = TimeMention(tokens: i..<next)
        m.part = part
        if isWord(i, ["this"]) { m.day = .relative(days: 0) }  // "this morning" is today's, even when past
        return m
    }

    func partOfDay(at i: Int) -> (PartOfDay, Int)? {
        guard let w = word(i) else { return nil }
        switch w {
        case "early", "late":
            guard let (base, next) = basePart(at: i + 1) else { return nil }
            let early = w == "early"
            switch base {
            case .morning: return (early ? .earlyMorning : .lateMorning, next)
            case .afternoon: return (early ? .earlyAfternoon : .lateAfternoon, next)
            case .evening: return (early ? .earlyEvening : .lateEvening, next)
            default: return (base, next)
            }
        case "after":
            if isWord(i + 1, ["lunch", "lunchtime"]) { return (.afterLunch, i + 2) }
            return nil
        case "end", "eod":
            if w == "eod" { return (.endOfDay, i + 1) }
            let j = skipping(i + 1, ["of"])
            let k = skipping(j, ["the"])
            guard j > i + 1, isWord(k, ["day"]) else { return nil }
            return (.endOfDay, k + 1)
        case "this":
            return basePart(at: i + 1)
        default:
            return basePart(at: i)
        }
    }

    private func basePart(at i: Int) -> (PartOfDay, Int)? {
        switch word(i) {
        case "morning", "mornings", "morn": return (.morning, i + 1)
        case "afternoon", "afternoons", "arvo": return (.afternoon, i + 1)
        case "evening", "evenings", "eve": return (.evening, i + 1)
        case "night", "nights": return (.night, i + 1)
        case "lunch", "lunchtime": return (.lunch, i + 1)
        case "lunch-time": return (.lunch, i + 1)
        default: return nil
        }
    }

    func spanMention(at i: Int) -> TimeMention? {
        guard let (span, next) = span(at: i) else { return nil }
        var m = TimeMention(tokens: i..<next)
        m.span = span
        return m
    }

    private func span(at i: Int) -> (SpanSpec, Int)? {
        guard let w = word(i) else { return nil }
        switch w {
        case "this", "next", "last", "the", "coming", "over":
            if w == "over", isWord(i + 1, ["the"]), isWord(i + 2, ["weekend"]) { return (.weekend(offset: 0), i + 3) }
            let offset = w == "next" ? 1 : (w == "last" ? -1 : 0)
            return unitSpan(offset: offset, at: i + 1)
        case "weekend": return (.weekend(offset: 0), i + 1)
        case "eow": return (.endOfWeek(offset: 0), i + 1)
        case "end":
            let j = skipping(i + 1, ["of"])
            guard j > i + 1 else { return nil }
            let (offset, k) = spanOffset(at: j)
            if isWord(k, ["week"]) { return (.endOfWeek(offset: offset), k + 1) }
            if isWord(k, ["month"]) { return (.monthPart(offset: offset, .late), k + 1) }
            return nil
        case "early", "mid", "late", "beginning", "middle", "start":
            let part: SpanSpec.MonthPart = ["early", "beginning", "start"].contains(w) ? .early : (w == "late" ? .late : .mid)
            var j = skipping(i + 1, ["of"])
            if isSymbol(j, "-") { j += 1 }
            let (offset, k) = spanOffset(at: j)
            if isWord(k, ["month"]) { return (.monthPart(offset: offset, part), k + 1) }
            return nil
        default:
            return nil
        }
    }

    /// "week", "weekend", "month", "year" after this/next/last.
    private func unitSpan(offset: Int, at i: Int) -> (SpanSpec, Int)? {
        switch word(i) {
        case "week": return (.week(offset: offset), i + 1)
        case "weekend", "wknd": return (.weekend(offset: offset), i + 1)
        case "month": return (.month(offset: offset), i + 1)
        case "year": return (.year(offset: offset), i + 1)
        default: return nil
        }
    }

    /// "the", "this", "next" before a unit, as a week/month offset.
    private func spanOffset(at i: Int) -> (Int, Int) {
        switch word(i) {
        case "next": return (1, i + 1)
        case "this", "the": return (0, i + 1)
        case "last": return (-1, i + 1)
        default: return (0, i)
        }
    }
}
