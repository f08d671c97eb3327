import Foundation

/// The grammar of each command, on top of a read message.
extension Message {
    /// `schedule <task> [when] [for <duration>]`; the command word may come after the time.
    func schedule(after index: Int) -> Command {
        let all = 0..<tokens.count
        // "add it to the list", "put that on hold": a pronoun names nothing to schedule.
        if let next = word(index + 1), ["it", "that", "this", "them"].contains(next) { return .chat }
        let task = taskText(in: (index + 1)..<tokens.count)
        if let problem = timeProblem(in: all) { return .unreadable(Unreadable(.schedule, problem, task: task)) }
        if let negative = negativeDuration(in: all) { return .unreadable(Unreadable(.schedule, .impossible(negative), task: task)) }
        guard let task else {
            // "schedule lunch tomorrow": with nothing else to name the task, the time word is its name.
            if let name = mentions.first(where: { $0.tokens.count == 1 && $0.tokens.lowerBound > index && $0.part != nil && $0.day == nil }) {
                return readingAsName(name).schedule(after: index)
            }
            // "schedule for tomorrow?", "schedule on friday": the noun, asking what is on then.
            if time(in: all) != nil { return .agenda(agendaRequest()) }
            return .unreadable(Unreadable(.schedule, .missing(.task)))
        }
        let said = duration(in: all)
        let span = said == nil ? rangeMinutes(in: all) : nil
        // "actually put the dentist on the 4th instead": a time said to replace one is a move of that task.
        if let instead = tokens.lastIndex(where: { $0.isWord("instead") }), let when = time(in: all),
           let name = taskText(in: (index + 1)..<tokens.count, dropping: Set(tokens.indices.filter { isTimeToken[$0] || $0 == instead })) {
            return .move(MoveRequest(task: name, to: when, durationMinutes: said ?? span, isClockSpan: span != nil,
                                     keepsEventDay: Self.saysOnlyTimeOfDay(mentions), keepsEventTime: Self.saysSameTime(tokens)))
        }
        return .schedule(ScheduleRequest(task: task, when: time(in: all), durationMinutes: said ?? span, isClockSpan: span != nil))
    }

    /// The length of a clock range said ("2-4pm" is 120 minutes), which is how long the task takes.
    func rangeMinutes(in range: Range<Int>) -> Int? {
        Self.rangeLength(mentions.filter { range.contains($0.tokens.lowerBound) })
    }

    static func rangeLength(_ mentions: [TimeMention]) -> Int? {
        guard let m = mentions.first(where: { !$0.isInvalid && $0.clock != nil && $0.clockEnd != nil }),
              let first = m.clock, let second = m.clockEnd else { return nil }
        let part = mentions.lazy.compactMap(\.part).first
        let (start, end) = ClockTime.rangeMinutes(first, second, prefersAfternoon: part?.prefersAfternoon)
        return end > start ? end - start : nil
    }

    /// "I'm in Asia/Seoul timezone now": a zone name said beside the word time zone, without the command first.
    func statedTimeZone() -> Command? {
        guard words.contains(where: { ["timezone", "tz"].contains($0) }) || zip(words, words.dropFirst()).contains(where: { $0 == "time" && $1 == "zone" }) else {
            return nil
        }
        for i in tokens.indices where tokens[i].isWord && i + 1 < tokens.count && tokens[i + 1].isSymbol("/") && tokens[i + 1].attached {
            var end = i + 1
            while end < tokens.count, tokens[end].attached, !(tokens[end].kind == .symbol && ".!?,;".contains(tokens[end].text)) { end += 1 }
            if let name = Self.zoneName(said(i..<end)) { return .timezone(name: name) }
        }
        return zoneOfCity()
    }

