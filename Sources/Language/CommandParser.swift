import Foundation

/// Reads a chat message into a command, without any LLM. The command word is the first word that is
/// neither a filler ("please") nor part of a time expression, so "tomorrow 9am schedule standup 15min"
/// works; task names keep the user's words minus the parts that were read as time, duration or rating.
public struct CommandParser: Sendable {
    public init() {}

    public func parse(_ text: String, context: TimeContext) -> Reading {
        parse(text, context: context, knownNames: [])
    }

    /// `knownNames` are the user's task types and past titles: a time word inside one of them
    /// ("Evening Walk") is read as part of the name.
    public func parse(_ text: String, context: TimeContext, knownNames: [String]) -> Reading {
        var commandContext = context
        commandContext.bareHours = .workingDay
        var message = Message(text: text, context: commandContext, knownNames: knownNames)
        if message.tokens.allSatisfy({ $0.kind == .symbol }) {
            return Reading(message.tokens.contains { $0.isSymbol("?") } ? .help : .chat)
        }
        let correction = message.correctCommandWord()
        let command = message.command()
        if case .skip(let report) = command, message.missesSomeone(report.task) { return Reading(.chat, correction: correction) }
        return Reading(command, correction: correction)
    }
}

extension Message {
    /// "I missed my mom today", "miss you guys": missing a person or a place is a feeling, not a skipped task, unless
    /// the user has a task of that name ("missed my call with mom" is still a skip).
    func missesSomeone(_ task: String?) -> Bool {
        guard let task, words.contains(where: { ["miss", "missed", "missing", "misses"].contains($0) }) else { return false }
        let named = task.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard !named.isEmpty, named.allSatisfy({ Message.missedOnes.contains($0) || ["my", "the", "our", "little", "big", "so", "much"].contains($0) }),
              named.contains(where: Message.missedOnes.contains) else { return false }
        return !knownNames.contains { $0.lowercased() == task.lowercased() }
    }

    static let missedOnes: Set<String> = [
        "mom", "mum", "mother", "dad", "father", "parents", "family", "kids", "children", "son", "daughter", "baby",
        "sister", "brother", "sis", "bro", "siblings", "wife", "husband", "partner", "girlfriend", "boyfriend", "gf", "bf",
        "grandma", "grandpa", "granny", "nan", "grandparents", "friend", "friends", "bestie", "you", "guys", "everyone",
        "home", "dog", "cat", "puppy", "old", "him", "her", "them",
    ]
}

extension Message {
    /// The command the message states, or chat.
    func command() -> Command {
        if isHelpQuestion { return .help }
        // "never mind, cancel that", "nvm, move it to 5", "scratch that, make it 6": what follows the dismissal is the request.
        if let rest = afterOpeningDismissal() ?? afterPoliteOpening() { return rest }
        if let takeBack = undoRequest() ?? reRating() ?? separateTaskRequest() { return takeBack }
        if let restated = restatedCommand() { return restated }
        if let agenda = agendaQuestion() ?? freeTimeQuestion() ?? nextOfTaskQuestion() ?? stillOnQuestion() { return agenda }
        if let proactive = proactiveCommand() { return proactive }
        if asksForAdvice { return .chat }
        // "schedule gym at 6pm, any tips?": the request before the advice clause is the command.
        if let clause = adviceClause { return Message(text: String(text[..<tokens[clause].range.lowerBound]), context: context, knownNames: knownNames).command() }
        if let shifted = relativeMove() ?? lengthChange() { return shifted }
        guard let (intent, index) = commandWord() else {
            return taskThenDone() ?? taskWasRated() ?? skipAfterAReason() ?? followUpMove() ?? taskAtClockTime() ?? statedTimeZone() ?? cityTimeZone() ?? .chat
        }
        return command(intent, after: index)
    }

    /// "overslept and missed my 7am run", "got sick and skipped gym": what happened first is the reason for the skip.
    func skipAfterAReason() -> Command? {
        guard let and = tokens.firstIndex(where: { $0.isWord("and") }), and > 0, and <= 4,
              (0..<and).allSatisfy({ tokens[$0].isWord && !isTimeToken[$0] && !Self.chatOpeners.contains(tokens[$0].text) }),
              let next = word(and + 1), ["missed", "skipped", "bailed", "blew"].contains(next) else { return nil }
        let reason = said(0..<and)
        guard case .skip(var report) = reading(String(text[tokens[and + 1].range.lowerBound...])), report.task != nil else { return nil }
        report.note = [report.note, reason].compactMap { $0 }.joined(separator: "; ")
        return .skip(report)
    }

    /// "would it be possible to book a massage next week", "just wanted to let you know I completed the report": the
    /// request after a polite opening.
    func afterPoliteOpening() -> Command? {
        let ws = words
        guard let opening = Self.politeOpenings.first(where: { ws.starts(with: $0) }), ws.count > opening.count,
              let start = tokens.indices.filter({ tokens[$0].isWord }).dropFirst(opening.count).first else { return nil }
        let rest = reading(String(text[tokens[start].range.lowerBound...]))
        return rest == .chat ? nil : rest
    }

    static let politeOpenings: [[String]] = [
        "would it be possible to", "is it possible to", "would you be able to", "are you able to", "do you think you could",
        "i was wondering if you could", "i was wondering if i could", "would you mind", "just wanted to let you know that",
        "just wanted to let you know", "just to let you know", "fyi", "heads up", "quick update", "just a heads up", "update",
        "so i was thinking", "i was thinking", "hey so i was thinking", "hi so", "ok so", "so",
    ].map { $0.split(separator: " ").map(String.init) }

    func afterOpeningDismissal() -> Command? {
        let ws = words
        let openings: [[String]] = [["never", "mind"], ["nevermind"], ["nvm"], ["forget", "it"], ["forget", "that"], ["scratch", "that"], ["no", "wait"]]
        guard let opening = openings.first(where: { ws.starts(with: $0) }),
              let cut = tokens.indices.first(where: { [",", ";", "-", "."].contains(tokens[$0].text) && tokens[$0].kind == .symbol }),
              tokens[..<cut].filter(\.isWord).count == opening.count, cut + 1 < tokens.count,
              tokens[(cut + 1)...].contains(where: \.isWord) else { return nil }
        let rest = reading(String(text[tokens[cut + 1].range.lowerBound...]))
        return rest == .chat ? nil : rest
    }

