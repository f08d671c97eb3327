/// `available <weekdays> <from>-<to>`: "available weekdays 9-17", "available mon,tue 08:00-12:00",
/// "available sat off", "available mon-fri 9am to 5pm". Days default to every day; "off" gives an
/// empty window (from = to = 0), "all day" the whole day (0-1440).
extension Message {
    func available(after index: Int) -> Command {
        let scanner = TimeScanner(tokens: tokens)
        var days: [Int] = []
        var window: (Int, Int)?
        var windowText: String?
        var i = index + 1
        while i < tokens.count {
            if let (range, next) = dayGroup(at: i, scanner: scanner) {
                days.append(contentsOf: range)
                i = next
            } else if let w = word(i), ["off", "none", "unavailable", "busy", "free"].contains(w) {
                window = w == "free" ? (0, 24 * 60) : (0, 0)
                i += 1
            } else if word(i) == "all", word(i + 1) == "day" {
                window = (0, 24 * 60)
                i += 2
            } else if let (first, second, next) = clockPair(at: i, scanner: scanner) {
                window = ClockTime.rangeMinutes(first, second, prefersAfternoon: nil)
                windowText = said(i..<next)
                i = next
            } else {
                i += 1
            }
        }
        var seen = Set<Int>()
        let weekdays = (days.isEmpty ? Array(0...6) : days).filter { seen.insert($0).inserted }
        guard let (from, to) = window else {
            let problem = impossibleClockRange(after: index).map { CommandProblem.impossible($0) } ?? .missing(.hours)
            return .unreadable(Unreadable(.available, problem))
        }
        guard to <= 24 * 60 else {
            return .unreadable(Unreadable(.available, .impossible(ImpossibleValue(windowText ?? "", .overnight))))
        }
        return .available(AvailabilityRequest(weekdays: weekdays, fromMinute: from, toMinute: to))
    }

    /// "weekdays", "weekends", "daily", "mon", "mon-fri", "monday to friday".
    func dayGroup(at i: Int, scanner: TimeScanner) -> ([Int], Int)? {
        guard let w = word(i) else { return nil }
        switch w {
        case "weekdays", "weekday", "workdays", "workday", "work": return (Array(1...5), scanner.skipping(i + 1, ["days"]))
        case "weekends", "weekend": return ([6, 0], i + 1)
        case "daily", "everyday", "always": return (Array(0...6), i + 1)
        case "every", "all":
            if scanner.isWord(i + 1, ["day", "days"]) { return (Array(0...6), i + 2) }
            return nil
        default:
            guard let first = Lexicon.weekdays[w] else { return nil }
            if scanner.isConnector(i + 1, ["-", "to", "through", "thru", "till", "until"]),
               let end = word(i + 2).flatMap({ Lexicon.weekdays[$0] }) {
                var range: [Int] = []
                var d = first
                while true { range.append(d); if d == end { break }; d = (d + 1) % 7 }
                return (range, i + 3)
            }
            return ([first], i + 1)
        }
    }

    /// "9-17", "08:00-12:00", "9am to 5pm", "from 9 to 5", "between 8 and 12".
    private func clockPair(at i: Int, scanner: TimeScanner) -> (ClockTime, ClockTime, Int)? {
        let start = scanner.isWord(i, ["from", "between"]) ? i + 1 : i
        guard let (first, afterFirst) = scanner.clockTime(at: start, strong: false, allowsToForm: false),
              scanner.isConnector(afterFirst, ["-", "to", "till", "til", "until", "and"]),
              let (second, next) = scanner.clockTime(at: afterFirst + 1, strong: false, allowsToForm: false),
              first.isValid, second.isValid else { return nil }
        return (first, second, next)
    }

    /// A stretch typed like a clock range whose ends are no times of day ("99-99", "25:00-99:00", "9-13pm").
    func impossibleClockRange(after index: Int) -> ImpossibleValue? {
        var i = index + 1
        while i < tokens.count {
            defer { i += 1 }
            guard let (first, afterFirst) = typedClock(at: i),
                  afterFirst < tokens.count, tokens[afterFirst].isSymbol("-") || ["to", "till", "until"].contains(tokens[afterFirst].text),
                  let (second, end) = typedClock(at: afterFirst + 1) else { continue }
            if !first.isValid || !second.isValid { return ImpossibleValue(said(i..<end), .hours) }
        }
        return nil
    }

    /// Digits typed as a clock ("25", "25:00", "2500", "13pm"), valid or not.
    private func typedClock(at i: Int) -> (ClockTime, Int)? {
        guard i < tokens.count, tokens[i].isNumber, tokens[i].text.count <= 4 else { return nil }
        var hour = tokens[i].value, minute = 0, next = i + 1
        if tokens[i].text.count > 2 {
            (hour, minute) = (hour / 100, hour % 100)
        } else if next + 1 < tokens.count, tokens[next].isSymbol(":"), tokens[next + 1].isNumber {
            minute = tokens[next + 1].value
            next += 2
        }
        var meridiem = ClockTime.Meridiem.unstated
        if let w = word(next), w == "am" || w == "pm" {
            meridiem = w == "am" ? .am : .pm
            next += 1
        }
        return (ClockTime(hour: hour, minute: minute, meridiem: meridiem, isUnambiguous: true, saysMinutes: minute != 0), next)
    }
}
