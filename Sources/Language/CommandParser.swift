import Foundation

/// Reads a chat message into a command, without any LLM. The command word is the first word that is
/// neither a filler ("please") nor part of a time expression, so "tomorrow 9am schedule standup 15min"
/// works; task names keep the user's words minus the parts that were read as time, duration or rating.
public struct CommandParser: Sendable {
    public init() {}

    public func parse(_ text: String, context: TimeContext) -> Reading {
        let message = Message(text: text, context: context)
        if message.tokens.isEmpty { return Reading(.chat) }
        if let agenda = message.agendaQuestion() { return Reading(agenda) }
        if message.isHelpQuestion { return Reading(.help) }
        if let proactive = message.proactiveCommand() { return Reading(proactive) }
        guard let (intent, index, correction) = message.commandWord() else { return Reading(.chat) }
        return Reading(message.command(intent, after: index), correction: correction)
    }
}

extension Message {
    /// The command whose word is at `index`, read from the rest of the message.
    func command(_ intent: IntentKind, after index: Int) -> Command {
        switch intent {
        case .schedule: schedule(after: index)
        case .done: done(after: index)
        case .skip: skip(after: index)
        case .agenda: agenda(after: index)
        case .cancel: cancel(after: index)
        case .move: move(after: index)
        case .timezone: timezone(after: index)
        case .available: available(after: index)
        case .help: isBareHelp(after: index) ? .help : .chat
        case .plan: saysClockTime ? schedule(after: index) : plan(after: index)
        case .insights: .insights(task: taskText(in: (index + 1)..<tokens.count))
        case .why: whyQuestion(after: index)
        default: .chat
        }
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
        mentions.contains { !$0.isInvalid && ($0.clock != nil || $0.bound != nil) }
    }

    /// "why" or "why deep coding?" asks about the last suggestion; "why do I keep skipping?" is coaching chat.
    func whyQuestion(after index: Int) -> Command {
        let rest = tokens[(index + 1)...].filter(\.isWord).map(\.text)
        let questionWords: Set<String> = ["do", "does", "did", "am", "is", "are", "was", "were", "can", "can't", "cant", "could",
                                          "should", "would", "will", "i", "i'm", "im", "my", "me", "it", "not", "don't", "dont",
                                          "keep", "always", "never", "this", "that", "so", "you", "we", "they", "there"]
        guard rest.count <= 4, rest.first.map({ !questionWords.contains($0) }) ?? true else { return .chat }
        return .why(task: taskText(in: (index + 1)..<tokens.count))
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
    func agendaQuestion() -> Command? {
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

    func agenda(_ scope: AgendaScope) -> Command {
        guard scope == .today || scope == .tomorrow else { return .agenda(AgendaRequest(scope: scope)) }
        let resolver = TimeResolver(context: context)
        let day = resolver.today + (scope == .tomorrow ? 1 : 0)
        let when = ResolvedTime(start: Date(timeIntervalSince1970: TimeInterval(resolver.instant(day, 0))), grain: .day)
        return .agenda(AgendaRequest(scope: scope, when: when))
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

    /// The first duration said, in minutes (negative when written "-2h"), with its text as typed.
    func typedDuration() -> (minutes: Int, typed: String)? {
        guard let m = mentions.first(where: { !$0.isInvalid && $0.durationMinutes != nil }), let minutes = m.durationMinutes else { return nil }
        if isNegated(m) { return (-minutes, said((m.tokens.lowerBound - 1)..<m.tokens.upperBound)) }
        return (minutes, said(m.tokens))
    }

    /// "-2h": a minus stuck to the number, not a range's hyphen ("9-2h" has a number before it).
    func isNegated(_ m: TimeMention) -> Bool {
        let i = m.tokens.lowerBound
        guard i > 0, tokens[i - 1].isSymbol("-"), tokens[i].attached else { return false }
        return i < 2 || !(tokens[i - 1].attached && tokens[i - 2].kind != .symbol)
    }

    /// A negative duration in `range` ("for -2h"): no length of time can be below zero.
    func negativeDuration(in range: Range<Int>) -> ImpossibleValue? {
        guard let m = mentions.first(where: { !$0.isInvalid && $0.durationMinutes != nil && range.contains($0.tokens.lowerBound) && isNegated($0) }) else {
            return nil
        }
        return ImpossibleValue(said((m.tokens.lowerBound - 1)..<m.tokens.upperBound), .duration)
    }

    /// The first time-like stretch in `range` that could not be read, named as typed: an impossible
    /// clock or date ("25:00", "february 30"), or something unreadable.
    func timeProblem(in range: Range<Int>) -> CommandProblem? {
        guard let m = mentions.first(where: { $0.isInvalid && range.contains($0.tokens.lowerBound) }) else { return nil }
        var first = m.tokens.lowerBound
        while first + 1 < m.tokens.upperBound, let w = word(first), ["at", "on", "by", "from", "for", "in", "until", "till"].contains(w) { first += 1 }
        let typed = said(first..<m.tokens.upperBound)
        if let clock = m.clock, !clock.isValid { return .impossible(ImpossibleValue(typed, .clock)) }
        if let day = m.day, case .date = day, !day.isPossibleDate { return .impossible(ImpossibleValue(typed, .date)) }
        return .unreadableTime(typed)
    }

    /// The message's text over a token range, as typed.
    func said(_ range: Range<Int>) -> String {
        String(text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound])
    }

    /// A rating written on a scale that it exceeds ("15/10", "7/5", "rating 12").
    func impossibleRating(in range: Range<Int>) -> ImpossibleValue? {
        for i in range where tokens[i].isNumber {
            if i + 2 < tokens.count, tokens[i + 1].isSymbol("/"), tokens[i + 2].isNumber, [5, 10].contains(tokens[i + 2].value),
               tokens[i].value > tokens[i + 2].value {
                return ImpossibleValue(said(i..<(i + 3)), .rating)
            }
            if i > range.lowerBound, let previous = word(i - 1), ["rating", "rated", "score", "scored"].contains(previous), tokens[i].value > 10 {
                return ImpossibleValue(said((i - 1)..<(i + 1)), .rating)
            }
        }
        return nil
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