    /// "I'm in London now", "just landed in Tokyo", "moved to Sydney": a city the zone database names, said with
    /// nothing but where the user is now (no other time: "I moved to Berlin last year" tells a story).
    func cityTimeZone() -> Command? {
        let allowed: Set<String> = ["i'm", "im", "i", "am", "now", "in", "just", "landed", "arrived", "moved", "to", "currently", "based",
                                    "living", "back", "here", "we're", "relocated", "at", "we", "are", "have", "i've", "got", "made", "it", "ok", "so",
                                    "for", "the", "week", "weekend", "few", "days", "a", "while", "couple", "of"]
        // "I'm in Berlin this week" says where the user is; "I moved to Berlin last year" tells a story.
        let said = mentions.filter { !$0.isInvalid && $0.saysTime && !$0.isNow }
        let past = said.isEmpty ? false : (TimeResolver(context: context).resolve(said).map { $0.start < context.now.addingTimeInterval(-86_400) } ?? true)
        guard !past, !words.contains(where: { ["time", "timezone", "tz"].contains($0) }), let city = cityWords() else { return nil }
        let timeWords = Set(tokens.indices.filter { isTimeToken[$0] }.map { tokens[$0].text })
        let others = words.enumerated().filter { !city.words.contains($0.offset) && !timeWords.contains($0.element) }.map(\.element)
        guard others.contains(where: { ["in", "to", "landed", "arrived"].contains($0) }), others.allSatisfy(allowed.contains),
              !said.isEmpty || mentions.contains(where: { $0.durationMinutes != nil }) || words.contains(where: { ["now", "for", "just", "landed", "arrived", "moved", "currently", "relocated", "here"].contains($0) })
        else { return nil }
        return .timezone(name: city.zone)
    }

    /// With a time-zone word said: "just landed in tokyo, switch my time zone", "i moved to sydney, update my timezone".
    private func zoneOfCity() -> Command? {
        cityWords().map { .timezone(name: $0.zone) }
    }

    /// The first word (or two or three words) that is a city of the zone database, and its zone.
    private func cityWords() -> (words: Range<Int>, zone: String)? {
        let ws = words
        for start in ws.indices {
            for count in [3, 2, 1] where start + count <= ws.count {
                let key = ws[start..<(start + count)].joined(separator: "_")
                if let zone = Self.zonesByCity[key] { return (start..<(start + count), zone) }
            }
        }
        return nil
    }

    /// "tokyo" -> Asia/Tokyo, "new_york" -> America/New_York: the last part of every region zone, lower-cased.
    private static let zonesByCity: [String: String] = {
        var cities: [String: String] = [:]
        for id in TimeZone.knownTimeZoneIdentifiers where id.contains("/") && !id.hasPrefix("Etc/") && !id.hasPrefix("SystemV/") {
            guard let city = id.split(separator: "/").last?.lowercased(), city.count >= 4, cities[city] == nil else { continue }
            cities[city] = id
        }
        return cities
    }()

    /// `done` [task] [rating] [note]: before the rating is the task, after it the note.
    func done(after index: Int) -> Command {
        // "I'm done for today": a day's end, not a task's.
        if word(index + 1) == "for", let next = word(index + 2), ["today", "tonight", "now", "the", "this"].contains(next) { return .chat }
        // "done with this week", "done with the day": the stretch is over, no task is.
        if word(index + 1) == "with", let next = word(index + 2),
           ["today", "tonight", "this"].contains(next) || next == "the" && ["day", "week", "month"].contains(word(index + 3) ?? "") {
            return .chat
        }
        // "done gym now": log it as done at this moment, whatever was planned.
        if let now = tokens.indices.first(where: { $0 > index && word($0) == "now" }) {
            let from = now > index + 1 && ["just", "right"].contains(word(now - 1) ?? "") ? now - 1 : now
            var rest = text
            rest.removeSubrange(tokens[from].range.lowerBound..<tokens[now].range.upperBound)
            guard case .done(var report) = Message(text: rest, context: context, knownNames: knownNames).command(.done, after: index) else {
                return .chat
            }
            report.when = ResolvedTime(start: context.now, grain: .minute)
            return .done(report)
        }
        let rest = (index + 1)..<tokens.count
        if let impossible = impossibleRating(in: rest) {
            return .unreadable(Unreadable(.done, .impossible(impossible)))
        }
        guard let found = rest.lazy.compactMap({ RatingParser.rating(in: tokens, at: $0) }).first else {
            let split = noteStart(in: rest) ?? tokens.count
            let (taskEnd, when) = trailingTime(of: rest.lowerBound..<split)
            return .done(OutcomeReport(task: plainText(in: rest.lowerBound..<taskEnd), note: plainText(in: split..<tokens.count), when: when))
        }
        let beforeRating = rest.lowerBound..<found.tokens.lowerBound
        let noteFrom = found.isWord ? found.tokens.lowerBound : found.tokens.upperBound
        let noteAt = noteStart(in: beforeRating) ?? beforeRating.upperBound
        let (taskEnd, when) = trailingTime(of: rest.lowerBound..<noteAt)
        let starterNote = noteAt < beforeRating.upperBound ? plainText(in: noteAt..<beforeRating.upperBound) : nil
        let afterNote = plainText(in: noteFrom..<tokens.count)
        return .done(OutcomeReport(task: plainText(in: rest.lowerBound..<taskEnd), rating: found.value,
                                   note: [starterNote, afterNote].compactMap { $0 }.joined(separator: " ").nonEmpty, when: when))
    }

