/// Word orders that say a command without its usual shape, read by restating them in the usual one:
/// "yoga → 7pm" (move), "mark guitar practice as done", "pick up the kids at 3:15, add it", "get a massage booked
/// in for friday", "remind me what's on friday".
extension Message {
    func restatedCommand() -> Command? {
        arrowMove() ?? markedAsDone() ?? laterVerbOnIt() ?? gotBooked() ?? remindMeWhat() ?? setAReminder() ?? doItInstead()
    }

    /// The same message read as `text` (a restatement of it).
    func reading(_ restated: String) -> Command {
        Message(text: restated, context: context, knownNames: knownNames).command()
    }

    /// "yoga → 7pm", "standup -> 9:30": an arrow from a task to a time moves it.
    private func arrowMove() -> Command? {
        guard let arrow = tokens.indices.first(where: { tokens[$0].text == "→" || tokens[$0].text == "⇒"
            || tokens[$0].isSymbol("-") && $0 + 1 < tokens.count && tokens[$0 + 1].isSymbol(">") && tokens[$0 + 1].attached }),
              arrow > 0, tokens[..<arrow].contains(where: \.isWord) else { return nil }
        let after = tokens[arrow].text == "-" ? arrow + 2 : arrow + 1
        guard after < tokens.count else { return nil }
        let restated = "move " + String(text[..<tokens[arrow].range.lowerBound]) + " to " + String(text[tokens[after].range.lowerBound...])
        guard case .move(let request) = reading(restated), request.to != nil else { return nil }
        return .move(request)
    }

    /// "mark guitar practice as done", "tick off laundry as complete", "mark the review done".
    private func markedAsDone() -> Command? {
        let ws = words.filter { !Self.courtesy.contains($0) && !CommandWords.fillers.contains($0) }
        guard let first = ws.first, ["mark", "tick", "check", "set"].contains(first),
              let last = tokens.lastIndex(where: { $0.isWord && !Self.courtesy.contains($0.text) }),
              Self.trailingDoneWords.contains(tokens[last].text) || tokens[last].text == "complete",
              let verb = tokens.firstIndex(where: { $0.isWord && $0.text == first }), verb < last else { return nil }
        var end = last
        if end > verb + 1, tokens[end - 1].isWord("as") { end -= 1 }
        var start = verb + 1
        if tokens[start].isWord("off") { start += 1 }
        guard start < end else { return nil }
        let restated = "done " + said(start..<end) + String(text[tokens[last].range.upperBound...])
        guard case .done(let report) = reading(restated), report.task != nil else { return nil }
        return .done(report)
    }

    /// "i need to pick up the kids at 3:15 today, add it", "dentist friday 10am - book it": what comes first is the
    /// task and its time, and the verb on "it" at the end says what to do with them.
    private func laterVerbOnIt() -> Command? {
        guard let cut = tokens.lastIndex(where: { [",", "-", ".", ";", "—"].contains($0.text) && $0.kind == .symbol }), cut > 0 else { return nil }
        let tail = tokens[(cut + 1)...].filter(\.isWord).map(\.text).filter { !Self.courtesy.contains($0) && !CommandWords.fillers.contains($0) }
        guard tail.count >= 2, tail.count <= 5, ["add", "book", "schedule", "put"].contains(tail[0]), ["it", "that", "this"].contains(tail[1]),
              tail.dropFirst(2).allSatisfy({ ["in", "on", "to", "my", "the", "calendar", "schedule", "for", "me"].contains($0) }) else { return nil }
        var head = 0
        // "i need to ...", "I have to ...": the intention is not part of the task.
        while head < cut, tokens[head].kind == .symbol || CommandWords.fillers.contains(tokens[head].text) || CommandWords.intentions.contains(tokens[head].text)
            || tokens[head].isWord("have") {
            head += 1
        }
        guard head < cut else { return nil }
        guard case .schedule(let request) = reading("schedule " + said(head..<cut)), request.when != nil else { return nil }
        return .schedule(request)
    }

    /// "I'd like to get a massage booked in for friday around 5", "can I get the vet scheduled for monday".
    private func gotBooked() -> Command? {
        guard let get = tokens.firstIndex(where: { $0.isWord("get") || $0.isWord("have") }),
              let booked = tokens.indices.first(where: { $0 > get + 1 && ["booked", "scheduled", "added", "pencilled", "penciled"].contains(tokens[$0].text) }),
              tokens[..<get].allSatisfy({ !$0.isWord || CommandWords.fillers.contains($0.text) || CommandWords.intentions.contains($0.text) || $0.text == "i" })
        else { return nil }
        var after = booked + 1
        if after < tokens.count, tokens[after].isWord("in") || tokens[after].isWord("for") && !isTimeToken[min(after + 1, tokens.count - 1)] { after += 1 }
        let rest = after < tokens.count ? " " + String(text[tokens[after].range.lowerBound...]) : ""
        guard case .schedule(let request) = reading("schedule " + said((get + 1)..<booked) + rest), request.when != nil else { return nil }
        return .schedule(request)
    }

