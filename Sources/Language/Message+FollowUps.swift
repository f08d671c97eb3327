import Foundation

/// Follow-ups about the event just talked about: "make it 3pm", "actually 4pm instead", "can we do it at 4
/// instead?", "I'd rather do it tomorrow". They read as a move of "it", which the engine resolves to the
/// conversation's last event.
extension Message {
    /// The task word the engine resolves to the event the conversation is about.
    static let followUpTask = "it"

    func followUpMove() -> Command? {
        let said = mentions.filter { !$0.isInvalid && $0.saysTime }
        if said.isEmpty, mentions.isEmpty, let hour = bareHourIndex() {
            // "make it 11 instead": a bare hour in a follow-up is a clock, read as "at 11".
            let atHour = String(text[..<tokens[hour].range.lowerBound]) + "at " + String(text[tokens[hour].range.lowerBound...])
            return Message(text: atHour, context: context, knownNames: knownNames).followUpMove()
        }
        guard !said.isEmpty, !mentions.contains(where: \.isInvalid) else { return nil }
        let free = tokens.indices.filter { tokens[$0].isWord && !isTimeToken[$0] }
        guard free.allSatisfy({ Self.followUpWords.contains(tokens[$0].text) }), saysFollowUpCue(free) else { return nil }
        guard let when = TimeResolver(context: context).resolve(said) else { return nil }
        let duration = duration(in: 0..<tokens.count)
        let span = duration == nil ? Self.rangeLength(said) : nil
        return .move(MoveRequest(task: Self.followUpTask, to: when, durationMinutes: duration ?? span, isClockSpan: span != nil,
                                 keepsEventDay: Self.saysOnlyTimeOfDay(said), keepsEventTime: Self.saysSameTime(tokens)))
    }

    /// The one number in the message, when it can be an hour (1-23, not after "at": that would already be a time).
    private func bareHourIndex() -> Int? {
        let numbers = tokens.indices.filter { tokens[$0].isNumber }
        guard numbers.count == 1, let i = numbers.first, tokens[i].text.count <= 2, let value = Int(tokens[i].text), (1...23).contains(value),
              i == 0 || !tokens[i - 1].isWord("at") else { return nil }
        return i
    }

    /// A word that says the time replaces one already given ("instead", "actually"), or a verb on "it"/"that"
    /// ("make it", "do that"); without one, "how about tomorrow?" may be about anything.
    private func saysFollowUpCue(_ free: [Int]) -> Bool {
        if free.contains(where: { Self.replacingWords.contains(tokens[$0].text) }) { return true }
        return zip(free, free.dropFirst()).contains { verb, object in
            Self.followUpVerbs.contains(tokens[verb].text) && Self.pronouns.contains(tokens[object].text)
        }
    }

    /// Whether the time said names only a time of day (a clock or a part of day), with no day, date,
    /// offset or span: "to 7", "3pm", "the evening".
    static func saysOnlyTimeOfDay(_ mentions: [TimeMention]) -> Bool {
        let timed = mentions.filter { !$0.isInvalid && $0.saysTime }
        return !timed.isEmpty && timed.allSatisfy { mention in
            (mention.clock != nil || mention.part != nil) && mention.day == nil && mention.lastDay == nil && mention.span == nil
                && mention.offset == nil && !mention.isNow && mention.rangeEnd.allSatisfy { $0.day == nil && $0.span == nil }
        }
    }

    /// "same time" (or "same hour") among the words: in a move it is the event's time, not now's.
    static func saysSameTime(_ tokens: [Token]) -> Bool {
        let words = tokens.filter(\.isWord).map(\.text)
        return zip(words, words.dropFirst()).contains { $0 == "same" && ["time", "hour"].contains($1) }
    }

    static let pronouns: Set<String> = ["it", "that", "this"]
    private static let replacingWords: Set<String> = ["instead", "actually", "rather"]
    private static let followUpVerbs: Set<String> = ["make", "do", "move", "change", "switch", "push", "put", "have"]
    /// Every word a follow-up may have besides its time.
    private static let followUpWords: Set<String> = pronouns.union(replacingWords).union(followUpVerbs).union([
        "no", "nah", "nope", "wait", "sorry", "oh", "oops", "hmm", "um", "ok", "okay", "ah", "so", "let's", "lets", "let", "us",
        "can", "could", "we", "you", "i", "i'd", "id", "would", "how", "what", "about", "then", "please", "pls", "plz", "at",
        "for", "on", "to", "maybe", "better", "be", "is", "go", "with", "one", "like", "prefer", "think", "lol",
        "works", "work", "suits", "best", "fine", "would", "could", "does", "that",
    ])
}