    /// "did my meditation this morning", "finished reading for 30 min": a time or a length that ends a done task is
    /// when (or how long) it happened, not part of its name. Returns where the name ends and the time said.
    private func trailingTime(of range: Range<Int>) -> (end: Int, when: ResolvedTime?) {
        var end = range.upperBound
        while end > range.lowerBound, tokens[end - 1].kind == .symbol || Self.courtesy.contains(tokens[end - 1].text) { end -= 1 }
        var said: [TimeMention] = []
        while let m = mentions.last(where: { !$0.isInvalid && $0.tokens.contains(end - 1) && $0.tokens.lowerBound > range.lowerBound }) {
            if m.saysTime { said.insert(m, at: 0) }
            end = m.tokens.lowerBound
            while end > range.lowerBound + 1, let w = word(end - 1), ["at", "on", "for", "in", "this", "from"].contains(w) { end -= 1 }
        }
        guard end < range.upperBound, end > range.lowerBound else { return (range.upperBound, nil) }
        return (end, said.isEmpty ? nil : TimeResolver(context: context).resolve(said))
    }

    /// `skip` / `missed` [task] [note after punctuation]; a time said narrows which event.
    func skip(after index: Int) -> Command {
        let rest = (index + 1)..<tokens.count
        let split = noteStart(in: rest).flatMap { tokens[$0].isWord && ["felt", "feeling", "was", "too", "because", "so", "but"].contains(tokens[$0].text) || tokens[$0 - 1].kind == .symbol ? $0 : nil } ?? tokens.count
        return .skip(OutcomeReport(task: taskText(in: rest.lowerBound..<split), note: plainText(in: split..<tokens.count),
                                   when: time(in: 0..<tokens.count)))
    }

    func agenda(after index: Int) -> Command {
        .agenda(agendaRequest())
    }

    /// `cancel <task> [when]`.
    func cancel(after index: Int) -> Command {
        let all = 0..<tokens.count
        // "take the massage off friday", "take gym off my calendar": the "off" belongs to the verb.
        let taken = tokens[index].text == "take" || index > 0 && tokens[index - 1].text == "take"
        let off = taken ? tokens.indices.first { $0 > index && tokens[$0].isWord("off") } : nil
        let dropped = off.map { Set([$0]).union(tokens.indices.filter { isTimeToken[$0] }) }
        // "cancel everything tomorrow afternoon", "cancel all of friday": every event in the time said.
        let task = taskText(in: (index + 1)..<tokens.count, dropping: dropped).flatMap { Self.namesEverything($0) ? nil : $0 }
        if let problem = timeProblem(in: all) { return .unreadable(Unreadable(.cancel, problem, task: task)) }
        let when = time(in: all)
        guard task != nil || when != nil else { return .unreadable(Unreadable(.cancel, .missing(.task))) }
        return .cancel(EventChoice(task: task, when: when))
    }

