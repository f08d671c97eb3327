/// Moves by an amount: "push the meeting back an hour", "move gym 30 min later", "bump my run to an hour earlier",
/// "postpone the call by a day", "bring the sync forward an hour", "can we do the review 2 hours later". The amount
/// is typed (`TimeShift`); the engine applies it to the event's own start.
extension Message {
    func relativeMove() -> Command? {
        guard let last = tokens.lastIndex(where: { $0.kind != .symbol && !Self.courtesy.contains($0.text) }) else { return nil }
        let end = last + 1
        let scanner = TimeScanner(tokens: tokens)
        // "gym: 1h later": a short task and a colon, then only the amount.
        if let first = tokens.firstIndex(where: { $0.isWord && !Self.shiftLeadWords.contains($0.text) }),
           let colon = tokens[first...].firstIndex(where: { $0.isSymbol(":") }), (1...3).contains(colon - first),
           tokens[first..<colon].allSatisfy(\.isWord),
           let shift = shift(at: colon + 1, end: end, leaning: nil, scanner), let task = taskText(in: first..<colon) {
            return .move(MoveRequest(task: task, shift: shift))
        }
        if let followUp = followUpShift(scanner) { return followUp }
        guard let (taskStart, leaning) = shiftVerb(), taskStart < end else { return nil }
        for start in (taskStart + 1)..<end {
            guard let shift = shift(at: start, end: end, leaning: leaning, scanner) else { continue }
            let from = eventTime(mentions.filter { (taskStart..<start).contains($0.tokens.lowerBound) })
            // "push my 3pm back an hour": the event is named by its time alone; the engine finds the one then.
            guard let task = taskText(in: taskStart..<start) ?? (from != nil && namesOnlyTime(taskStart..<start) ? "" : nil) else { continue }
            var request = MoveRequest(task: task, shift: shift)
            request.from = from
            return .move(request)
        }
        return nil
    }

    /// "make the long run 90 minutes", "make it 30 minutes": a new length for an event, its start kept (a shift of
    /// nothing, so the engine keeps the event where it is). "make time for gym" or a clock said is something else.
    func lengthChange() -> Command? {
        let said = tokens.indices.filter { tokens[$0].kind != .symbol && !Self.courtesy.contains(tokens[$0].text) && !CommandWords.fillers.contains(tokens[$0].text) }
        guard let verb = said.first, tokens[verb].text == "make", let last = said.last,
              mentions.count == 1, let length = mentions.first, !length.isInvalid, !length.saysTime, let minutes = length.durationMinutes,
              length.tokens.lowerBound > verb + 1, length.tokens.contains(last) || ["long", "instead"].contains(tokens[last].text) && length.tokens.upperBound == last
        else { return nil }
        let named = (verb + 1)..<length.tokens.lowerBound
        // "make dinner for 2 hours" is cooking for a while, not a new length.
        guard !tokens[length.tokens.lowerBound - 1].isWord("for"), !tokens[length.tokens.lowerBound].isWord("for") else { return nil }
        let pronoun = named.count == 1 && Self.pronouns.contains(tokens[named.lowerBound].text)
        guard let task = pronoun ? Self.followUpTask : taskText(in: named), !["time", "room", "space"].contains(task) else { return nil }
        var request = MoveRequest(task: task, shift: TimeShift(amount: 0, unit: .minute))
        request.durationMinutes = minutes
        return .move(request)
    }

    /// "actually an hour later", "30 min earlier instead", "how about an hour later?": with nothing else said, an amount
    /// and a direction move the event the conversation is about ("2 hours later we left" is not one: no cue).
    private func followUpShift(_ scanner: TimeScanner) -> Command? {
        guard let last = tokens.lastIndex(where: { $0.kind != .symbol && !Self.courtesy.contains($0.text) && !Self.followUpCues.contains($0.text) }),
              let first = tokens.firstIndex(where: { $0.kind != .symbol && !Self.followUpCues.contains($0.text) && !Self.followUpFillers.contains($0.text) }),
              first <= last,
              tokens.contains(where: { Self.followUpCues.contains($0.text) || $0.isSymbol("?") }),
              let shift = shift(at: first, end: last + 1, leaning: nil, scanner) else { return nil }
        return .move(MoveRequest(task: Self.followUpTask, shift: shift))
    }

