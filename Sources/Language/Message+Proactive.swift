/// The grammar of habits and of the settings for messages the bot sends first:
///
/// | Say | Means |
/// |---|---|
/// | `stop`, `mute`, `quiet`, `be quiet`, `stop messaging me` | mute until `resume` (bare `stop` mutes) |
/// | `resume`, `unmute` | unmute |
/// | `stop <habit>`, `stop habit <habit>` | end a habit |
/// | `habits`, `my habits` | list habits |
/// | `reminders 15 min`, `reminders on`, `reminders off`, `no reminders` | reminder lead time |
/// | `daily plan at 8`, `daily plan on` (08:00), `daily plan off` | the morning plan |
/// | `weekly review on` / `off` | Sunday-evening review |
/// | `quiet hours 22-07`, `quiet hours off` | no unprompted messages then |
/// | `message limit 5` | unprompted messages per day |
/// | `unanswered missed` / `unanswered unknown` | what silence after a follow-up means |
extension Message {
    func proactiveCommand() -> Command? {
        let ws = words.filter { !Self.politeness.contains($0) }
        guard let first = ws.first else { return nil }
        if let setting = setting(ws) { return setting }
        if Self.muteSayings.contains(ws) { return .setting(.mute) }
        if Self.resumeSayings.contains(ws) { return .setting(.resume) }
        if Self.listSayings.contains(ws) { return .habits }
        if first == "stop" || (["end", "drop"].contains(first) && ws.dropFirst().first == "habit") {
            return stopHabit()
        }
        return recurrence()
    }

    static let politeness: Set<String> = ["please", "pls", "plz", "now", "bot", "thanks", "thank", "you"]
    static let muteSayings: Set<[String]> = [
        ["stop"], ["mute"], ["quiet"], ["shh"], ["hush"], ["be", "quiet"], ["go", "quiet"], ["mute", "me"], ["stop", "it"],
        ["stop", "that"], ["stop", "messaging", "me"], ["stop", "messages"], ["stop", "reminding", "me"], ["stop", "nudging", "me"],
        ["stop", "talking"], ["mute", "notifications"], ["mute", "reminders"], ["pause", "reminders"], ["pause", "notifications"],
    ]
    static let resumeSayings: Set<[String]> = [
        ["resume"], ["unmute"], ["resume", "messages"], ["unmute", "me"], ["resume", "reminders"], ["resume", "notifications"],
        ["unmute", "reminders"], ["unmute", "notifications"], ["resume", "nudges"], ["start", "messaging", "me", "again"],
    ]
    static let listSayings: Set<[String]> = [["habits"], ["my", "habits"], ["list", "habits"], ["show", "habits"], ["show", "my", "habits"], ["list", "my", "habits"]]
    static let offWords: Set<String> = ["off", "no", "none", "stop", "disable", "disabled", "never"]

    static func problem(_ intent: IntentKind, _ problem: CommandProblem) -> Command {
        .unreadable(Unreadable(intent, problem))
    }