    /// "everything", "all my meetings", "all of it": every event in the time said, not a task.
    static func namesEverything(_ task: String) -> Bool {
        let words = task.lowercased().split(separator: " ").map(String.init)
        guard let first = words.first, ["everything", "all", "it"].contains(first) else { return false }
        return words.allSatisfy { ["everything", "all", "of", "it", "my", "the", "meetings", "events", "appointments", "plans", "stuff", "things",
                                   "tasks", "sessions", "else"].contains($0) }
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
        if namesOnlyAPeriod(first...last) { return .agenda(agendaRequest()) }
        return .plan(PlanRequest(goal: String(text[tokens[first].range.lowerBound..<tokens[last].range.upperBound]), wantsFresh: fresh))
    }

    /// "plan my day", "plan tomorrow", "plan out the week": a day or week to plan is its agenda, not a goal.
    private func namesOnlyAPeriod(_ range: ClosedRange<Int>) -> Bool {
        let free = range.filter { tokens[$0].isWord && !isTimeToken[$0] }
        let namesPeriod = range.contains { isTimeToken[$0] } || free.contains { ["day", "week"].contains(tokens[$0].text) }
        return namesPeriod && free.allSatisfy { Self.periodFillers.contains(tokens[$0].text) }
    }

    private static let periodFillers: Set<String> = ["my", "the", "day", "week", "out", "for", "me", "rest", "of", "please", "pls", "whole", "entire"]

    /// `move <task> to <when>`: the last "to" followed by a readable time splits task and destination.
    func move(after index: Int) -> Command {
        for t in stride(from: tokens.count - 2, to: index, by: -1) where tokens[t].isWord("to") || tokens[t].isWord("until") || tokens[t].isWord("till") {
            let tail = Array(tokens[(t + 1)...])
            let tailMentions = destination(tail)
            guard tailMentions.first?.tokens.lowerBound == 0, tailMentions.contains(where: \.saysTime),
                  let when = TimeResolver(context: context).resolve(tailMentions) else { continue }
            let head = Array(tokens[..<t])
            let headMentions = TimeScanner(tokens: head).scan()
            let named = Self.nameTokens(head, headMentions, knownNames: knownNames)
            var headTime = headMentions.filter { !$0.tokens.contains(where: named.contains) }.flatMap { Array($0.tokens) }
            let eventAt = headMentions.filter { m in m.tokens.lowerBound > index && !m.tokens.contains(where: named.contains) }
            // "move lunch with sam back to 1", "move the call up to 2pm": the particle is the verb's.
            if t - 1 > index + 1, ["back", "up", "forward", "over", "out"].contains(tokens[t - 1].text) { headTime.append(t - 1) }
            // "move my 3pm to 4": the event is named by its time only.
            guard let task = taskText(in: (index + 1)..<t, dropping: Set(headTime)) ?? (eventTime(eventAt) != nil ? "" : nil) else {
                return .unreadable(Unreadable(.move, .missing(.task)))
            }
            let said = tailMentions.lazy.compactMap(\.durationMinutes).first
            let span = said == nil ? Self.rangeLength(tailMentions) : nil
            var request = MoveRequest(task: task, to: when, durationMinutes: said ?? span, isClockSpan: span != nil,
                                      keepsEventDay: Self.saysOnlyTimeOfDay(tailMentions), keepsEventTime: Self.saysSameTime(tail))
            request.from = eventTime(eventAt)
            return .move(request)
        }
        if let problem = timeProblem(in: 0..<tokens.count) {
            return .unreadable(Unreadable(.move, problem, task: taskText(in: (index + 1)..<tokens.count)))
        }
        // "reschedule gym for friday 6pm", "move gym friday 6pm": the time that ends the message is where it goes.
        let ending = mentions.filter { $0.tokens.lowerBound > index && !$0.isInvalid && $0.saysTime && !follows("from", $0) }
        if let last = ending.last, tokens[last.tokens.upperBound...].allSatisfy({ $0.kind == .symbol || Self.courtesy.contains($0.text) }),
           let when = TimeResolver(context: context).resolve(ending), let task = taskText(in: (index + 1)..<tokens.count) {
            let said = duration(in: 0..<tokens.count)
            let span = said == nil ? rangeMinutes(in: 0..<tokens.count) : nil
            var request = MoveRequest(task: task, to: when, durationMinutes: said ?? span, isClockSpan: span != nil,
                                      keepsEventDay: Self.saysOnlyTimeOfDay(ending), keepsEventTime: Self.saysSameTime(tokens))
            request.from = eventTime(mentions.filter { $0.tokens.lowerBound > index && follows("from", $0) })
            return .move(request)
        }
        return .unreadable(Unreadable(.move, .missing(.destination), task: taskText(in: (index + 1)..<tokens.count)))
    }

