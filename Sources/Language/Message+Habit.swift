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
        var taskEnd = marker.index
        if let (start, end) = nameAfterLeadingMarker(marker) {
            // "daily walk at lunch", "every monday at 9 team sync": the cadence first, the name after it.
            (taskStart, taskEnd) = (start, end)
        } else if let (intent, index) = commandWord(), index < marker.index {
            guard intent == .schedule else { return nil }
            taskStart = index + 1
        } else if let have = statedFixedCommitment(before: marker.index) {
            taskStart = have + 1
        } else {
            taskStart = intentionEnd(before: marker.index)
            let before = tokens[taskStart..<marker.index].indices.filter { tokens[$0].isWord && !isTimeToken[$0] }.map { tokens[$0].text }
            let saysWhen = mentions.contains { !$0.isInvalid && !marker.tokens.overlaps($0.tokens) && $0.durationMinutes != nil }
                || clockMinute(defaultAfternoon: nil) != nil || mentions.contains(where: \.isInvalid)
            let saysHowOften = if case .count = marker.kind { true } else { false }
            // "yoga every wed and sun evening", "run tue and thu mornings, recurring": named days or a part of day say when.
            let namesDays = if case .days(let days) = marker.kind { days.count < 7 || partOfDay(after: marker.index - 1) != nil } else { false }
            guard !before.isEmpty, before.count <= 4, !Self.chatOpeners.contains(before[0]), saysWhen || saysHowOften || namesDays,
                  !before.contains(where: { Self.statesNotTasks.contains($0) || Self.notHabitWords.contains($0) || Self.adviceWords.contains($0) })
            else { return nil }
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
        let task = habitName(in: taskStart..<taskEnd)
        if let problem = timeProblem(in: 0..<tokens.count) { return .unreadable(Unreadable(.habit, problem, task: task)) }
        guard let task else { return .unreadable(Unreadable(.habit, .missing(.habit))) }
        request.task = task
        return .habit(request)
    }

    /// Where the name is when the message opens with its cadence: the run of words after the marker that are neither
    /// time nor a verb of talk, up to four of them, with a time said somewhere ("daily walk" alone could be a remark).
    private func nameAfterLeadingMarker(_ marker: (index: Int, tokens: Range<Int>, kind: RecurrenceKind)) -> (Int, Int)? {
        guard tokens[..<marker.index].allSatisfy({ $0.kind == .symbol || CommandWords.fillers.contains($0.text) }) else { return nil }
        let named = (marker.tokens.upperBound..<tokens.count).filter { tokens[$0].isWord && !isTimeToken[$0] && !Self.functionWords.contains(tokens[$0].text) }
        guard let first = named.first, let last = named.last, named.count <= 4, named == Array(first...last).filter({ tokens[$0].isWord }),
              !named.contains(where: { Self.statesNotTasks.contains(tokens[$0].text) || Self.notHabitWords.contains(tokens[$0].text)
                  || Self.chatOpeners.contains(tokens[$0].text) || Self.notTaskNameWords.contains(tokens[$0].text) }),
              mentions.contains(where: { !$0.isInvalid && !marker.tokens.overlaps($0.tokens) && ($0.saysTime || $0.durationMinutes != nil) })
        else { return nil }
        return (first, last + 1)
    }

    /// "I want to meditate every morning", "I'd like to run every monday": where the words of intention end.
    private func intentionEnd(before marker: Int) -> Int {
        var i = 0
        while i < marker, tokens[i].kind == .symbol || CommandWords.fillers.contains(tokens[i].text) || CommandWords.intentions.contains(tokens[i].text) {
            i += 1
        }
        // Only a wish or a plan: "I want to", "I'd like to", "gonna"; "got any ideas to make mondays..." is no intention.
        let wishes: Set<String> = ["want", "wanna", "like", "need", "gonna", "gotta", "going", "i'd", "id", "i'll", "ill", "will", "plan", "try"]
        return tokens[..<i].contains(where: { wishes.contains($0.text) }) ? i : 0
    }

    /// The habit's name: "make reading 20 min a habit" names reading; "a weekly call with grandma" a call with grandma
    /// (the cadence is the habit's, not the name's).
    private func habitName(in range: Range<Int>) -> String? {
        var start = range.lowerBound, end = range.upperBound
        while start < end, tokens[start].kind == .symbol { start += 1 }
        if let first = word(start), first == "make", let habit = (start..<end).first(where: { tokens[$0].isWord("habit") || tokens[$0].isWord("routine") }) {
            start += 1
            end = habit > start && word(habit - 1) == "a" ? habit - 1 : habit
        }
        let cadence: Set<String> = ["weekly", "daily", "recurring", "repeating", "regular"]
        let kept = (start..<end).filter { !(cadence.contains(tokens[$0].text) && $0 > 0 && ["a", "an"].contains(word($0 - 1) ?? "")) }
        return taskText(in: start..<end, dropping: Set((start..<end).filter { isTimeToken[$0] || !kept.contains($0) }))
    }

    static let notHabitWords: Set<String> = ["feel", "feeling", "get", "gets", "am", "wake", "hate", "love", "cry", "happens", "miss"]

    /// "I have a standup every weekday at 9:30", "we have team sync every monday at 10": a commitment that repeats at a
    /// clock time is a habit of that task; the index of "have". Without a clock ("I have class every day") it is chat.
    private func statedFixedCommitment(before marker: Int) -> Int? {
        let words = tokens[..<marker].indices.filter { tokens[$0].isWord }
        guard words.count >= 3, words.count <= 6, ["i", "we"].contains(tokens[words[0]].text), ["have", "do"].contains(tokens[words[1]].text),
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
        // "run tue and thu mornings, recurring", "gym mon wed fri 7am every week": the days said are the habit's.
        if words.contains(where: { ["recurring", "repeating"].contains($0) }) || zip(words, words.dropFirst()).contains(where: { $0 == "every" && $1 == "week" }),
           let (first, days, end) = firstDayList(scanner) {
            return (first, first..<end, .days(days))
        }
        for i in tokens.indices {
            // "call with grandma on saturdays at 11", "piano on mondays and thursdays": a weekday in the plural repeats.
            if let w = word(i), Self.pluralWeekdays.contains(w), let (_, days, end) = firstDayList(scanner, from: i) {
                let at = i > 0 && ["on", "every", "each"].contains(word(i - 1) ?? "") ? i - 1 : i
                return (at, at..<end, .days(days))
            }
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

    static let pluralWeekdays: Set<String> = ["sundays", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays"]

    /// The first run of weekdays said ("mon wed fri", "tue and thu", "mondays and wednesdays"), where it starts and ends.
    private func firstDayList(_ scanner: TimeScanner, from start: Int = 0) -> (Int, [Int], Int)? {
        for i in start..<tokens.count {
            guard let (group, next) = dayGroup(at: i, scanner: scanner), word(i).map({ Lexicon.weekdays[$0] != nil }) == true else { continue }
            var days = group
            var j = next
            while j < tokens.count {
                if scanner.isWord(j, ["and"]) || scanner.isSymbol(j, ",") || scanner.isSymbol(j, "/") { j += 1; continue }
                guard word(j).map({ Lexicon.weekdays[$0] != nil }) == true, let (more, after) = dayGroup(at: j, scanner: scanner) else { break }
                days += more
                j = after
            }
            while j > next, !(word(j - 1).map { Lexicon.weekdays[$0] != nil } ?? false) { j -= 1 }
            var seen = Set<Int>()
            return (i, days.filter { seen.insert($0).inserted }.sorted(), j)
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
