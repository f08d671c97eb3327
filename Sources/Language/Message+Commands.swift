import Foundation

/// The grammar of each command, on top of a read message.
extension Message {
    /// `schedule <task> [when] [for <duration>]`; the command word may come after the time.
    func schedule(after index: Int) -> Command {
        let all = 0..<tokens.count
        let task = taskText(in: (index + 1)..<tokens.count)
        if let problem = timeProblem(in: all) { return .unreadable(Unreadable(.schedule, problem, task: task)) }
        if let negative = negativeDuration(in: all) { return .unreadable(Unreadable(.schedule, .impossible(negative), task: task)) }
        guard let task else { return .unreadable(Unreadable(.schedule, .missing(.task))) }
        return .schedule(ScheduleRequest(task: task, when: time(in: all), durationMinutes: duration(in: all)))
    }

    /// `done` [task] [rating] [note]: before the rating is the task, after it the note.
    func done(after index: Int) -> Command {
        let rest = (index + 1)..<tokens.count
        if let impossible = impossibleRating(in: rest) {
            return .unreadable(Unreadable(.done, .impossible(impossible)))
        }
        guard let found = rest.lazy.compactMap({ RatingParser.rating(in: tokens, at: $0) }).first else {
            let split = noteStart(in: rest) ?? tokens.count
            return .done(OutcomeReport(task: plainText(in: rest.lowerBound..<split), note: plainText(in: split..<tokens.count)))
        }
        let beforeRating = rest.lowerBound..<found.tokens.lowerBound
        let noteFrom = found.isWord ? found.tokens.lowerBound : found.tokens.upperBound
        let taskEnd = noteStart(in: beforeRating) ?? beforeRating.upperBound
        let starterNote = taskEnd < beforeRating.upperBound ? plainText(in: taskEnd..<beforeRating.upperBound) : nil
        let afterNote = plainText(in: noteFrom..<tokens.count)
        return .done(OutcomeReport(task: plainText(in: rest.lowerBound..<taskEnd), rating: found.value,
                                   note: [starterNote, afterNote].compactMap { $0 }.joined(separator: " ").nonEmpty))
    }

    /// `skip` / `missed` [task] [note after punctuation]; a time said narrows which event.
    func skip(after index: Int) -> Command {
        let rest = (index + 1)..<tokens.count
        let split = noteStart(in: rest).flatMap { tokens[$0].isWord && ["felt", "feeling", "was", "too", "because", "so", "but"].contains(tokens[$0].text) || tokens[$0 - 1].kind == .symbol ? $0 : nil } ?? tokens.count
        return .skip(OutcomeReport(task: taskText(in: rest.lowerBound..<split), note: plainText(in: split..<tokens.count),
                                   when: time(in: 0..<tokens.count)))
    }

    func agenda(after index: Int) -> Command {
        let rest = words
        if rest.contains("tomorrow") { return agenda(.tomorrow) }
        if rest.contains("today") { return agenda(.today) }
        if rest.contains("next") { return agenda(.next) }
        return agenda(.upcoming)
    }

    /// `cancel <task> [when]`.
    func cancel(after index: Int) -> Command {
        let all = 0..<tokens.count
        let task = taskText(in: (index + 1)..<tokens.count)
        if let problem = timeProblem(in: all) { return .unreadable(Unreadable(.cancel, problem, task: task)) }
        let when = time(in: all)
        guard task != nil || when != nil else { return .unreadable(Unreadable(.cancel, .missing(.task))) }
        return .cancel(EventChoice(task: task, when: when))
    }

    /// `plan [fresh|new] <goal>`: the goal is the rest of the message, words as typed.
    func plan(after index: Int) -> Command {
        let freshWords: Set<String> = ["fresh", "new", "again", "another"]
        var fresh = tokens[..<index].contains { $0.isWord && freshWords.contains($0.text) }
        var first = index + 1
        while first < tokens.count, tokens[first].isWord, freshWords.contains(tokens[first].text) || tokens[first].text == "me" {
            if freshWords.contains(tokens[first].text) { fresh = true }
            first += 1
        }
        var last = tokens.count - 1
        while last >= first, tokens[last].kind == .symbol || tokens[last].isWord("again") {
            if tokens[last].isWord("again") { fresh = true }
            last -= 1
        }
        guard first <= last else { return .unreadable(Unreadable(.plan, .missing(.goal))) }
        return .plan(PlanRequest(goal: String(text[tokens[first].range.lowerBound..<tokens[last].range.upperBound]), wantsFresh: fresh))
    }

    /// `move <task> to <when>`: the last "to" followed by a readable time splits task and destination.
    func move(after index: Int) -> Command {
        for t in stride(from: tokens.count - 2, to: index, by: -1) where tokens[t].isWord("to") || tokens[t].isWord("until") {
            let tail = Array(tokens[(t + 1)...])
            let tailMentions = TimeScanner(tokens: tail).scan().filter { !$0.isInvalid }
            guard tailMentions.first?.tokens.lowerBound == 0, tailMentions.contains(where: \.saysTime),
                  let when = TimeResolver(context: context).resolve(tailMentions) else { continue }
            let headTime = TimeScanner(tokens: Array(tokens[..<t])).scan().flatMap { Array($0.tokens) }
            guard let task = taskText(in: (index + 1)..<t, dropping: Set(headTime)) else {
                return .unreadable(Unreadable(.move, .missing(.task)))
            }
            return .move(MoveRequest(task: task, to: when, durationMinutes: tailMentions.lazy.compactMap(\.durationMinutes).first))
        }
        let task = taskText(in: (index + 1)..<tokens.count)
        let problem = timeProblem(in: 0..<tokens.count) ?? .missing(.destination)
        return .unreadable(Unreadable(.move, problem, task: task))
    }

    /// `timezone <IANA name>`: the name as typed, checked against the zone database.
    func timezone(after index: Int) -> Command {
        guard index + 1 < tokens.count else { return .unreadable(Unreadable(.timezone, .missing(.timeZone))) }
        var name = text[tokens[index + 1].range.lowerBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        if name.lowercased().hasPrefix("to ") || name.lowercased().hasPrefix("is ") { name = String(name.dropFirst(3)) }
        while let last = name.last, ".!?".contains(last) { name.removeLast() }
        guard ZoneName.timeZone(name) != nil else { return .unreadable(Unreadable(.timezone, .unknownTimeZone(name))) }
        return .timezone(name: name)
    }

    /// Text in a range, punctuation trimmed, time mentions kept (a note or a done-task is free text).
    func plainText(in range: Range<Int>) -> String? {
        guard !range.isEmpty else { return nil }
        var kept = Array(range)
        while let first = kept.first, tokens[first].kind == .symbol || ["with", "the", "my"].contains(tokens[first].text) {
            kept.removeFirst()
        }
        while let last = kept.last, tokens[last].kind == .symbol, tokens[last].text != ")" { kept.removeLast() }
        guard let first = kept.first, let last = kept.last else { return nil }
        return String(text[tokens[first].range.lowerBound..<tokens[last].range.upperBound])
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