    /// "gym done 8/10", "deep work finished, felt great": a short task name before the done word reads as
    /// "done <task> ...". "all done", "almost finished", "homework done by friday?" are not reports.
    func taskThenDone() -> Command? {
        // "5k run done": a number joined to a word starts a name.
        guard var start = tokens.firstIndex(where: { $0.isWord && !CommandWords.fillers.contains($0.text) }) else { return nil }
        if start > 0, tokens[start - 1].isNumber, tokens[start].attached { start -= 1 }
        if ["my", "the", "today's"].contains(tokens[start].text) { start += 1 }
        var j = start
        var nameEnd: Int?
        while j < tokens.count, j - start <= 4, tokens[j].isWord || j == start && tokens[j].isNumber, !isTimeToken[j],
              !Self.trailingDoneWords.contains(tokens[j].text) {
            // "cooking is finish", "laundry is done": a copula between the name and the done word.
            if j > start, nameEnd == nil, Self.copulas.contains(tokens[j].text), let next = word(j + 1), Self.trailingDoneWords.contains(next) {
                nameEnd = j
                j += 1
                continue
            }
            guard !Self.notTaskNameWords.contains(tokens[j].text) || j > start && Self.nameConnectors.contains(tokens[j].text),
                  !Self.chatOpeners.contains(tokens[j].text) else { return nil }
            j += 1
        }
        // "laundry - done", "cleaning the flat: done": a dash or colon may stand before the done word.
        if j > start, j + 1 < tokens.count, ["-", ":", "—", "="].contains(tokens[j].text), tokens[j].kind == .symbol,
           Self.trailingDoneWords.contains(tokens[j + 1].text) { j += 1 }
        guard j > start, j < tokens.count, Self.trailingDoneWords.contains(tokens[j].text), !tokens.contains(where: { $0.isSymbol("?") }) else {
            return nil
        }
        if let next = word(j + 1), Self.deadlineWords.contains(next) { return nil }
        let rest = String(text[tokens[j].range.upperBound...])
        var name = said(start..<(nameEnd ?? j))
        // "yoga's done": the contracted "is" is not part of the name.
        if nameEnd == nil, name.hasSuffix("'s") || name.hasSuffix("’s") { name = String(name.dropLast(2)) }
        let reordered = Message(text: "done " + name + rest, context: context, knownNames: knownNames)
        guard case .done(let report) = reordered.command(), report.task != nil else { return nil }
        return .done(report)
    }

    /// "yoga was great ⭐⭐⭐⭐⭐", "the run went ok, 6/10": a short task, how it went and a number for it report it done.
    /// Without the number ("yoga is harder than it looks", "the gym was packed") it is talk.
    func taskWasRated() -> Command? {
        guard let verb = tokens.firstIndex(where: { ["was", "went", "felt"].contains($0.text) && $0.isWord }), verb > 0,
              let found = tokens.indices.lazy.compactMap({ RatingParser.rating(in: self.tokens, at: $0) }).first(where: { !$0.isWord && $0.tokens.lowerBound > verb }),
              impossibleRating(in: 0..<tokens.count) == nil else { return nil }
        var start = tokens.firstIndex(where: { $0.isWord && !CommandWords.fillers.contains($0.text) }) ?? verb
        if let w = word(start), ["my", "the", "today's"].contains(w) { start += 1 }
        let name = (start..<verb).filter { tokens[$0].isWord }
        guard !name.isEmpty, name.count <= 4, name.count == verb - start, !name.contains(where: { Self.notTaskNameWords.contains(tokens[$0].text)
            || Self.chatOpeners.contains(tokens[$0].text) || isTimeToken[$0] }) else { return nil }
        let note = [plainText(in: (verb + 1)..<found.tokens.lowerBound), plainText(in: found.tokens.upperBound..<tokens.count)].compactMap { $0 }
        return .done(OutcomeReport(task: said(start..<verb), rating: found.value, note: note.joined(separator: " ").nonEmpty))
    }

    /// "gym 7am tmrw", "call mom at 5pm", "laundry this arvo", "pay rent on the 1st": nothing but a short task name and
    /// a time precise enough to book reads as "schedule". A bare day ("busy day tomorrow", "happy friday") stays chat.
    func taskAtClockTime() -> Command? {
        // "Dentist thursday 3pm ?": a question mark after nothing but a task and its time still asks to book it.
        guard saysBookableTime else { return nil }
        // "1:1 with Priya wed 2-2:30": a number that is no time is a word of the name.
        var taskWords = tokens.indices.filter { (tokens[$0].isWord || tokens[$0].isNumber) && !isTimeToken[$0] && !CommandWords.fillers.contains(tokens[$0].text)
            && !Self.courtesy.contains(tokens[$0].text) }
        // "1h of reading tonight": the length said first, then what.
        if let first = taskWords.first, tokens[first].isWord("of"), first > 0, mentions.contains(where: { $0.durationMinutes != nil && $0.tokens.upperBound == first }) {
            taskWords.removeFirst()
        }
        guard let first = taskWords.first, let last = taskWords.last,
              taskWords.count - taskWords.filter({ Self.nameConnectors.contains(tokens[$0].text) || tokens[$0].isNumber }).count <= 4,
              // One run of words, before or after the time ("gym 7am tmrw", "tomorrow 7am gym"), or a name the time splits
              // before a joining word ("dinner at 7 with sam").
              (first...last).allSatisfy({ !isTimeToken[$0] }) || zip(taskWords, taskWords.dropFirst()).allSatisfy({ a, b in
                  b == a + 1 || ["with", "w", "for"].contains(tokens[b].text) && (a + 1..<b).allSatisfy { isTimeToken[$0] || tokens[$0].kind == .symbol }
              }),
              !Self.nameConnectors.contains(tokens[first].text), !Self.nameConnectors.contains(tokens[last].text),
              !taskWords.contains(where: { !Self.nameConnectors.contains(tokens[$0].text) && Self.notTaskNameWords.contains(tokens[$0].text)
                  || Self.chatOpeners.contains(tokens[$0].text) || Self.toldNotAsked.contains(tokens[$0].text)
                  || Self.statesNotTasks.contains(tokens[$0].text) && !isModifier($0, in: taskWords) && !isParticle($0)
                  || RatingParser.words[tokens[$0].text] != nil })
        else { return nil }
        guard let opening = tokens.firstIndex(where: { ($0.isWord || $0.isNumber) && !CommandWords.fillers.contains($0.text) }) else { return nil }
        let reading = Message(text: "schedule " + text[tokens[opening].range.lowerBound...], context: context, knownNames: knownNames).command()
        guard case .schedule(let request) = reading, request.when != nil else { return nil }
        return reading
    }

    /// A time precise enough to book by itself: a clock, a part of day, a date or "in 2 hours"; a bare day or week
    /// only with a length said beside it. "home by 6pm" (a bound) tells where someone will be.
    private var saysBookableTime: Bool {
        let said = mentions.filter { !$0.isInvalid && $0.saysTime && $0.bound == nil }
        // "in 2 hours" books; "2 hours later we left" tells.
        let ahead = { (m: TimeMention) in m.offset != nil && self.tokens[m.tokens.lowerBound].isWord("in") }
        if said.contains(where: { $0.clock != nil || $0.part != nil || ahead($0) || $0.day.map(Self.isDate) == true }) { return true }
        // "brunch with the girls sunday": a meal in the name says the time of day.
        if !said.isEmpty, tokens.indices.contains(where: { !isTimeToken[$0] && Self.mealWords.contains(tokens[$0].text) }) { return true }
        return !said.isEmpty && mentions.contains { !$0.isInvalid && $0.durationMinutes != nil }
    }