    /// Nothing but a time and words like "my", "the": "my 3pm", "the 10am".
    private func namesOnlyTime(_ range: Range<Int>) -> Bool {
        range.allSatisfy { isTimeToken[$0] || tokens[$0].kind == .symbol || ["my", "the", "our", "that"].contains(tokens[$0].text) }
    }

    private static let followUpCues: Set<String> = ["actually", "instead", "rather"]
    private static let followUpFillers: Set<String> = [
        "how", "about", "what", "maybe", "ok", "okay", "no", "nah", "hmm", "um", "so", "wait", "sorry", "oh", "let's", "lets",
        "make", "it", "that", "can", "could", "we", "do", "please", "pls", "i'd", "prefer", "or", "like",
    ]

    /// Where the task starts after the verb (and words like "can we", "let's" before it); a particle after the verb
    /// ("push back", "bring forward") or the verb itself ("postpone", "delay") says which way when the amount does not.
    private func shiftVerb() -> (taskStart: Int, leaning: Int?)? {
        guard let verb = tokens.indices.first(where: { tokens[$0].isWord && !Self.shiftLeadWords.contains(tokens[$0].text) }),
              Self.shiftVerbs.contains(tokens[verb].text) else { return nil }
        guard let particle = word(verb + 1), let direction = Self.directionParticles[particle] else {
            return (verb + 1, Self.laterVerbs.contains(tokens[verb].text) ? 1 : nil)
        }
        return (verb + 2, direction)
    }

    /// An amount and its direction filling `start..<end` exactly: "30 min later", "to an hour earlier", "back an
    /// hour", "forward by 2 days", "by a day" (with a verb that leans one way).
    private func shift(at start: Int, end: Int, leaning: Int?, _ scanner: TimeScanner) -> TimeShift? {
        var i = start
        var direction: Int?
        if let w = word(i), let d = Self.directionParticles[w] { direction = d; i += 1 }
        if let w = word(i), ["by", "to"].contains(w) { i += 1 }
        guard i < end, let (quantity, next) = scanner.quantity(at: i), quantity.amount > 0 else { return nil }
        i = next
        if direction == nil, let w = word(i), let d = Self.directionWords[w] { direction = d; i += 1 }
        // The amount may take a full stop with it ("a day."): nothing but symbols is left either way.
        guard i >= end, let sign = direction ?? leaning else { return nil }
        return Self.timeShift(quantity.whole, sign: sign)
    }

    private static func timeShift(_ offset: TimeOffset, sign: Int) -> TimeShift? {
        switch offset.unit {
        case .second: offset.amount >= 60 ? TimeShift(amount: sign * offset.amount / 60, unit: .minute) : nil
        case .minute: TimeShift(amount: sign * offset.amount, unit: .minute)
        case .hour: TimeShift(amount: sign * offset.amount * 60, unit: .minute)
        case .day: TimeShift(amount: sign * offset.amount, unit: .day)
        case .week: TimeShift(amount: sign * offset.amount * 7, unit: .day)
        case .fortnight: TimeShift(amount: sign * offset.amount * 14, unit: .day)
        case .month: TimeShift(amount: sign * offset.amount, unit: .month)
        case .year: TimeShift(amount: sign * offset.amount * 12, unit: .month)
        }
    }

    /// Verbs that move something in time when an amount and a direction follow them.
    static let shiftVerbs: Set<String> = [
        "move", "push", "bump", "shift", "reschedule", "postpone", "delay", "bring", "make", "do", "start", "put", "pull",
        "have", "slide", "nudge", "kick",
    ]
    /// Verbs that say "later" on their own ("postpone the call by a day", "delay piano by 1 hour").
    static let laterVerbs: Set<String> = ["postpone", "delay", "push"]
    static let directionParticles: [String: Int] = ["back": 1, "forward": -1, "up": -1]
    static let directionWords: [String: Int] = [
        "later": 1, "after": 1, "back": 1, "earlier": -1, "sooner": -1, "before": -1, "forward": -1,
    ]
    /// Words that may come before the verb of a request ("can we", "let's", "could you please").
    static let shiftLeadWords: Set<String> = [
        "can", "could", "would", "will", "we", "you", "u", "please", "pls", "let's", "lets", "let", "us", "i", "i'd", "i'll",
        "need", "to", "want", "like", "just", "hey", "ok", "okay", "so", "maybe", "actually", "also", "and", "then", "we'll",
    ]
}
