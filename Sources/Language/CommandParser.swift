import Foundation

/// Reads a chat message into a command, without any LLM. The command word is the first word that is
/// neither a filler ("please") nor part of a time expression, so "tomorrow 9am schedule standup 15min"
/// works; task names keep the user's words minus the parts that were read as time, duration or rating.
public struct CommandParser: Sendable {
    public init() {}

    public func parse(_ text: String, context: TimeContext) -> ParsedCommand {
        let message = Message(text: text, context: context)
        if message.tokens.isEmpty { return ParsedCommand(intent: .chat) }
        if let agenda = message.agendaQuestion() { return agenda }
        if message.isHelpQuestion { return ParsedCommand(intent: .help) }
        if let proactive = message.proactiveCommand() { return proactive }
        guard let (intent, index, correction) = message.commandWord() else { return ParsedCommand(intent: .chat) }
        var command: ParsedCommand
        switch intent {
        case .schedule: command = message.schedule(after: index)
        case .done: command = message.done(after: index)
        case .skip: command = message.skip(after: index)
        case .agenda: command = message.agenda(after: index)
        case .cancel: command = message.cancel(after: index)
        case .move: command = message.move(after: index)
        case .timezone: command = message.timezone(after: index)
        case .available: command = message.available(after: index)
        case .help: command = ParsedCommand(intent: message.isBareHelp(after: index) ? .help : .chat)
        case .plan: command = message.saysClockTime ? message.schedule(after: index) : message.plan(after: index)
        case .insights: command = ParsedCommand(intent: .insights, task: message.taskText(in: (index + 1)..<message.tokens.count))
        case .why: command = message.whyQuestion(after: index)
        default: command = ParsedCommand(intent: intent)
        }
        command.correction = correction
        return command
    }
}

/// One message being read: its tokens, the time mentions in it, and the pieces each command needs.
struct Message {
    let text: String
    let context: TimeContext
    let tokens: [Token]
    let mentions: [TimeMention]
    /// For each token, whether a readable time or duration mention covers it.
    let isTimeToken: [Bool]

    init(text: String, context: TimeContext) {
        self.text = text
        self.context = context
        tokens = Tokenizer.tokenize(text)
        mentions = TimeScanner(tokens: tokens).scan()
        var covered = [Bool](repeating: false, count: tokens.count)
        for m in mentions { for i in m.tokens { covered[i] = true } }
        isTimeToken = covered
    }

    func word(_ i: Int) -> String? { i < tokens.count && tokens[i].isWord ? tokens[i].text : nil }

    /// The words of the message, without symbols: "what's next?" -> ["what's", "next"].
    var words: [String] { tokens.filter(\.isWord).map(\.text) }

    // MARK: - Finding the command

    /// "plan review between 2 and 4" names a time to book, so it schedules; "plan my week for ..." asks for a plan.
    var saysClockTime: Bool {
        mentions.contains { !$0.isInvalid && $0.clock != nil }
    }

    /// "why" or "why deep coding?" asks about the last suggestion; "why do I keep skipping?" is coaching chat.
    func whyQuestion(after index: Int) -> ParsedCommand {
        let rest = tokens[(index + 1)...].filter(\.isWord).map(\.text)
        let questionWords: Set<String> = ["do", "does", "did", "am", "is", "are", "was", "were", "can", "can't", "cant", "could",
                                          "should", "would", "will", "i", "i'm", "im", "my", "me", "it", "not", "don't", "dont",
                                          "keep", "always", "never", "this", "that", "so", "you", "we", "they", "there"]
        guard rest.count <= 4, rest.first.map({ !questionWords.contains($0) }) ?? true else { return ParsedCommand(intent: .chat) }
        return ParsedCommand(intent: .why, task: taskText(in: (index + 1)..<tokens.count))
    }

    /// "help", "help please", "commands?" ask for the command list; "help me plan my week" is a request for coaching.
    func isBareHelp(after index: Int) -> Bool {
        let rest = tokens[(index + 1)...].filter(\.isWord).map(\.text)
        let allowed: Set<String> = ["please", "pls", "me", "commands", "command", "list", "menu", "bot"]
        return rest.allSatisfy(allowed.contains)
    }

    /// The command word's intent, its token index and the correction made, if any.
    func commandWord() -> (IntentKind, Int, String?)? {
        for (i, token) in tokens.enumerated() {
            if isTimeToken[i] || token.kind == .symbol { continue }
            guard token.isWord else { return nil }
            if token.text == "did", word(i + 1) == "it" { return (.done, i + 1, nil) }
            if token.text == "time", word(i + 1) == "zone" { return (.timezone, i + 1, nil) }
            if let intent = CommandWords.intents[token.text] {
                if token.text == "add", word(i + 1) == "to" { return nil }
                return (intent, i, nil)
            }
            if CommandWords.fillers.contains(token.text) { continue }
            if let fixed = CommandWords.correction(for: token.text), let intent = CommandWords.intents[fixed] {
                return (intent, i, "\(token.text) -> \(fixed)")
            }
            return nil
        }
        return nil
    }