    private static func isDate(_ day: DaySpec) -> Bool {
        switch day {
        case .date, .dayOfMonth, .numeric, .dayOf: true
        default: false
        }
    }

    /// Negations and past tenses tell what is or was, not what to book ("can't go to piano tonight", "went for a run
    /// this morning").
    static let toldNotAsked: Set<String> = [
        "can't", "cant", "cannot", "won't", "wont", "don't", "dont", "didn't", "didnt", "couldn't", "couldnt", "wasn't", "isn't", "no",
        "went", "had", "did", "got", "came", "left", "saw", "met", "ate", "ran", "slept", "woke", "took", "made", "felt", "missed",
    ]

    /// Small words that join the words of a name ("call with mom", "flight to lisbon", "vet appointment for biscuit").
    static let nameConnectors: Set<String> = ["with", "w", "for", "to", "of", "and", "&", "the", "my", "a"]

    /// "finish taxes by friday", "need to finish the design doc by eod friday", "midnight tonight finish taxes": the
    /// plain verb "finish" with a deadline or a time still to come is a plan to book, not a report ("finished" is one).
    func plansToFinish(at index: Int) -> Bool {
        guard tokens[index].text == "finish" else { return false }
        let said = mentions.filter { !$0.isInvalid && $0.saysTime }
        if said.contains(where: { $0.bound == .before || $0.bound == .by }) { return true }
        guard let when = TimeResolver(context: context).resolve(said) else { return false }
        return when.start > context.now
    }

    /// A plan to finish something at a clock time ("midnight tonight finish taxes", "finish the slides at 3pm") has
    /// it done by then: the time between now and that clock, not a slot starting at it.
    private func finishPlan(after index: Int) -> Command {
        guard case .schedule(var request) = schedule(after: index) else { return schedule(after: index) }
        if let when = request.when, when.end == nil, [.hour, .minute].contains(when.grain), when.start > context.now {
            request.when = ResolvedTime(start: context.now, end: when.start, grain: .second)
        }
        return .schedule(request)
    }

    /// "long run", "big shop", "late lunch": an adjective before a task word names the task ("long day" does not).
    private func isModifier(_ i: Int, in taskWords: [Int]) -> Bool {
        guard Self.taskModifiers.contains(tokens[i].text), let k = taskWords.firstIndex(of: i), k + 1 < taskWords.count else { return false }
        return !Self.statesNotTasks.contains(tokens[taskWords[k + 1]].text)
    }

    static let taskModifiers: Set<String> = ["long", "big", "hard", "early", "late"]

    /// "pick up dry cleaning", "drop off the parcel", "clean up the garage": the particle of a verb in the name.
    private func isParticle(_ i: Int) -> Bool {
        guard ["up", "off", "out", "in", "back"].contains(tokens[i].text), i > 0 else { return false }
        return ["pick", "clean", "catch", "follow", "check", "sort", "tidy", "back", "write", "fill", "hand", "send", "print",
                "work", "clear", "set", "sign", "log", "call", "take", "bring", "mail", "post"].contains(tokens[i - 1].text)
    }

    /// Words that say where or how someone is at a time, not what to do then ("home at 6", "busy at 3").
    static let statesNotTasks: Set<String> = [
        "home", "back", "busy", "free", "tired", "late", "early", "off", "out", "up", "here", "there", "awake", "asleep", "sick",
        "ready", "available", "away", "online", "offline", "gone", "leaving", "arriving", "landing", "starting", "ending", "open",
        "closed", "happy", "crazy", "long", "big", "rough", "hard", "fun", "same", "again", "only", "maybe", "probably", "see", "bye",
        "night", "morning", "evening", "afternoon", "day", "week", "weekend", "yesterday", "vibes", "mood", "blues", "feels", "feeling",
        "plans", "lol", "haha", "nice", "cool", "great", "thanks", "love", "hate", "ugh", "wow", "yay", "hooray", "finally", "tired",
        // The weather and the verbs of a statement ("sunny this afternoon", "school starts on the 3rd", "talk later tonight").
        "sunny", "rainy", "raining", "snowing", "snowy", "cold", "hot", "windy", "cloudy", "warm", "starts", "begins", "ends", "opens",
        "closes", "arrives", "leaves", "comes", "goes", "later", "soon", "works", "suits",
    ]

    static let trailingDoneWords: Set<String> = ["done", "finished", "finish", "complete", "completed", "dun"]
    static let copulas: Set<String> = ["is", "was", "'s", "are", "were"]
    /// Words after the done word that make it a plan, not a report ("report done by friday").
    static let deadlineWords: Set<String> = ["by", "before", "until", "till", "in", "on", "tomorrow", "next", "soon", "yet", "later", "when", "if"]
    /// Words that never start or make up the task of "<task> done" ("all done", "almost finished", "so done").
    static let notTaskNameWords: Set<String> = Message.functionWords.union([
        "all", "almost", "nearly", "not", "half", "so", "be", "been", "get", "got", "getting", "have", "has", "had", "when", "once",
        "we're", "you're", "they", "he", "she", "we", "am", "mostly", "never", "well", "partly", "barely", "finally", "already",
        "basically", "pretty", "totally", "nothing", "everything", "something", "anything", "are", "were", "being", "u", "ur", "you",
    ])
}

