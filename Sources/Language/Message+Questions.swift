import Foundation

/// Questions that ask for the agenda: "what have I got on thursday?", "show me today's plan",
/// "what's my schedule for tomorrow?", "anything on saturday?", "what's next".
extension Message {
    /// Words an agenda question is made of, besides the time it names.
    static let agendaWords: Set<String> = [
        "what", "what's", "whats", "wats", "wat", "what've", "whatve", "do", "does", "did", "i", "i've", "ive", "have", "got", "on",
        "for", "is", "are", "am", "my", "me", "show", "tell", "list", "the", "any", "anything", "planned", "scheduled", "there",
        "up", "coming", "look", "looks", "like", "doing", "agenda", "schedule", "calendar", "plan", "plans", "day", "please", "pls",
        "can", "you", "see", "give", "again", "in", "store", "to", "left", "happening", "lined", "a", "s", "events", "going", "next",
        "now", "hey", "so", "far", "plate", "meetings", "appointments", "tasks", "things", "stuff", "sessions", "going", "whole", "rest", "of", "ahead", "upcoming", "booked", "whats'", "everything",
        "looking", "shaping", "seem", "seems", "week", "thing", "event", "task", "appointment", "meeting",
    ]

    /// Words that make a message a request for the agenda rather than a bare time.
    static let agendaCues: Set<String> = ["what", "what's", "whats", "wats", "wat", "show", "anything", "agenda", "calendar", "schedule",
                                          "plan", "plans", "list", "tell", "upcoming", "booked", "events"]

    /// "today's", "tomorrow's": a day in the possessive names the agenda's day.
    private static let possessiveDays: [String: Int] = ["today's": 0, "todays": 0, "tomorrow's": 1, "tomorrows": 1, "tonight's": 0]

    func agendaQuestion() -> Command? {
        let free = tokens.indices.filter { tokens[$0].isWord && !isTimeToken[$0] }
        guard let firstWord = tokens.firstIndex(where: \.isWord) else { return nil }
        // "schedule tomorrow", "plan friday": the command comes first, so it is no question.
        if !isTimeToken[firstWord], ["schedule", "plan", "book", "add", "put"].contains(tokens[firstWord].text) { return nil }
        guard free.allSatisfy({ Self.agendaWords.contains(tokens[$0].text) || Self.possessiveDays[tokens[$0].text] != nil }) else { return nil }
        let cued = free.contains { Self.agendaCues.contains(tokens[$0].text) || Self.possessiveDays[tokens[$0].text] != nil }
        let request = agendaRequest()
        switch request.scope {
        case .today, .tomorrow:
            // "today?", "tomorrow please" ask for the day; "see you tomorrow" does not.
            let bare: Set<String> = ["for", "on", "my", "the", "please", "pls", "so", "now", "and", "is", "s"]
            return cued || free.allSatisfy({ bare.contains(tokens[$0].text) }) ? .agenda(request) : nil
        case .next: return cued || free.count <= 2 ? .agenda(request) : nil
        case .period: return cued ? .agenda(request) : nil
        case .upcoming:
            // "what's up" greets; "what's coming up", "what do I have", "show my calendar" ask.
            let asks: Set<String> = ["agenda", "calendar", "schedule", "plan", "plans", "events", "upcoming", "coming", "booked", "have", "got",
                                     "lined", "store", "list", "meetings", "appointments", "planned", "scheduled"]
            return cued && free.contains(where: { asks.contains(tokens[$0].text) }) ? .agenda(request) : nil
        }
    }

    /// The part of the agenda asked for: the day or stretch named, else what is next or upcoming.
    func agendaRequest() -> AgendaRequest {
        let said = mentions.filter { !$0.isInvalid && $0.saysTime }
        let possessive = tokens.lazy.compactMap { Self.possessiveDays[$0.text] }.first
        let resolver = TimeResolver(context: context)
        func day(_ offset: Int) -> ResolvedTime {
            ResolvedTime(start: Date(timeIntervalSince1970: TimeInterval(resolver.instant(resolver.today + offset, 0))), grain: .day)
        }
        if said.isEmpty {
            if let possessive { return AgendaRequest(scope: possessive == 0 ? .today : .tomorrow, when: day(possessive)) }
            if zip(words, words.dropFirst()).contains(where: { $0 == "my" && $1 == "day" }) { return AgendaRequest(scope: .today, when: day(0)) }
            // "show me my week", "how does the week look": the current week.
            if zip(words, words.dropFirst()).contains(where: { ["my", "the"].contains($0) && $1 == "week" }),
               let week = TimeExpressionParser().parse("this week", context: context) {
                return AgendaRequest(scope: .period, when: week)
            }
            return AgendaRequest(scope: words.contains("next") ? .next : .upcoming)
        }
        if said.count == 1, let only = said.first, only.clock == nil, only.part == nil, only.span == nil, only.offset == nil,
           case .relative(let offset)? = only.day, offset == 0 || offset == 1 {
            return AgendaRequest(scope: offset == 0 ? .today : .tomorrow, when: day(offset))
        }
        guard let when = resolver.resolve(said) else { return AgendaRequest(scope: .upcoming) }
        return AgendaRequest(scope: .period, when: when)
    }
}

