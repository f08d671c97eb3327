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