extension Message {
    /// The command whose word is at `index`, read from the rest of the message.
    func command(_ intent: IntentKind, after index: Int) -> Command {
        if [.schedule, .cancel].contains(intent), let reason = reasonClause(after: index) {
            let head = Message(text: String(text[..<tokens[reason].range.lowerBound]), context: context, knownNames: knownNames)
            let command = head.command(intent, after: index)
            switch command {
            case .schedule(let request) where request.when != nil: return command
            case .cancel(let choice) where choice.task != nil: return command
            default: break
            }
        }
        return switch intent {
        case .schedule: schedule(after: index)
        case .done: plansToFinish(at: index) ? finishPlan(after: index) : done(after: index)
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

extension Message {
    /// "put 3h of taxes on the 28th, has to be done by end of the month", "nix the team retro, manager's out": a clause
    /// after the command that starts with neither a time nor a word joining it to the task says why, not what or when.
    /// Returns where it starts (its comma or dash).
    func reasonClause(after index: Int) -> Int? {
        guard let cut = tokens.indices.first(where: { $0 > index + 1 && [",", ";", "—"].contains(tokens[$0].text) && tokens[$0].kind == .symbol }),
              let next = tokens.indices.first(where: { $0 > cut && tokens[$0].kind != .symbol }), tokens[next].isWord, !isTimeToken[next],
              !Self.joiningWords.contains(tokens[next].text), !Self.courtesy.contains(tokens[next].text),
              tokens[(next + 1)...].contains(where: \.isWord) else { return nil }
        return cut
    }

    static let joiningWords: Set<String> = Message.functionWords.union(["and", "or", "with", "w", "&", "plus", "also", "then", "same", "but",
                                                                        "around", "ish", "preferably", "ideally", "maybe", "if"])
}

/// One message being read: its tokens, the time mentions in it, and the pieces each command needs.
struct Message {
    let text: String
    let context: TimeContext
    private(set) var tokens: [Token] {
        didSet { words = tokens.filter(\.isWord).map(\.text) }
    }
    /// The words of the message, without symbols: "what's next?" -> ["what's", "next"].
    private(set) var words: [String]
    let mentions: [TimeMention]
    /// For each token, whether a readable time or duration mention covers it.
    let isTimeToken: [Bool]
    /// The user's task names, evidence that time words inside them are part of a name.
    let knownNames: [String]

    init(text: String, context: TimeContext, knownNames: [String] = []) {
        let tokens = Self.leadingCrossAsCancel(Self.checkMarksAsDone(Tokenizer.tokenize(text))).map(Self.atSignAsAt).map(Self.pictographAsSymbol)
            .map(Self.possessiveDayAsDay)
        let scanned = Self.withHourAfterDay(Self.scanWithOpeningMealAsName(tokens), tokens)
        let named = Self.nameTokens(tokens, scanned, knownNames: knownNames)
        self.init(text: text, context: context, tokens: tokens, mentions: scanned.filter { !$0.tokens.contains(where: named.contains) },
                  knownNames: knownNames)
    }

    private init(text: String, context: TimeContext, tokens: [Token], mentions: [TimeMention], knownNames: [String]) {
        self.knownNames = knownNames
        self.text = text
        self.context = context
        self.tokens = tokens
        words = tokens.filter(\.isWord).map(\.text)
        self.mentions = mentions
        var covered = [Bool](repeating: false, count: tokens.count)
        for m in mentions { for i in m.tokens { covered[i] = true } }
        isTimeToken = covered
    }

    /// The same message with one mention read as words of the task ("schedule lunch tomorrow": lunch is the task).
    func readingAsName(_ mention: TimeMention) -> Message {
        Message(text: text, context: context, tokens: tokens, mentions: mentions.filter { $0.tokens != mention.tokens }, knownNames: knownNames)
    }

    /// "dinner at 7 with Sam", "lunch @ noon w sarah": a meal that opens the message, with a clock or a day said after it,
    /// names the event rather than its time (scanned as an ordinary word).
    private static func scanWithOpeningMealAsName(_ tokens: [Token]) -> [TimeMention] {
        let mentions = TimeScanner(tokens: tokens).scan()
        guard let first = tokens.firstIndex(where: { $0.kind != .symbol }), mealWords.contains(tokens[first].text),
              mentions.contains(where: { $0.tokens.contains(first) }) else { return mentions }
        var masked = tokens
        masked[first].text = "meal"
        let without = TimeScanner(tokens: masked).scan()
        return without.contains(where: { !$0.isInvalid && ($0.clock != nil || $0.day != nil) }) ? without : mentions
    }

    /// "schedule gym friday 6": a bare hour that ends the message right after a day is that day's clock time.
    private static func withHourAfterDay(_ mentions: [TimeMention], _ tokens: [Token]) -> [TimeMention] {
        // "gym friday 6 thanks": politeness after the hour still ends it.
        guard var i = tokens.lastIndex(where: { $0.kind != .symbol && !courtesy.contains($0.text) }) else { return mentions }
        // "next fri 9ish": the approximation ends the hour.
        let approximate = tokens[i].isWord("ish") && i > 0 && tokens[i].attached
        if approximate { i -= 1 }
        let end = approximate ? i + 2 : i + 1
        guard tokens[i].isNumber, tokens[i].text.count <= 2, i > 0,
              let day = mentions.last, day.tokens.upperBound == i, day.day != nil, day.clock == nil, !day.isInvalid,
              let (clock, next) = TimeScanner(tokens: tokens).clockTime(at: i, strong: false), next == i + 1 || next == end, clock.isValid else {
            return mentions
        }
        var hour = TimeMention(tokens: i..<end)
        hour.clock = clock
        return mentions + [hour]
    }

    /// "tomorrow's gym", "friday's review": a day in the possessive is that day.
    private static func possessiveDayAsDay(_ token: Token) -> Token {
        guard token.isWord, token.text.hasSuffix("'s") else { return token }
        let stem = String(token.text.dropLast(2))
        guard ["today", "tomorrow", "tonight", "tmrw"].contains(stem) || Lexicon.weekdays[stem] != nil else { return token }
        var day = token
        day.text = stem
        return day
    }

    /// "gym ✅", "call with mom ✔️": a check mark (the first of a run) says "done".
    /// At the start ("✅ done gym") or beside a done word it only decorates.
    private static func checkMarksAsDone(_ tokens: [Token]) -> [Token] {
        func isCheck(_ t: Token) -> Bool {
            let marks = t.text.unicodeScalars.filter { $0 != "\u{FE0F}" }
            return !marks.isEmpty && marks.allSatisfy { ["✅", "✔", "☑", "✓", "✔️"].contains(String($0)) }
        }
        guard tokens.contains(where: isCheck) else { return tokens }
        let saysDone = tokens.contains { token in
            let word = token.text.lowercased()
            return token.kind == .word && (CommandWords.intents[word] ?? CommandWords.correction(for: word).flatMap { CommandWords.intents[$0] }) == .done
        }
        return tokens.indices.map { i in
            // "✅ gym": first, before a task alone, it says done too.
            let leads = i == 0 && tokens.count > 1 && tokens.dropFirst().contains(where: { $0.kind == .word })
            guard !saysDone, isCheck(tokens[i]), leads || i > 0 && tokens[..<i].contains(where: { $0.kind != .symbol && !isCheck($0) }),
                  i == 0 || !isCheck(tokens[i - 1]) else {
                return tokens[i]
            }
            var done = tokens[i]
            done.text = "done"
            done.kind = .word
            return done
        }
    }

    /// "gym @ 7", "lunch @ noon": the at sign is the word.
    private static func atSignAsAt(_ token: Token) -> Token {
        guard token.kind == .symbol, token.text == "@" else { return token }
        var at = token
        at.text = "at"
        at.kind = .word
        return at
    }

    /// "❌ yoga tonight": a cross first says cancel.
    private static func leadingCrossAsCancel(_ tokens: [Token]) -> [Token] {
        guard let first = tokens.first, ["❌", "✖", "✗", "🚫"].contains(String(first.text.unicodeScalars.filter { $0 != "\u{FE0F}" })),
              tokens.dropFirst().contains(where: { $0.kind == .word }) else { return tokens }
        var cancel = first
        cancel.text = "cancel"
        cancel.kind = .word
        return [cancel] + tokens.dropFirst()
    }

    /// Emoji and other pictographs carry no words: they read like punctuation.
    private static func pictographAsSymbol(_ token: Token) -> Token {
        guard token.isWord, !token.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
            return token
        }
        var symbol = token
        symbol.kind = .symbol
        return symbol
    }

    /// Corrects a near-miss command word in place ("mvoe gym" reads as "move gym"); returns what was changed.
    mutating func correctCommandWord() -> String? {
        guard let i = candidateCommandIndex(), CommandWords.intents[tokens[i].text] == nil,
              !CommandWords.settingWords.contains(tokens[i].text) else { return nil }
        let typed = tokens[i].text
        guard let fixed = CommandWords.correction(for: typed) ?? evidencedCorrection(at: i) else { return nil }
        tokens[i].text = fixed
        return "\(typed) -> \(fixed)"
    }

    /// "doe 8/10", "moe gym to saturday 10am", "competed standup 9/10": a real or three-letter word that is a done or
    /// move word with one inner letter dropped reads as that word only when the corrected message is that command
    /// in full (a report with its rating, a move with where it goes). "doe with gym" and "moe said hi" stay as written.
    private func evidencedCorrection(at i: Int) -> String? {
        for fixed in CommandWords.withOneLetterRestored(tokens[i].text) {
            var trial = self
            trial.tokens[i].text = fixed
            switch trial.command() {
            case .done(let report) where report.rating != nil: return fixed
            case .move(let request) where request.to != nil || request.shift != nil: return fixed
            default: continue
            }
        }
        return nil
    }

    /// The first word that is neither a filler nor part of a time expression.
    private func candidateCommandIndex() -> Int? {
        tokens.indices.first { i in
            tokens[i].isWord && !isTimeToken[i] && !CommandWords.fillers.contains(tokens[i].text)
        }
    }

    func word(_ i: Int) -> String? { i < tokens.count && tokens[i].isWord ? tokens[i].text : nil }


    // MARK: - Finding the command

    /// "plan review between 2 and 4" names a time to book, so it schedules; "plan my week for ..." asks for a plan.
    var saysClockTime: Bool {
        mentions.contains { !$0.isInvalid && $0.clock != nil }
    }

    /// "why" or "why deep coding?" asks about the last suggestion; "why do I keep skipping?" is coaching chat.
    func whyQuestion(after index: Int) -> Command {
        let rest = tokens[(index + 1)...].filter(\.isWord).map(\.text)
        // "why did you put gym at 7": about where the bot placed a task it names ("why did you pick that time?" is talk).
        if rest.starts(with: ["did", "you"]), rest.count > 2, ["put", "schedule", "book", "place"].contains(rest[2]),
           let verb = tokens.indices.first(where: { $0 > index && tokens[$0].text == rest[2] }),
           let task = taskText(in: (verb + 1)..<tokens.count), let first = task.split(separator: " ").first,
           !Self.pronouns.contains(first.lowercased()), !Self.notTaskNameWords.contains(first.lowercased()) {
            return .why(task: task)
        }
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

    /// The command word's intent and its token index.
    func commandWord() -> (IntentKind, Int)? {
        var intends = false
        for (i, token) in tokens.enumerated() {
            if isTimeToken[i] || token.kind == .symbol { continue }
            guard token.isWord else { return nil }
            // "push-ups", "check-in": a command word joined by a hyphen to the next is part of another word.
            if i + 2 < tokens.count, tokens[i + 1].isSymbol("-"), tokens[i + 1].attached, tokens[i + 2].attached, tokens[i + 2].isWord { return nil }
            if token.text == "did", word(i + 1) == "it" { return (.done, i + 1) }
            // "show insights", "show me my insights", "see what you learned".
            if ["show", "see", "give", "view"].contains(token.text),
               tokens[(i + 1)...].contains(where: { ["insights", "insight", "learned", "stats", "patterns"].contains($0.text) }),
               tokens[(i + 1)...].filter(\.isWord).allSatisfy({ ["me", "my", "the", "your", "insights", "insight", "please", "pls"].contains($0.text) }) {
                continue
            }
            if token.text == "did", let next = word(i + 1), ["my", "the", "a", "an", "some", "today's"].contains(next) {
                // "did my best today", "did the most I could": no task is named.
                if let object = word(i + 2), Self.notTasks.contains(object) || Self.moodWords.contains(object) { return nil }
                return (.done, i)
            }
            // "did yoga, 7/10", "did laundry": a task right after "did", in a short report or with a rating.
            if token.text == "did", let next = word(i + 1), !Self.chatOpeners.contains(next), !Self.notTaskNameWords.contains(next),
               !Self.moodWords.contains(next), !Self.notTasks.contains(next), !["you", "u", "not", "nothing"].contains(next),
               words.count <= 4 || tokens.indices.contains(where: { RatingParser.rating(in: tokens, at: $0).map { !$0.isWord } == true }) {
                return (.done, i)
            }
            // "did 40 min of stretching", "did an hour of yoga": a length of something done.
            if token.text == "did", let m = mentions.first(where: { $0.tokens.lowerBound == i + 1 && $0.durationMinutes != nil }),
               word(m.tokens.upperBound) == "of" { return (.done, m.tokens.upperBound) }
            if token.text == "time", word(i + 1) == "zone" { return (.timezone, i + 1) }
            if token.text == "remind", word(i + 1) == "me", word(i + 2) == "to", mentions.contains(where: \.saysTime) { return (.schedule, i + 2) }
            // "I want to do yoga on friday at 6pm": "do" after an intention, with a time, asks to book it.
            if intends, token.text == "do", word(i + 1) != nil, mentions.contains(where: { !$0.isInvalid && $0.saysTime }) { return (.schedule, i) }
            if let end = skipPhraseEnd(at: i) { return intends && !namesWhenOrKnownTask(after: end) ? nil : (.skip, end) }
            if let (intent, end) = phraseVerb(at: i) {
                if intends && intent != .schedule && !namesWhenOrKnownTask(after: end) { return nil }
                return (intent, end)
            }
            if let intent = CommandWords.intents[token.text] {
                if token.text == "add", word(i + 1) == "to" { return nil }
                // "I need to move house" tells; "I have to skip gym today" asks: a time or a known task decides.
                // "I need to finish the doc by friday" plans it (read as a booking by `plansToFinish`).
                if intends && intent != .schedule && !([.skip, .cancel].contains(intent) && namesWhenOrKnownTask(after: i)
                    || intent == .move && namesDestination(after: i) || token.text == "finish" && plansToFinish(at: i)) { return nil }
                if startsSentence(after: i), intent != .timezone, intent != .available { return nil }
                // "move on", "push through", "book it": a phrase, not a command about a task.
                if let next = word(i + 1), i + 2 >= tokens.count || tokens[(i + 2)...].allSatisfy({ $0.kind == .symbol }),
                   (Self.particles.contains(next) && [.move, .schedule, .done].contains(intent) || next == "it" && intent == .schedule) {
                    return nil
                }
                // "move on, it's fine", "push through the pain", "push harder or rest?": a move verb with a particle or
                // an adverb after it and no time anywhere is a phrasal verb, not a move of a task.
                if intent == .move, let next = word(i + 1), Self.particles.contains(next) || Self.phrasalAdverbs.contains(next),
                   !mentions.contains(where: { $0.saysTime || $0.durationMinutes != nil }) {
                    return nil
                }
                // "schedule? what schedule", "done?": the word asked back, not a command.
                if i + 1 < tokens.count, tokens[i + 1].isSymbol("?"), [.schedule, .done, .skip, .cancel, .move, .plan].contains(intent) { return nil }
                return (intent, i)
            }
            if CommandWords.fillers.contains(token.text) || isSettingLead(i) { continue }
            if CommandWords.intentions.contains(token.text) {
                // "should I move my runs to the morning?": asking whether to, which is advice.
                if token.text == "should", tokens.contains(where: { $0.isSymbol("?") }) { return nil }
                intends = true
                continue
            }
            return nil
        }
        return nil
    }

    /// A command verb of several words, or one that needs a time said ("pencil in", "block 2h for ...").
    private func phraseVerb(at i: Int) -> (IntentKind, Int)? {
        let saysWhen = mentions.contains { !$0.isInvalid && ($0.saysTime || $0.durationMinutes != nil) }
        for verb in CommandWords.phraseVerbs where (0..<verb.words.count).allSatisfy({ word(i + $0) == verb.words[$0] }) {
            let end = i + verb.words.count - 1
            guard !verb.needsTime || saysWhen else { return nil }
            // "free weekdays 9-17" sets availability; "free tomorrow?" or "free time" does not.
            if verb.intent == .available, dayGroup(at: end + 1, scanner: TimeScanner(tokens: tokens)) == nil { return nil }
            // "drop tennis tomorrow" cancels; "drop off the kids at 8", "drop by at 5", "drop me a line" do not.
            if verb.words == ["drop"], let next = word(end + 1), ["off", "by", "in", "out", "over", "me", "us", "him", "her", "them"].contains(next) {
                return nil
            }
            // "drop the kids at school at 8", "drop the parcel to Ann": a place or person after it is an errand.
            if verb.words == ["drop"], ((end + 1)..<tokens.count).contains(where: { k in
                ["at", "to", "into", "with", "for"].contains(tokens[k].text) && k + 1 < tokens.count && !isTimeToken[k + 1] && tokens[k + 1].isWord
            }) {
                return nil
            }
            // "went to the gym this morning" reports it; "we went to the beach yesterday, lovely" tells a story: someone
            // else there, or more said than the place, a time and a rating.
            if verb.words.first == "went", tokens[..<i].contains(where: { ["we", "they", "he", "she"].contains($0.text) })
                || tokens[(end + 1)...].indices.filter({ tokens[$0].isWord && !isTimeToken[$0] && RatingParser.words[tokens[$0].text] == nil }).count > 2 {
                return nil
            }
            // "take the massage off friday" cancels; "take the dog for a walk" does not.
            if verb.words.first == "take", !tokens[(end + 1)...].contains(where: { $0.isWord("off") }) { return nil }
            // "change yoga to 6pm" moves; "change my mind" does not name where anything goes.
            if verb.intent == .move, !namesDestination(after: end) { return nil }
            // "crushed it", "nailed that": a cheer about something unnamed is still a report of it done.
            guard tokens[(end + 1)...].contains(where: { $0.kind != .symbol }) || verb.intent == .done else { return nil }
            // "crushed by work", "smashed with meetings": the passive tells how someone feels.
            if verb.intent == .done, ["by", "with", "under"].contains(word(end + 1) ?? "") { return nil }
            return (verb.intent, end)
        }
        return nil
    }

    /// "I need to move gym to 5": a move someone intends names where it goes ("I need to move house next month" does not).
    private func namesDestination(after index: Int) -> Bool {
        // "gotta move standup to 10": a bare hour after "to" that ends the message.
        if let last = tokens.lastIndex(where: { $0.kind != .symbol }), last > index + 2, tokens[last].isNumber, tokens[last].text.count <= 2,
           (1...24).contains(tokens[last].value), tokens[last - 1].isWord("to") { return true }
        return mentions.contains { m in
            !m.isInvalid && m.saysTime && m.tokens.lowerBound > index + 1
                && (["to", "until"].contains(word(m.tokens.lowerBound - 1) ?? "")
                    || word(m.tokens.lowerBound - 1) == "the" && word(m.tokens.lowerBound - 2) == "to" || m.bound == .before && ["until", "till", "til"].contains(word(m.tokens.lowerBound) ?? ""))
        }
    }

    /// Whether the words after `index` say a time or spell one of the user's task names.
    private func namesWhenOrKnownTask(after index: Int) -> Bool {
        if mentions.contains(where: { !$0.isInvalid && $0.saysTime && $0.tokens.lowerBound > index }) { return true }
        guard let rest = taskText(in: (index + 1)..<tokens.count)?.lowercased() else { return false }
        return knownNames.contains { $0.lowercased() == rest }
    }

    /// "done is better than perfect", "book club was fun": a verb right after the command word (or after
    /// one more word) makes the command word the subject of a sentence.
    private func startsSentence(after i: Int) -> Bool {
        if Self.predicates.contains(word(i + 1) ?? "") { return true }
        guard word(i + 1) != nil, let second = word(i + 2), second != "and", Self.predicates.contains(second) else { return false }
        return tokens[i + 1].text != "it"
    }

    static let particles: Set<String> = ["on", "forward", "along", "through", "ahead", "over", "up", "off", "deal", "out"]
    /// Words after "push"/"move" that make a phrase about effort or life ("push harder", "move past it").
    static let phrasalAdverbs: Set<String> = ["harder", "further", "past", "myself", "yourself", "yourselves", "around", "away", "in"]

    /// "not doing gym today", "won't make it to yoga", "can't make standup": a skip said in words.
    /// Returns the index of the phrase's last word; "not doing great" is about a mood, not a task.
    private func skipPhraseEnd(at i: Int) -> Int? {
        for phrase in Self.skipPhrases where (0..<phrase.count).allSatisfy({ word(i + $0) == phrase[$0] }) {
            let end = i + phrase.count - 1
            // "can't make the swim tomorrow": an article or "my" may come before the task ("can't make the cut" stays chat).
            let taskAt = ["the", "my", "today's", "tonight's", "tomorrow's"].contains(word(end + 1) ?? "") ? end + 2 : end + 1
            // "can't make the 1:1 thursday", "can't make the 5k run": a name may start with a digit.
            if taskAt < tokens.count, tokens[taskAt].isNumber, !isTimeToken[taskAt] { return end }
            guard let next = word(taskAt), !Self.moodWords.contains(next), !Self.notTasks.contains(next), RatingParser.words[next] == nil else {
                return nil
            }
            return end
        }
        return nil
    }

    static let skipPhrases: [[String]] = [
        ["not", "going", "to", "make"], ["not", "gonna", "make"], ["can't", "do"], ["cant", "do"], ["cannot", "do"], ["cannot", "make"],
        ["not", "doing"], ["won't", "make", "it", "to"], ["wont", "make", "it", "to"], ["can't", "make", "it", "to"],
        ["cant", "make", "it", "to"], ["not", "going", "to", "make", "it", "to"], ["not", "gonna", "make", "it", "to"],
        ["can't", "make"], ["cant", "make"], ["won't", "make"], ["wont", "make"],
        ["didn't", "go", "to"], ["didnt", "go", "to"], ["did", "not", "go", "to"], ["didn't", "make", "it", "to"], ["didnt", "make", "it", "to"],
        ["did", "not", "make", "it", "to"], ["didn't", "do"], ["didnt", "do"], ["did", "not", "do"], ["never", "went", "to"],
        ["couldn't", "make", "it", "to"], ["couldnt", "make", "it", "to"], ["could", "not", "make", "it", "to"], ["couldn't", "make"],
        ["couldnt", "make"], ["couldn't", "do"], ["couldnt", "do"], ["couldn't", "go", "to"], ["couldnt", "go", "to"],
        ["not", "gonna", "do"], ["not", "going", "to", "do"], ["won't", "do"], ["wont", "do"], ["won't", "be", "doing"],
        ["won't", "be", "able", "to", "make", "it", "to"], ["won't", "be", "able", "to", "make"], ["wont", "be", "able", "to", "make"],
        ["not", "able", "to", "make"], ["unable", "to", "make"], ["can't", "go", "to"], ["cant", "go", "to"], ["cannot", "go", "to"],
        ["won't", "go", "to"], ["wont", "go", "to"], ["can't", "attend"], ["cant", "attend"], ["won't", "attend"], ["can't", "come", "to"],
    ]
    static let moodWords: Set<String> = [
        "well", "so", "too", "very", "much", "anything", "that", "this", "it", "any", "enough", "the", "a", "an", "my", "sense", "great",
        "good", "ok", "okay", "fine", "badly", "anymore", "up", "time", "room", "plans", "friends", "money", "progress", "ends", "decisions",
        "mistakes", "things", "stuff", "nothing", "everything", "me", "you", "us", "them", "him", "her",
    ]

    /// Words after "can't make the" or "not doing the" that name no task ("the cut", "the most of it").
    static let notTasks: Set<String> = ["cut", "most", "best", "difference", "effort", "call", "decision", "grade", "deadline", "mark",
                                         "bed", "sleep", "sleeping", "anywhere", "much", "all", "what", "that"]

    /// A command word followed by one of these is the subject of a sentence ("done is better than perfect").
    static let predicates: Set<String> = ["and", "happens", "happened", "is", "was", "are", "were", "isn't", "wasn't", "looks", "seems", "feels", "sucks", "means", "has", "had"]

    /// "set my timezone to ...", "my timezone is ...": words before a setting's name.
    private func isSettingLead(_ i: Int) -> Bool {
        guard CommandWords.settingVerbs.contains(tokens[i].text) else { return false }
        var j = i + 1
        while let w = word(j), CommandWords.settingVerbs.contains(w) { j += 1 }
        guard let next = word(j) else { return false }
        return ["timezone", "tz", "availability", "available"].contains(next) || next == "time" && word(j + 1) == "zone"
    }

    /// "add more structure to my days, any tips?", "I want to add focus time, what would you suggest?": a request
    /// for advice is coaching chat, even around a command verb, unless it says a clock time to book.
    /// The advice word must be asked for ("any tips", "what would you suggest", a question), so "schedule ideas
    /// session friday" still books.
    var asksForAdvice: Bool {
        let isQuestion = tokens.contains { $0.isSymbol("?") }
        return tokens.indices.contains { i in
            tokens[i].isWord && Self.adviceWords.contains(tokens[i].text)
                && (isQuestion || i > 0 && Self.adviceAskers.contains(tokens[i - 1].text))
        } && !saysClockTime
    }

    /// Where a trailing clause asking for advice starts (its comma, dash or full stop), when a command comes before it.
    private var adviceClause: Int? {
        guard let cut = tokens.lastIndex(where: { $0.isSymbol(",") || $0.isSymbol("-") || $0.isSymbol(".") || $0.isSymbol(";") }), cut > 0,
              tokens[(cut + 1)...].contains(where: { $0.isWord && Self.adviceWords.contains($0.text) }),
              !tokens[..<cut].contains(where: { $0.isWord && Self.adviceWords.contains($0.text) }) else { return nil }
        return cut
    }

    static let adviceAskers: Set<String> = ["any", "some", "your", "me", "need", "want", "got", "have", "give", "for", "you", "u", "good", "quick", "would"]

    static let adviceWords: Set<String> = [
        "tips", "tip", "advice", "advise", "suggest", "suggestions", "suggestion", "recommend", "recommendations",
        "recommendation", "ideas", "pointers", "thoughts", "opinion",
    ]

    var isHelpQuestion: Bool {
        let words = self.words
        let menu: Set<String> = ["list", "show", "me", "the", "commands", "command", "help", "menu", "options", "please", "pls", "your", "all", "what", "are"]
        if words.allSatisfy(menu.contains) && !Set(words).isDisjoint(with: ["commands", "command", "menu", "options"]) { return true }
        // "hi, i'm new, how does this work": a greeting or an introduction before the question adds nothing.
        let said = words.filter { !Self.helpFillers.contains($0) }
        guard let first = said.first, Self.helpOpeners.contains(first), said.count <= 12 else { return false }
        return Self.helpQuestions.contains { Self.matches($0, said) }
    }

    private static let helpFillers: Set<String> = ["please", "pls", "hey", "so", "bot", "again", "hi", "hello", "i'm", "im", "new", "here", "ok", "okay", "um"]

    /// One word of a help pattern: the words it may be, and whether it may be left out.
    struct PatternPiece: Sendable {
        let choices: Set<String>
        let optional: Bool
    }

    /// Questions about what the bot understands; a word in brackets may be left out, `a|b` is either.
    static let helpQuestions: [[PatternPiece]] = [
        "what can|do you do (for) (me)", "how does this|it (bot) work", "what can|should i say|ask|type|tell (you)",
        "how do|can|should i use you|this|it (bot)", "what are your|the commands|options", "what do you understand",
        "what can i do (with) (you|this|here)", "how do i talk to you", "what do you know how to do",
        "how does this|it|the thing|bot|app work", "what commands are there|available", "what commands do you have|know|understand",
        "what can you help (me) with", "what can you help me do",
        "how do|can|should i add|create|make|set|start|stop|end|cancel|delete|remove|move|schedule|book|undo|change|rate|skip|mark|list|see "
            + "(a|an|my|the) habit|habits|task|tasks|event|events|reminder|reminders|routine|timezone|appointment|appointments|something|rating (up)",
    ].map { pattern in
        pattern.split(separator: " ").map { word in
            let optional = word.hasPrefix("(")
            let bare = optional ? word.dropFirst().dropLast() : word
            return PatternPiece(choices: Set(bare.split(separator: "|").map(String.init)), optional: optional)
        }
    }

    private static let helpOpeners: Set<String> = Set(helpQuestions.compactMap(\.first).flatMap(\.choices))

    /// Whether the words spell a pattern of `helpQuestions`.
    private static func matches(_ pattern: [PatternPiece], _ said: [String]) -> Bool {
        func match(_ p: Int, _ w: Int) -> Bool {
            if p == pattern.count { return w == said.count }
            if w < said.count, pattern[p].choices.contains(said[w]), match(p + 1, w + 1) { return true }
            return pattern[p].optional && match(p + 1, w)
        }
        return match(0, 0)
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
        let typed = said(m.problemTokens ?? m.tokens)
        switch m.problem {
        case .impossibleHour?, .impossibleMinute?: return .impossible(ImpossibleValue(typed, .clock))
        case .impossibleDate?: return .impossible(ImpossibleValue(typed, .date))
        case .negativeDuration?: return .impossible(ImpossibleValue(typed, .duration))
        case nil: return .unreadableTime(typed)
        }
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
        var kept = withoutNoise(range.filter { !(dropped?.contains($0) ?? isTimeToken[$0]) })
        let leading: Set<String> = ["a", "an", "my", "the", "with", "w", "for", "to", "of", "me", "us", "-", ":", ",", "!", "."]
        let trailing: Set<String> = ["at", "on", "for", "in", "to", "from", "by", "and", "-", ":", ",", "!", ".", "?", "the", "a", "with"]
        while let first = kept.first, leading.contains(tokens[first].text) || tokens[first].kind == .symbol
            || tokens[first].text == "in" && kept.count > 1 && ["a", "an", "the", "my", "some"].contains(tokens[kept[1]].text) {  // "book in a haircut"
            kept.removeFirst()
        }
        while let last = kept.last, trailing.contains(tokens[last].text) || tokens[last].kind == .symbol && tokens[last].text != ")" {
            kept.removeLast()
        }
        // "something called inbox zero", "an event named launch": the name follows.
        for phrase in Self.namingPhrases where kept.count > phrase.count && phrase.indices.allSatisfy({ tokens[kept[$0]].text == phrase[$0] }) {
            kept.removeFirst(phrase.count)
            break
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

    /// Politeness and emoji anywhere ("pls", "thx", "🙏"), and "on my calendar" / "for me" where the task ends.
    func withoutNoise(_ indices: [Int]) -> [Int] {
        var kept = indices.filter { i in
            let t = tokens[i]
            if t.kind == .symbol { return t.text.utf8.allSatisfy { $0 < 0x80 } }
            return !Self.courtesy.contains(t.text)
        }
        func matches(_ phrase: [String], at start: Int) -> Bool {
            start + phrase.count <= kept.count && phrase.indices.allSatisfy { tokens[kept[start + $0]].text == phrase[$0] }
        }
        while let last = kept.last, tokens[last].kind == .symbol, tokens[last].text != ")" { kept.removeLast() }
        // Calendar phrases go wherever they are; short ones ("for me") only at the end, which may be where another
        // short one stood ("for me ... thanks so much").
        var removed = true
        while removed {
            removed = false
            var i = 0
            while i < kept.count {
                if let phrase = Self.trailingPhrases.first(where: { ($0.count >= 3 || i + $0.count == kept.count) && matches($0, at: i) }) {
                    kept.removeSubrange(i..<(i + phrase.count))
                    removed = true
                } else {
                    i += 1
                }
            }
            while let last = kept.last, tokens[last].kind == .symbol, tokens[last].text != ")" { kept.removeLast() }
        }
        return kept
    }

    static let namingPhrases: [[String]] = ["something called", "something named", "thing called", "event called", "event named",
                                            "task called", "task named", "session called", "meeting called"].map { $0.split(separator: " ").map(String.init) }

    static let courtesy: Set<String> = [
        "please", "pls", "plz", "plse", "thx", "thanks", "thankyou", "ty", "tia", "cheers", "kthx", "pleeease",
        // Vagueness about when says nothing the slot finder does not already do.
        "sometime", "someday", "anytime", "whenever", "somewhen",
    ]

    /// Said after a task to mean "for me, in the calendar"; never part of the name.
    static let trailingPhrases: [[String]] = [
        ["on", "my", "calendar"], ["to", "my", "calendar"], ["in", "my", "calendar"], ["on", "the", "calendar"], ["to", "the", "calendar"],
        ["on", "my", "schedule"], ["to", "my", "schedule"], ["in", "my", "schedule"], ["into", "my", "calendar"], ["in", "my", "diary"],
        ["on", "my", "agenda"], ["to", "my", "agenda"], ["for", "me"], ["thank", "you"], ["if", "you", "can"], ["if", "possible"],
        ["so", "much"], ["a", "lot"], ["in", "advance"],
    ]

    /// Where a free note starts when no rating marks it: at punctuation after the task, or at a word
    /// that starts a sentence about how it went ("felt", "was").
    func noteStart(in range: Range<Int>) -> Int? {
        let starters: Set<String> = ["felt", "feeling", "feel", "was", "it", "but", "too", "so", "really", "very", "that", "went", "because"]
        for i in range {
            if tokens[i].isWord, starters.contains(tokens[i].text) { return i }
            // A hyphen inside a word ("check-in") or a colon inside a name ("1:1") joins it.
            let joinsWord = (tokens[i].isSymbol("-") || tokens[i].isSymbol(":")) && tokens[i].attached && i + 1 < tokens.count && tokens[i + 1].attached
            if tokens[i].kind == .symbol, [",", ";", ":", "-", ".", "!", "(", "—"].contains(tokens[i].text), !joinsWord,
               i > range.lowerBound, range.contains(i + 1), tokens[i + 1].kind != .symbol {
                return i + 1
            }
        }
        return nil
    }
}