/// Questions about free time and about one task's next event.
extension Message {
    /// "am I free friday afternoon?", "is tomorrow morning busy?", "any free time on saturday": the agenda of
    /// the time named, which shows what is and is not booked.
    func freeTimeQuestion() -> Command? {
        guard mentions.contains(where: { !$0.isInvalid && $0.saysTime }), !mentions.contains(where: \.isInvalid),
              let first = tokens.firstIndex(where: \.isWord) else { return nil }
        // "available mon-fri 9-5?" states hours, whatever its punctuation.
        guard !Self.freeBusyWords.contains(tokens[first].text) else { return nil }
        let asks = tokens.contains { $0.isSymbol("?") } || Self.questionOpeners.contains(tokens[first].text)
        let free = tokens.indices.filter { tokens[$0].isWord && !isTimeToken[$0] }
        guard asks, free.contains(where: { Self.freeBusyWords.contains(tokens[$0].text) }),
              free.allSatisfy({ Self.freeBusyWords.contains(tokens[$0].text) || Self.freeQuestionWords.contains(tokens[$0].text) }) else { return nil }
        return .agenda(agendaRequest())
    }

    /// "is the team retro still on for friday?", "is my dentist still happening tomorrow": that task's agenda then.
    func stillOnQuestion() -> Command? {
        let ws = words
        guard let first = ws.first, ["is", "are", "'s"].contains(first),
              let still = tokens.firstIndex(where: { $0.isWord("still") }), let next = word(still + 1),
              ["on", "happening", "scheduled", "booked", "planned", "going"].contains(next),
              let opener = tokens.firstIndex(where: \.isWord) else { return nil }
        var start = opener + 1
        if let w = word(start), ["the", "my", "our"].contains(w) { start += 1 }
        guard start < still, let task = taskText(in: start..<still), task.split(separator: " ").count <= 4 else { return nil }
        let said = mentions.filter { !$0.isInvalid && $0.saysTime && $0.tokens.lowerBound > still }
        return .agenda(AgendaRequest(scope: said.isEmpty ? .next : .period, when: said.isEmpty ? nil : TimeResolver(context: context).resolve(said), task: task))
    }

    /// "when's my next run?", "when is gym", "what's my next standup": the next event of one task. A word
    /// that could be anything ("when is the deadline") needs "my" or "next", or to be one of the user's tasks.
    func nextOfTaskQuestion() -> Command? {
        guard !mentions.contains(where: { !$0.isInvalid && $0.saysTime }) else { return nil }
        // "when is my 1:1 with Priya": a number inside the name is a word of it.
        let free = tokens.indices.filter { tokens[$0].isWord || tokens[$0].isNumber }
        guard let opener = free.first, Self.whenWords.contains(tokens[opener].text) else { return nil }
        var rest = free.dropFirst().filter { !Self.nextQuestionWords.contains(tokens[$0].text) }
        if let last = rest.last, ["next", "session", "sessions"].contains(tokens[last].text) { rest.removeLast() }
        // "when's my next meeting": no task named, so the next event of any.
        if rest.count == 1, let only = rest.first, Self.anyEventWords.contains(tokens[only].text), free.contains(where: { tokens[$0].text == "next" }) {
            return .agenda(AgendaRequest(scope: .next))
        }
        guard let start = rest.first, let end = rest.last, rest.count <= 5, rest == Array(start...end).filter({ tokens[$0].isWord || tokens[$0].isNumber }),
              !rest.contains(where: { Self.notTaskNameWords.contains(tokens[$0].text) && !(["with", "w"].contains(tokens[$0].text) && $0 != start && $0 != end)
                  || Self.agendaWords.contains(tokens[$0].text)
                  || Self.notAskedTasks.contains(tokens[$0].text) }) else { return nil }
        let task = said(start..<(end + 1))
        // "when's the dentist", "what time is the review": "the" names one event when the question is that short.
        let cued = free.contains { ["my", "next"].contains(tokens[$0].text) } || rest.count <= 3 && free.contains { tokens[$0].text == "the" }
        let known = knownNames.contains { $0.lowercased() == task.lowercased() }
        guard cued || known, tokens[opener].text.hasPrefix("when") || known else { return nil }
        return .agenda(AgendaRequest(scope: .next, task: task))
    }

    private static let anyEventWords: Set<String> = ["meeting", "event", "thing", "appointment", "task", "session", "one"]
    private static let questionOpeners: Set<String> = ["is", "am", "are", "any", "anything", "do", "does", "will", "would", "got", "find",
                                                      "what's", "whats", "what", "when", "where", "which", "how"]
    private static let freeBusyWords: Set<String> = ["free", "busy", "available", "booked", "open", "clear", "empty", "time", "gaps", "gap",
                                                     "slots", "slot", "openings", "opening", "room", "space", "availability"]
    private static let freeQuestionWords: Set<String> = agendaWords.union(["i'm", "im", "it", "at", "all", "still", "really", "totally",
                                                                            "completely", "be", "we", "u", "you", "find", "hour", "hours",
                                                                            "some", "an", "where", "which", "how", "much", "many", "could",
                                                                            "when",
                                                                            // A part of day before "free" reads as a name's head ("morning run").
                                                                            "morning", "afternoon", "evening", "night"])
    private static let whenWords: Set<String> = ["when", "when's", "whens", "what's", "whats"]
    private static let nextQuestionWords: Set<String> = ["is", "are", "my", "the", "next", "do", "i", "have", "am", "doing", "does",
                                                        "will", "s", "again", "scheduled", "booked", "planned", "time", "for"]
    /// Words after "when's my next" that are no task ("step", "move", "break").
    private static let notAskedTasks: Set<String> = ["step", "steps", "move", "moves", "goal", "goals", "break", "holiday", "vacation",
                                                      "payday", "deadline", "birthday", "free", "slot", "chance", "best", "one"]
}
