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
    func proactiveCommand() -> ParsedCommand? {
        let ws = words.filter { !Self.politeness.contains($0) }
        guard let first = ws.first else { return nil }
        if let setting = setting(ws) { return setting }
        if Self.muteSayings.contains(ws) { return Self.command(.mute, .mute) }
        if Self.resumeSayings.contains(ws) { return Self.command(.resume, .resume) }
        if Self.listSayings.contains(ws) { return Self.command(.habits, .listHabits) }
        if first == "stop" || (["end", "drop"].contains(first) && ws.dropFirst().first == "habit") {
            return stopHabit()
        }
        return recurrence()
    }

    static let politeness: Set<String> = ["please", "pls", "plz", "now", "bot", "thanks", "thank", "you"]
    static let muteSayings: Set<[String]> = [
        ["stop"], ["mute"], ["quiet"], ["shh"], ["hush"], ["be", "quiet"], ["go", "quiet"], ["mute", "me"], ["stop", "it"],
        ["stop", "that"], ["stop", "messaging", "me"], ["stop", "messages"], ["stop", "reminding", "me"], ["stop", "nudging", "me"],
        ["stop", "talking"], ["mute", "notifications"],
    ]
    static let resumeSayings: Set<[String]> = [["resume"], ["unmute"], ["resume", "messages"], ["unmute", "me"]]
    static let listSayings: Set<[String]> = [["habits"], ["my", "habits"], ["list", "habits"], ["show", "habits"], ["show", "my", "habits"], ["list", "my", "habits"]]
    static let offWords: Set<String> = ["off", "no", "none", "stop", "disable", "disabled", "never"]

    static func command(_ intent: IntentKind, _ request: ProactiveRequest) -> ParsedCommand {
        var command = ParsedCommand(intent: intent)
        command.proactive = request
        return command
    }

    static func problem(_ intent: IntentKind, _ text: String) -> ParsedCommand {
        ParsedCommand(intent: intent, problem: text)
    }

    /// The settings commands, recognised by their leading words.
    private func setting(_ ws: [String]) -> ParsedCommand? {
        let rest = Set(ws.dropFirst(2))
        func starts(_ prefixes: [String]...) -> Bool { prefixes.contains { ws.starts(with: $0) } }
        if starts(["reminders"], ["reminder"], ["remind", "me"], ["no", "reminders"]) {
            if ws.first == "no" || !Set(ws).isDisjoint(with: Self.offWords) { return Self.command(.reminders, .reminders(leadMinutes: nil)) }
            if let minutes = duration(in: 0..<tokens.count) {
                guard (1...(24 * 60)).contains(minutes) else { return Self.problem(.reminders, "reminders can come 1 minute to 24 hours before, e.g. 'reminders 15 min'") }
                return Self.command(.reminders, .reminders(leadMinutes: minutes))
            }
            if ws.contains("on") { return Self.command(.reminders, .reminders(leadMinutes: 10)) }
            return Self.problem(.reminders, "how long before? e.g. 'reminders 15 min' or 'reminders off'")
        }
        if starts(["daily", "plan"], ["morning", "plan"], ["day", "plan"]) {
            if !rest.isDisjoint(with: Self.offWords) { return Self.command(.dailyPlan, .dailyPlan(minuteOfDay: nil)) }
            if let minute = clockMinute(defaultAfternoon: false) { return Self.command(.dailyPlan, .dailyPlan(minuteOfDay: minute)) }
            if rest.contains("on") { return Self.command(.dailyPlan, .dailyPlan(minuteOfDay: 8 * 60)) }
            return Self.problem(.dailyPlan, "at what time? e.g. 'daily plan at 8' or 'daily plan off'")
        }
        if starts(["weekly", "review"], ["week", "review"]) {
            return Self.command(.weeklyReview, .weeklyReview(on: rest.isDisjoint(with: Self.offWords)))
        }
        if starts(["quiet", "hours"], ["quiet", "time"]) {
            if !rest.isDisjoint(with: Self.offWords) { return Self.command(.quietHours, .quietHoursOff) }
            guard let (start, end) = clockRange() else {
                return Self.problem(.quietHours, "which hours? e.g. 'quiet hours 22-07' or 'quiet hours off'")
            }
            return Self.command(.quietHours, .quietHours(startMinute: start % 1440, endMinute: end % 1440))
        }
        if starts(["message", "limit"], ["messages", "limit"], ["daily", "limit"], ["limit", "messages"]) {
            guard let count = tokens.first(where: \.isNumber)?.value, (1...50).contains(count) else {
                return Self.problem(.messageLimit, "how many a day? e.g. 'message limit 5'")
            }
            return Self.command(.messageLimit, .messageLimit(perDay: count))
        }
        if ws.first == "unanswered" {
            if !Set(ws).isDisjoint(with: ["missed", "miss", "skipped", "skip"]) { return Self.command(.unanswered, .unansweredCountsAsMissed(true)) }
            if !Set(ws).isDisjoint(with: ["unknown", "ignore", "ignored", "nothing"]) { return Self.command(.unanswered, .unansweredCountsAsMissed(false)) }
            return Self.problem(.unanswered, "say 'unanswered missed' or 'unanswered unknown'")
        }
        return nil
    }

    /// `stop <habit>` / `stop habit <habit>` / `end habit <habit>`.
    private func stopHabit() -> ParsedCommand? {
        guard let stop = tokens.firstIndex(where: { $0.isWord("stop") || $0.isWord("end") || $0.isWord("drop") }) else { return nil }
        var from = stop + 1
        if from < tokens.count, tokens[from].isWord("habit") || tokens[from].isWord("doing") { from += 1 }
        guard let name = plainText(in: from..<tokens.count) else { return nil }
        var command = Self.command(.stopHabit, .stopHabit(name))
        command.task = name
        return command
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
