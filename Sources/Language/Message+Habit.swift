/// Recurring habits: "schedule gym 3 times a week", "standup every weekday at 9:30 for 15 min",
/// "deep work every morning for 2h", "run every mon, wed and fri at 7am", "meditate daily at 7".
///
/// A recurrence marker (`every`/`each` + days or a part of day, `daily`, `N times a week`, `twice a week`)
/// makes a habit. Without a leading `schedule`/`add`/`book`/`put`, the words before the marker must be a
/// short task name, and a time, a duration or a count per week must be said, so "I feel tired every
/// morning" stays chat. Bare hours follow the working-day reading of the README ("daily at 7" is 19:00).
extension Message {
    func recurrence() -> Command? {
        guard let marker = recurrenceMarker() else { return impossibleRecurrence() }
        var taskStart = 0
        if let (intent, index) = commandWord(), index < marker.index {
            guard intent == .schedule else { return nil }
            taskStart = index + 1
        } else if let have = statedFixedCommitment(before: marker.index) {
            taskStart = have + 1
        } else {
            let before = tokens[..<marker.index].filter(\.isWord).map(\.text)
            let saysWhen = mentions.contains { !$0.isInvalid && !marker.tokens.overlaps($0.tokens) && $0.durationMinutes != nil }
                || clockMinute(defaultAfternoon: nil) != nil || mentions.contains(where: \.isInvalid)
            let saysHowOften = if case .count = marker.kind { true } else { false }
            guard !before.isEmpty, before.count <= 4, !Self.chatOpeners.contains(before[0]), saysWhen || saysHowOften else { return nil }
        }
        var request = RecurrenceRequest(task: "")
        // "3 times a week" is how often, never how long.
        request.durationMinutes = mentions.lazy.filter { !$0.isInvalid && !marker.tokens.overlaps($0.tokens) }.compactMap(\.durationMinutes).first
        switch marker.kind {
        case .count(let count): request.timesPerWeek = count
        case .days(let days): request.weekdays = days
        }
        if let clock = clockMention() {
            if let (from, to) = clockRange() {
                request.windowStartMinute = from
                request.windowEndMinute = to
            } else {
                request.minuteOfDay = clock
            }
        } else if let part = partOfDay(after: marker.index) {
            request.windowStartMinute = part.start
            request.windowEndMinute = part.end
        }
        let task = taskText(in: taskStart..<marker.index)
        if let problem = timeProblem(in: 0..<tokens.count) { return .unreadable(Unreadable(.habit, problem, task: task)) }
        guard let task else { return .unreadable(Unreadable(.habit, .missing(.habit))) }
        request.task = task
        return .habit(request)
    }

    /// "I have a standup every weekday at 9:30", "we have team sync every monday at 10": a commitment that repeats at a
    /// clock time is a habit of that task; the index of "have". Without a clock ("I have class every day") it is chat.
    private func statedFixedCommitment(before marker: Int) -> Int? {
        let words = tokens[..<marker].indices.filter { tokens[$0].isWord }
        guard words.count >= 3, words.count <= 6, ["i", "we"].contains(tokens[words[0]].text), tokens[words[1]].text == "have",
              clockMinute(defaultAfternoon: nil) != nil else { return nil }
        return words[1]
    }

    /// "gym 1000 times a week": a count per week no week can hold, said where a habit would be.
    private func impossibleRecurrence() -> Command? {
        let scanner = TimeScanner(tokens: tokens)
        for i in tokens.indices {
            guard let (count, end) = timesPerWeek(at: i, scanner, anyCount: true), !(1...7).contains(count) else { continue }
            var taskStart = 0
            if let (intent, index) = commandWord(), index < i {
                guard intent == .schedule else { return nil }
                taskStart = index + 1
            } else {
                let before = tokens[..<i].filter(\.isWord).map(\.text)
                guard !before.isEmpty, before.count <= 4, !Self.chatOpeners.contains(before[0]) else { return nil }
            }
            let task = taskText(in: taskStart..<i)
            return .unreadable(Unreadable(.habit, .impossible(ImpossibleValue(said(i..<end), .timesPerWeek)), task: task))
        }
        return nil
    }