    /// The settings commands, recognised by their leading words.
    private func setting(_ ws: [String]) -> Command? {
        let rest = Set(ws.dropFirst(2))
        func starts(_ prefixes: [String]...) -> Bool { prefixes.contains { ws.starts(with: $0) } }
        // "remind me 15 min before" sets the lead time; "remind me about it later" asks for something else.
        let remindMeSetting = !starts(["remind", "me"]) || typedDuration() != nil || !Set(ws).isDisjoint(with: Self.offWords) || ws.contains("on")
        if starts(["reminders"], ["reminder"], ["remind", "me"], ["no", "reminders"]), !starts(["remind", "me", "to"]), remindMeSetting {
            if ws.first == "no" || !Set(ws).isDisjoint(with: Self.offWords) { return .setting(.reminders(leadMinutes: nil)) }
            if let (minutes, typed) = typedDuration() {
                guard (1...(24 * 60)).contains(minutes) else { return Self.problem(.reminders, .impossible(ImpossibleValue(typed, .leadTime))) }
                return .setting(.reminders(leadMinutes: minutes))
            }
            if ws.contains("on") { return .setting(.reminders(leadMinutes: 10)) }
            return Self.problem(.reminders, .missing(.leadTime))
        }
        if starts(["daily", "plan"], ["morning", "plan"], ["day", "plan"]) {
            if !rest.isDisjoint(with: Self.offWords) { return .setting(.dailyPlan(minuteOfDay: nil)) }
            if let problem = timeProblem(in: 0..<tokens.count) { return Self.problem(.dailyPlan, problem) }
            if let minute = clockMinute(defaultAfternoon: false) { return .setting(.dailyPlan(minuteOfDay: minute)) }
            if rest.contains("on") { return .setting(.dailyPlan(minuteOfDay: 8 * 60)) }
            return Self.problem(.dailyPlan, .missing(.clockTime))
        }
        if starts(["weekly", "review"], ["week", "review"]) {
            return .setting(.weeklyReview(on: rest.isDisjoint(with: Self.offWords)))
        }
        if starts(["quiet", "hours"], ["quiet", "time"]) {
            if !rest.isDisjoint(with: Self.offWords) { return .setting(.quietHoursOff) }
            guard let (start, end) = clockRange() else {
                let problem = impossibleClockRange(after: -1).map { CommandProblem.impossible($0) } ?? .missing(.hours)
                return Self.problem(.quietHours, problem)
            }
            return .setting(.quietHours(startMinute: start % 1440, endMinute: end % 1440))
        }
        if starts(["message", "limit"], ["messages", "limit"], ["daily", "limit"], ["limit", "messages"]) {
            guard let index = tokens.firstIndex(where: \.isNumber) else { return Self.problem(.messageLimit, .missing(.count)) }
            let negative = index > 0 && tokens[index - 1].isSymbol("-") && tokens[index].attached
            let count = tokens[index].value
            guard !negative, (1...50).contains(count) else {
                return Self.problem(.messageLimit, .impossible(ImpossibleValue(said((negative ? index - 1 : index)..<(index + 1)), .messageCount)))
            }
            return .setting(.messageLimit(perDay: count))
        }
        if ws.first == "unanswered" {
            if !Set(ws).isDisjoint(with: ["missed", "miss", "skipped", "skip"]) { return .setting(.unansweredCountsAsMissed(true)) }
            if !Set(ws).isDisjoint(with: ["unknown", "ignore", "ignored", "nothing"]) { return .setting(.unansweredCountsAsMissed(false)) }
            return Self.problem(.unanswered, .missing(.choice))
        }
        return nil
    }

    /// `stop <habit>` / `stop habit <habit>` / `end habit <habit>`.
    private func stopHabit() -> Command? {
        guard let stop = tokens.firstIndex(where: { $0.isWord("stop") || $0.isWord("end") || $0.isWord("drop") }) else { return nil }
        var from = stop + 1
        if from < tokens.count, tokens[from].isWord("habit") || tokens[from].isWord("doing") { from += 1 }
        var to = tokens.count
        // "stop the journaling habit": the word habit after the name is not part of it.
        while to > from, tokens[to - 1].kind == .symbol || tokens[to - 1].isWord("habit") { to -= 1 }
        guard let name = plainText(in: from..<to) else { return nil }
        return .stopHabit(name: name)
    }

    /// The first clock time said, as a local minute (a bare hour reads as morning unless `defaultAfternoon`).
    func clockMinute(defaultAfternoon: Bool?) -> Int? {
        guard let mention = mentions.first(where: { !$0.isInvalid && $0.clock != nil }), let clock = mention.clock, clock.isValid else { return nil }
        return clock.minuteOfDay(prefersAfternoon: mention.part?.prefersAfternoon ?? defaultAfternoon) % 1440
    }

    /// "22-07", "10pm to 6am", "23:00-06:30": a clock range; the end may pass midnight (> 1440).
    func clockRange() -> (Int, Int)? {
        let scanner = TimeScanner(tokens: tokens)
        for i in tokens.indices {
            let start = scanner.isWord(i, ["from", "between"]) ? i + 1 : i
            guard let (first, afterFirst) = scanner.clockTime(at: start, strong: false, allowsToForm: false),
                  scanner.isConnector(afterFirst, ["-", "to", "till", "til", "until", "and"]),
                  let (second, _) = scanner.clockTime(at: afterFirst + 1, strong: false, allowsToForm: false),
                  first.isValid, second.isValid else { continue }
            let (from, to) = ClockTime.rangeMinutes(first, second, prefersAfternoon: nil)
            return from == to ? nil : (from, to)
        }
        return nil
    }
}
