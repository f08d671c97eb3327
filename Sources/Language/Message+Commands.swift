import Foundation

/// The grammar of each command, on top of a read message.
extension Message {
    /// `schedule <task> [when] [for <duration>]`; the command word may come after the time.
    func schedule(after index: Int) -> ParsedCommand {
        let all = 0..<tokens.count
        var command = ParsedCommand(intent: .schedule, task: taskText(in: (index + 1)..<tokens.count),
                                    when: time(in: all), durationMinutes: duration(in: all))
        if let unreadable = unreadableTime(in: all) {
            command.problem = "I couldn't read the time '\(unreadable)'\(understood(command)): try e.g. 'tomorrow at 3pm'."
        } else if command.task == nil {
            command.problem = "what should I schedule? e.g. 'schedule gym tomorrow 6pm for 1h'"
        }
        return command
    }

    /// `done` [task] [rating] [note]: before the rating is the task, after it the note.
    func done(after index: Int) -> ParsedCommand {
        var command = ParsedCommand(intent: .done)
        let rest = (index + 1)..<tokens.count
        if let found = rest.lazy.compactMap({ RatingParser.rating(in: tokens, at: $0) }).first {
            command.rating = found.value
            let beforeRating = rest.lowerBound..<found.tokens.lowerBound
            let noteFrom = found.isWord ? found.tokens.lowerBound : found.tokens.upperBound
            let taskEnd = noteStart(in: beforeRating) ?? beforeRating.upperBound
            command.task = plainText(in: rest.lowerBound..<taskEnd)
            let starterNote = taskEnd < beforeRating.upperBound ? plainText(in: taskEnd..<beforeRating.upperBound) : nil
            let afterNote = plainText(in: noteFrom..<tokens.count)
            command.note = [starterNote, afterNote].compactMap { $0 }.joined(separator: " ").nonEmpty
        } else {
            let split = noteStart(in: rest) ?? tokens.count
            command.task = plainText(in: rest.lowerBound..<split)
            command.note = plainText(in: split..<tokens.count)
        }
        return command
    }

    /// `skip` / `missed` [task] [note after punctuation]; a time said narrows which event.
    func skip(after index: Int) -> ParsedCommand {
        let rest = (index + 1)..<tokens.count
        let split = noteStart(in: rest).flatMap { tokens[$0].isWord && ["felt", "feeling", "was", "too", "because", "so", "but"].contains(tokens[$0].text) || tokens[$0 - 1].kind == .symbol ? $0 : nil } ?? tokens.count
        return ParsedCommand(intent: .skip, task: taskText(in: rest.lowerBound..<split), when: time(in: 0..<tokens.count),
                             note: plainText(in: split..<tokens.count))
    }

    func agenda(after index: Int) -> ParsedCommand {
        let rest = words
        if rest.contains("tomorrow") { return agenda(.tomorrow) }
        if rest.contains("today") { return agenda(.today) }
        if rest.contains("next") { return agenda(.next) }
        return agenda(.upcoming)
    }

    /// `cancel <task> [when]`.
    func cancel(after index: Int) -> ParsedCommand {
        var command = ParsedCommand(intent: .cancel, task: taskText(in: (index + 1)..<tokens.count),
                                    when: time(in: 0..<tokens.count))
        if command.task == nil && command.when == nil {
            command.problem = "what should I cancel? e.g. 'cancel gym tomorrow'"
        }
        return command
    }

    /// `plan [fresh|new] <goal>`: the goal is the rest of the message, words as typed.
    func plan(after index: Int) -> ParsedCommand {
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
        let goal = first <= last ? String(text[tokens[first].range.lowerBound..<tokens[last].range.upperBound]) : ""
        var command = ParsedCommand(intent: .plan, task: goal.isEmpty ? nil : goal)
        command.wantsFresh = fresh
        if goal.isEmpty { command.problem = "what should I plan? e.g. 'plan a marathon training block'" }
        return command
    }

    /// `move <task> to <when>`: the last "to" followed by a readable time splits task and destination.
    func move(after index: Int) -> ParsedCommand {
        var command = ParsedCommand(intent: .move)
        for t in stride(from: tokens.count - 2, to: index, by: -1) where tokens[t].isWord("to") || tokens[t].isWord("until") {
            let tail = Array(tokens[(t + 1)...])
            let tailMentions = TimeScanner(tokens: tail).scan().filter { !$0.isInvalid }
            guard tailMentions.first?.tokens.lowerBound == 0, tailMentions.contains(where: \.saysTime) else { continue }
            command.when = TimeResolver(context: context).resolve(tailMentions)
            command.durationMinutes = tailMentions.lazy.compactMap(\.durationMinutes).first
            let head = Array(tokens[..<t])
            let headMentions = TimeScanner(tokens: head).scan()
            let headTime = headMentions.flatMap { Array($0.tokens) }
            command.task = taskText(in: (index + 1)..<t, dropping: Set(headTime))
            break
        }
        if command.when == nil {
            command.task = taskText(in: (index + 1)..<tokens.count)
            if let unreadable = unreadableTime(in: 0..<tokens.count) {
                command.problem = "I couldn't read the time '\(unreadable)': try e.g. 'move gym to friday 6pm'."
            } else {
                command.problem = "when should I move \(command.task.map { "'\($0)'" } ?? "it") to? e.g. 'move gym to friday 6pm'"
            }
        } else if command.task == nil {
            command.problem = "what should I move? e.g. 'move gym to friday 6pm'"
        }
        return command
    }

    /// `timezone <IANA name>`: the name as typed, checked against the zone database.
    func timezone(after index: Int) -> ParsedCommand {
        var command = ParsedCommand(intent: .timezone)
        guard index + 1 < tokens.count else {
            command.problem = "which time zone? e.g. 'timezone Europe/Berlin'"
            return command
        }
        var name = text[tokens[index + 1].range.lowerBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        if name.lowercased().hasPrefix("to ") || name.lowercased().hasPrefix("is ") { name = String(name.dropFirst(3)) }
        while let last = name.last, ".!?".contains(last) { name.removeLast() }
        command.timeZoneName = name
        if ZoneName.timeZone(name) == nil {
            command.problem = "I don't know the time zone '\(name)': use an IANA name, e.g. 'timezone Europe/Berlin'"
        }
        return command
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

    private func understood(_ command: ParsedCommand) -> String {
        command.task.map { " (I got the task '\($0)')" } ?? ""
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