    static let chatOpeners: Set<String> = [
        "i", "i'm", "im", "we", "my", "you", "it", "it's", "this", "that", "why", "how", "what", "when", "do", "does", "is", "are", "can",
    ]

    enum RecurrenceKind: Equatable {
        case count(Int)
        case days([Int])
    }

    /// Where the recurrence is said, and what it says.
    func recurrenceMarker() -> (index: Int, tokens: Range<Int>, kind: RecurrenceKind)? {
        let scanner = TimeScanner(tokens: tokens)
        for i in tokens.indices {
            if let (count, end) = timesPerWeek(at: i, scanner) { return (i, i..<end, .count(count)) }
            guard let w = word(i) else { continue }
            if ["daily", "weekly"].contains(w), isNameAdjective(i) { continue }
            if w == "daily" || w == "everyday" { return (i, i..<(i + 1), .days(Array(0...6))) }
            if w == "weekly" { return (i, i..<(i + 1), .count(1)) }
            guard w == "every" || w == "each" else { continue }
            if scanner.isWord(i + 1, ["week"]) { return (i, i..<(i + 2), .count(1)) }
            var days: [Int] = []
            var j = i + 1
            while j < tokens.count {
                if let (group, next) = dayGroup(at: j, scanner: scanner) {
                    days += group
                    j = next
                } else if scanner.isWord(j, ["day", "days"]) {
                    days += Array(0...6)
                    j += 1
                } else if scanner.isWord(j, ["and", "or"]) || scanner.isSymbol(j, ",") {
                    j += 1
                } else {
                    break
                }
            }
            if days.isEmpty, partOfDay(after: i) != nil { days = Array(0...6) }
            guard !days.isEmpty else { continue }
            var seen = Set<Int>()
            return (i, i..<j, .days(days.filter { seen.insert($0).inserted }.sorted()))
        }
        return nil
    }

    /// "the weekly report", "weekly sync thursday 10am": "weekly"/"daily" before a noun is part of the name when an
    /// article comes before it or one day is named, which a recurrence would not do.
    private func isNameAdjective(_ i: Int) -> Bool {
        guard let next = word(i + 1), !isTimeToken[i + 1], !Self.functionWords.contains(next) else { return false }
        let article = i > 0 && ["the", "a", "our", "my", "this"].contains(word(i - 1) ?? "")
        let namesOneDay = mentions.contains { !$0.isInvalid && $0.day != nil && $0.tokens.lowerBound > i }
        return article || namesOneDay
    }

    /// "3 times a week", "3x per week", "three times a week", "twice a week", "once a week".
    private func timesPerWeek(at i: Int, _ scanner: TimeScanner, anyCount: Bool = false) -> (count: Int, end: Int)? {
        var count: Int?
        var j = i + 1
        if let w = word(i), let n = ["once": 1, "twice": 2, "thrice": 3][w] {
            count = n
        } else if let n = tokens[i].isNumber ? tokens[i].value : word(i).flatMap({ Lexicon.numberWords[$0] }),
                  scanner.isWord(i + 1, ["times", "x", "time"]) {
            count = n
            j = i + 2
        } else if tokens[i].isNumber, i + 1 < tokens.count, tokens[i + 1].isWord("x"), tokens[i + 1].attached {
            count = tokens[i].value
            j = i + 2
        }
        guard let count, anyCount || (1...7).contains(count), scanner.isWord(j, ["a", "per", "each", "every"]), scanner.isWord(j + 1, ["week"]) else {
            return nil
        }
        return (count, j + 2)
    }

    /// The local minute of a single clock time said (not a range's start); nil when none.
    private func clockMention() -> Int? { clockMinute(defaultAfternoon: nil) }

    /// A part of day said after the marker ("every morning", "each weekday evening"), as local minutes.
    private func partOfDay(after index: Int) -> (start: Int, end: Int)? {
        guard let part = mentions.first(where: { !$0.isInvalid && $0.tokens.lowerBound > index && $0.part != nil })?.part else { return nil }
        return part.minutes
    }
}
