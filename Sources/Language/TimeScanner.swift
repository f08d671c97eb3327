/// Walks the tokens of a message and finds every time-related stretch in it, left to right.
/// Each matcher returns what it read and the index just past it, or nil.
struct TimeScanner {
    let tokens: [Token]

    init(tokens: [Token]) { self.tokens = tokens }

    func scan() -> [TimeMention] {
        var mentions: [TimeMention] = []
        var index = 0
        while index < tokens.count {
            if let mention = mention(at: index), mention.tokens.upperBound > index {
                mentions.append(mention)
                index = mention.tokens.upperBound
            } else {
                index += 1
            }
        }
        return mentions
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

    func isWord(_ i: Int, _ options: Set<String>) -> Bool {
        guard let w = word(i) else { return false }
        return options.contains(w)
    }

    /// Skips one optional word from `options`.
    func skipping(_ i: Int, _ options: Set<String>) -> Int { isWord(i, options) ? i + 1 : i }

    // MARK: - Dispatch

    func mention(at i: Int) -> TimeMention? {
        guard let w = word(i) else { return standaloneMention(at: i) }
        switch w {
        case "at", "@", "around", "about", "approx", "approximately", "~":
            if let m = clockMention(at: i + 1, strong: false) { return extended(m, from: i) }
            return standaloneMention(at: i + 1).map { extended($0, from: i) }
        case "on":
            if let m = dayRangeOrDay(at: i + 1) { return extended(m, from: i) }
        case "in":
            if let m = offsetMention(at: i + 1) { return extended(m, from: i) }
            if isWord(i + 1, ["the"]), let m = partMention(at: i + 2) { return extended(m, from: i) }
        case "from", "between":
            if let m = rangeMention(at: i + 1, connectors: w == "between" ? ["and", "&", "-"] : Self.rangeConnectors) {
                return extended(m, from: i)
            }
        case "until", "till", "til", "before", "by":
            if let (clock, next) = clockTime(at: i + 1, strong: false) {
                var m = TimeMention(tokens: i..<next)
                m.bound = .before(clock)
                m.isInvalid = !clock.isValid
                return m
            }
            if let m = standaloneMention(at: i + 1) { return extended(m, from: i) }
        case "after":
            if let m = partMention(at: i) { return m }
            if let (clock, next) = clockTime(at: i + 1, strong: false) {
                var m = TimeMention(tokens: i..<next)
                m.bound = .after(clock)
                m.isInvalid = !clock.isValid
                return m
            }
        case "for", "lasting":
            if let m = durationMention(at: i + 1) { return extended(m, from: i) }
        default:
            break
        }
        return standaloneMention(at: i)
    }

    static let rangeConnectors: Set<String> = ["to", "till", "til", "until", "-", "through", "thru", "and"]

    /// Mentions that need no leading preposition.
    func standaloneMention(at i: Int) -> TimeMention? {
        guard i < tokens.count else { return nil }
        if let m = quantityMention(at: i) { return m }
        if let m = spanMention(at: i) { return m }
        if let m = dayRangeOrDay(at: i) { return m }
        if let m = partMention(at: i) { return m }
        if let m = clockRangeOrClock(at: i) { return m }
        return nil
    }

    func extended(_ mention: TimeMention, from start: Int) -> TimeMention {
        var m = mention
        m.tokens = start..<mention.tokens.upperBound
        return m
    }

    /// "from 2 to 4pm", "between 1 and 3", "from monday to wednesday".
    func rangeMention(at i: Int, connectors: Set<String>) -> TimeMention? {
        if let (first, afterFirst) = clockTime(at: i, strong: false, allowsToForm: false),
           isConnector(afterFirst, connectors),
           let (second, next) = clockTime(at: afterFirst + 1, strong: false) {
            return clockRange(first, second, tokens: i..<next)
        }
        if let (first, afterFirst) = daySpec(at: i), isConnector(afterFirst, connectors),
           let (last, next) = daySpec(at: afterFirst + 1) {
            var m = TimeMention(tokens: i..<next)
            m.day = first
            m.lastDay = last
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