    /// "set a reminder for the dentist at 2", "add a reminder to call mom at 5": a booking with a reminder, as
    /// "remind me to ..." is.
    private func setAReminder() -> Command? {
        let ws = words.filter { !CommandWords.fillers.contains($0) && !Self.courtesy.contains($0) }
        guard ws.count > 3, ["set", "add", "create", "make"].contains(ws[0]), ws[1] == "a" || ws[1] == "reminder",
              let reminder = tokens.firstIndex(where: { $0.isWord("reminder") }),
              let link = tokens.indices.first(where: { $0 > reminder && ["for", "to", "about"].contains(tokens[$0].text) }), link == reminder + 1,
              link + 1 < tokens.count else { return nil }
        guard case .schedule(let request) = reading("schedule " + String(text[tokens[link + 1].range.lowerBound...])), request.when != nil else { return nil }
        return .schedule(request)
    }

    /// "can we do piano on friday instead", "let's have the review at 4 instead": a new time for a task already booked.
    private func doItInstead() -> Command? {
        if let plain = taskAtTimeInstead() { return plain }
        // "i'd rather do gym on sunday": "rather" says the same as "instead".
        let replacing = tokens.lastIndex(where: { $0.isWord("instead") }) ?? tokens.firstIndex(where: { $0.isWord("rather") }).map { _ in tokens.count - 1 }
        guard let instead = replacing,
              let verb = tokens.firstIndex(where: { $0.isWord("do") || $0.isWord("have") }), verb < instead || !tokens[instead].isWord("instead"),
              tokens[..<verb].allSatisfy({ !$0.isWord || CommandWords.fillers.contains($0.text) || CommandWords.intentions.contains($0.text)
                  || ["we", "let's", "lets", "rather", "maybe"].contains($0.text) }),
              let when = time(in: 0..<tokens.count),
              let task = taskText(in: (verb + 1)..<tokens.count, dropping: Set(tokens.indices.filter { isTimeToken[$0] || $0 == instead })),
              !Self.pronouns.contains(task.lowercased()), task.split(separator: " ").count <= 4 else { return nil }
        return .move(MoveRequest(task: task, to: when, keepsEventDay: Self.saysOnlyTimeOfDay(mentions), keepsEventTime: Self.saysSameTime(tokens)))
    }

    /// "yoga at 8 instead please", "can gym be at 7 instead": a task and a new time for it.
    private func taskAtTimeInstead() -> Command? {
        guard let instead = tokens.lastIndex(where: { $0.isWord("instead") }), let when = time(in: 0..<tokens.count) else { return nil }
        let glue: Set<String> = ["can", "could", "be", "we", "let's", "lets", "maybe", "how", "about", "what", "is", "possible", "would"]
        let name = tokens.indices.filter { tokens[$0].isWord && !isTimeToken[$0] && $0 != instead && !CommandWords.fillers.contains(tokens[$0].text)
            && !Self.courtesy.contains(tokens[$0].text) && !glue.contains(tokens[$0].text) }
        guard let first = name.first, let last = name.last, name.count <= 4, name == Array(first...last).filter({ tokens[$0].isWord }),
              // "can we do it at 4 instead", "nah friday instead": about the event talked about (a follow-up), not a task.
              !name.contains(where: { Self.notTaskNameWords.contains(tokens[$0].text) || Self.toldNotAsked.contains(tokens[$0].text)
                  || Self.pronouns.contains(tokens[$0].text) || ["do", "have", "nah", "no", "nope", "yeah", "hmm", "make", "rather", "then"].contains(tokens[$0].text)
                  || CommandWords.intents[tokens[$0].text] != nil || Self.statesNotTasks.contains(tokens[$0].text) }) else { return nil }
        return .move(MoveRequest(task: said(first..<(last + 1)), to: when, keepsEventDay: Self.saysOnlyTimeOfDay(mentions),
                                 keepsEventTime: Self.saysSameTime(tokens)))
    }

    /// "remind me what's on friday morning", "remind me when my dentist is": a question about the agenda.
    private func remindMeWhat() -> Command? {
        guard words.starts(with: ["remind", "me"]), let third = words.dropFirst(2).first, ["what", "what's", "whats", "when", "when's"].contains(third),
              let me = tokens.firstIndex(where: { $0.isWord("me") }), me + 1 < tokens.count else { return nil }
        let question = reading(String(text[tokens[me + 1].range.lowerBound...]))
        guard case .agenda = question else { return nil }
        return question
    }
}