    /// "today", "tomorrow?", "what's next", "what's on today", "show my agenda".
    func agendaQuestion() -> ParsedCommand? {
        let ws = words.filter { !["what's", "whats", "what", "is", "on", "show", "my", "me", "for", "up", "the", "please"].contains($0) }
        let asked = words.contains { ["what's", "whats", "what", "show"].contains($0) } || ws.count == words.count
        guard asked, ws.count <= 2 else { return nil }
        switch ws {
        case ["today"], ["agenda", "today"], ["today", "agenda"]: return agenda(.today)
        case ["tomorrow"], ["agenda", "tomorrow"], ["tomorrow", "agenda"]: return agenda(.tomorrow)
        case ["next"]: return agenda(.next)
        case ["agenda"]: return agenda(.upcoming)
        case ["schedule"] where words.count > 1: return agenda(.upcoming)
        default: return nil
        }
    }

    var isHelpQuestion: Bool {
        let joined = words.joined(separator: " ")
        return tokens.count == 1 && tokens[0].isSymbol("?")
            || ["what can you do", "how does this work", "what can i say", "how do i use you"].contains(joined)
    }

    func agenda(_ scope: AgendaScope) -> ParsedCommand {
        var command = ParsedCommand(intent: .agenda, agendaScope: scope)
        if scope == .today || scope == .tomorrow {
            let resolver = TimeResolver(context: context)
            let day = resolver.today + (scope == .tomorrow ? 1 : 0)
            command.when = ResolvedTime(start: Date(timeIntervalSince1970: TimeInterval(resolver.instant(day, 0))), grain: .day)
        }
        return command
    }

    // MARK: - Pieces

    /// What all readable mentions in `range` resolve to.
    func time(in range: Range<Int>) -> ResolvedTime? {
        let inside = mentions.filter { !$0.isInvalid && $0.saysTime && range.contains($0.tokens.lowerBound) }
        return inside.isEmpty ? nil : TimeResolver(context: context).resolve(inside)
    }

    func duration(in range: Range<Int>) -> Int? {
        mentions.lazy.filter { !$0.isInvalid && range.contains($0.tokens.lowerBound) }.compactMap(\.durationMinutes).first
    }

    /// The text of the first time-like stretch that could not be read, for the reply.
    func unreadableTime(in range: Range<Int>) -> String? {
        guard let m = mentions.first(where: { $0.isInvalid && range.contains($0.tokens.lowerBound) }) else { return nil }
        return String(text[tokens[m.tokens.lowerBound].range.lowerBound..<tokens[m.tokens.upperBound - 1].range.upperBound])
    }

    /// The user's own words in `range` minus time and duration mentions (or the `dropped` tokens),
    /// without leading articles or dangling prepositions. Nil when nothing is left.
    func taskText(in range: Range<Int>, dropping dropped: Set<Int>? = nil) -> String? {
        var kept = range.filter { !(dropped?.contains($0) ?? isTimeToken[$0]) }
        let leading: Set<String> = ["a", "an", "my", "the", "with", "for", "to", "of", "-", ":", ",", "!", "."]
        let trailing: Set<String> = ["at", "on", "for", "in", "to", "from", "by", "and", "-", ":", ",", "!", ".", "?", "the", "a", "with"]
        while let first = kept.first, leading.contains(tokens[first].text) || tokens[first].kind == .symbol { kept.removeFirst() }
        while let last = kept.last, trailing.contains(tokens[last].text) || tokens[last].kind == .symbol && tokens[last].text != ")" {
            kept.removeLast()
        }
        guard !kept.isEmpty else { return nil }
        var pieces: [Substring] = []
        var runStart = kept[0]
        var previous = kept[0]
        for index in kept.dropFirst() + [Int.max] {
            if index != previous + 1 {
                pieces.append(text[tokens[runStart].range.lowerBound..<tokens[previous].range.upperBound])
                runStart = index
            }
            previous = index
        }
        return pieces.joined(separator: " ")
    }

    /// Where a free note starts when no rating marks it: at punctuation after the task, or at a word
    /// that starts a sentence about how it went ("felt", "was").
    func noteStart(in range: Range<Int>) -> Int? {
        let starters: Set<String> = ["felt", "feeling", "feel", "was", "it", "but", "too", "so", "really", "very", "that", "went", "because"]
        for i in range {
            if tokens[i].isWord, starters.contains(tokens[i].text) { return i }
            if tokens[i].kind == .symbol, [",", ";", ":", "-", ".", "!", "(", "—"].contains(tokens[i].text),
               i > range.lowerBound, range.contains(i + 1), tokens[i + 1].kind != .symbol {
                return i + 1
            }
        }
        return nil
    }
}