    /// The time said with a task to pick which of its events is meant ("gym from monday", "tomorrow's run").
    func eventTime(_ said: [TimeMention]) -> ResolvedTime? {
        let timed = said.filter { !$0.isInvalid && $0.saysTime }
        guard !timed.isEmpty, var when = TimeResolver(context: context).resolve(timed) else { return nil }
        when.open = nil  // "from monday" names Monday, not everything after it
        return when
    }

    /// Whether the word before a mention is `word` ("from monday").
    private func follows(_ word: String, _ mention: TimeMention) -> Bool {
        mention.tokens.lowerBound > 0 && tokens[mention.tokens.lowerBound - 1].isWord(word)
    }

    /// Where a `move` goes: the time mentions of the words after "to", or a bare hour ("move my run to 7").
    private func destination(_ tail: [Token]) -> [TimeMention] {
        let scanner = TimeScanner(tokens: tail)
        let found = scanner.scan().filter { !$0.isInvalid }
        if found.first?.tokens.lowerBound == 0 { return found }
        guard let (clock, next) = scanner.clockTime(at: 0, strong: false), clock.isValid,
              tail[next...].allSatisfy({ $0.kind == .symbol || Self.courtesy.contains($0.text) }) else { return found }
        var mention = TimeMention(tokens: 0..<next)
        mention.clock = clock
        return [mention]
    }

    /// `timezone <IANA name>`: the zone is the first run of characters typed without a space after the
    /// command ("set my timezone to Asia/Seoul please"), checked against the zone database.
    func timezone(after index: Int) -> Command {
        var i = index + 1
        while i < tokens.count, tokens[i].kind == .symbol || ["to", "is", "now", "as", "be", "=", "in"].contains(tokens[i].text) { i += 1 }
        guard i < tokens.count else { return .unreadable(Unreadable(.timezone, .missing(.timeZone))) }
        var end = i + 1
        while end < tokens.count, tokens[end].attached, !(tokens[end].kind == .symbol && ".!?,;".contains(tokens[end].text)) { end += 1 }
        let typed = said(i..<end)
        guard let name = Self.zoneName(typed) else { return .unreadable(Unreadable(.timezone, .unknownTimeZone(typed))) }
        return .timezone(name: name)
    }

    /// The zone's name as the zone database spells it ("asia/seoul" is Asia/Seoul), offsets and UTC as typed.
    static func zoneName(_ typed: String) -> String? {
        if let zone = TimeZone(identifier: typed), typed.contains("/") || zone.identifier == typed { return typed }
        if ZoneName.timeZone(typed) != nil, !typed.contains("/") { return typed }
        let lower = typed.lowercased()
        return TimeZone.knownTimeZoneIdentifiers.first { $0.lowercased() == lower }
    }

    /// Text in a range, punctuation trimmed, time mentions kept (a note or a done-task is free text).
    func plainText(in range: Range<Int>) -> String? {
        guard !range.isEmpty else { return nil }
        var kept = Array(range)
        while let first = kept.first, tokens[first].kind == .symbol || ["with", "w", "the", "my"].contains(tokens[first].text)
            || Self.courtesy.contains(tokens[first].text) {
            kept.removeFirst()
        }
        while let last = kept.last, tokens[last].kind == .symbol && tokens[last].text != ")" || Self.courtesy.contains(tokens[last].text) {
            kept.removeLast()
        }
        guard let first = kept.first, let last = kept.last else { return nil }
        return String(text[tokens[first].range.lowerBound..<tokens[last].range.upperBound])
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
