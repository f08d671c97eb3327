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
        let toggled = Self.withToggleLast(ws)
        if let setting = setting(toggled) { return setting }
        // "turn off all notifications", "notifications on": every message the bot sends first.
        if let toggle = toggled.last, ["on", "off"].contains(toggle), toggled.count > 1,
           toggled.dropLast().allSatisfy({ ["all", "notifications", "messages", "nudges", "the", "my", "bot", "your"].contains($0) }),
           toggled.contains(where: { ["notifications", "messages", "nudges"].contains($0) }) {
            return .setting(toggle == "off" ? .mute : .resume)
        }
        // "stop sending me messages", "stop bugging me": a mute; "... at night" keeps the nights quiet.
        if first == "stop", let verb = ws.dropFirst().first, ["sending", "messaging", "texting", "pinging", "nudging", "bugging", "bothering", "notifying"].contains(verb) {
            if let part = mentions.first(where: { !$0.isInvalid && $0.part != nil })?.part, [.night, .lateNight, .evening, .lateEvening].contains(part) {
                return .setting(.quietHours(startMinute: 22 * 60, endMinute: 7 * 60))
            }
            return .setting(.mute)
        }
        if Self.muteSayings.contains(ws) || mutesForAWhile(ws) || asksNotToBeBotheredUntil(ws) || Self.saysNoMoreMessages(ws) { return .setting(.mute) }
        if Self.resumeSayings.contains(ws) || Self.saysMessageMeAgain(ws) { return .setting(.resume) }
        if let quiet = quietAfter(ws) { return quiet }
        if Self.listSayings.contains(ws) || Self.asksForHabits(ws) { return .habits }
        if first == "stop" || (["end", "drop"].contains(first) && ws.dropFirst().first == "habit") {
            return stopHabit()
        }
        if let stop = stopHabitInOtherWords(ws) { return stop }
        return recurrence()
    }

    /// "turn on reminders 15 min before", "switch reminders off", "enable reminders", "disable the daily plan": the
    /// toggle said first reads as the setting's own "on"/"off" after its name.
    private static func withToggleLast(_ ws: [String]) -> [String] {
        var rest = ws
        var toggle: String?
        if let first = rest.first, ["turn", "switch", "set"].contains(first), rest.count > 2, ["on", "off"].contains(rest[1]) {
            toggle = rest[1]
            rest.removeFirst(2)
        } else if let first = rest.first, ["enable", "disable"].contains(first), rest.count > 1 {
            toggle = first == "enable" ? "on" : "off"
            rest.removeFirst()
        } else if let first = rest.first, ["turn", "switch"].contains(first), let last = rest.last, ["on", "off"].contains(last), rest.count > 2 {
            toggle = last
            rest = Array(rest.dropFirst().dropLast())
        }
        // "set reminders to 20 minutes", "change quiet hours to 23-7": the verb before a setting's name adds nothing.
        if toggle == nil, let first = rest.first, ["set", "change", "update", "make"].contains(first) {
            var named = Array(rest.dropFirst())
            if named.first == "my" || named.first == "the" { named.removeFirst() }
            if let name = named.first, ["reminders", "reminder", "quiet", "daily", "weekly", "message", "messages"].contains(name) {
                return named.filter { $0 != "to" }
            }
        }
        guard let toggle else { return ws }
        if rest.first == "the" || rest.first == "my" { rest.removeFirst() }
        return rest + [toggle]
    }

    /// "mute for 2 hours", "shh until tomorrow morning", "be quiet till 3pm": a mute for a while (the bot stays
    /// muted until `resume`; the length is not kept).
    private func mutesForAWhile(_ ws: [String]) -> Bool {
        guard let first = ws.first, ["mute", "shh", "shhh", "hush", "silence", "quiet"].contains(first) || ws.starts(with: ["be", "quiet"])
            || ws.starts(with: ["shut", "up"]) else { return false }
        let free = tokens.indices.filter { tokens[$0].isWord && !isTimeToken[$0] && !Self.politeness.contains(tokens[$0].text) }
        let saysWhile = mentions.contains { !$0.isInvalid && ($0.durationMinutes != nil || $0.saysTime) }
        return saysWhile && free.allSatisfy { ["mute", "shh", "shhh", "hush", "silence", "quiet", "be", "for", "until", "till", "me", "a", "bit", "the", "next",
                                                "shut", "up", "rest", "of"].contains(tokens[$0].text) }
    }

    /// "don't bother me until tomorrow", "no messages till monday": a mute until then (until `resume`).
    private func asksNotToBeBotheredUntil(_ ws: [String]) -> Bool {
        let asks = ws.starts(with: ["don't"]) || ws.starts(with: ["dont"]) || ws.starts(with: ["do", "not"]) || ws.starts(with: ["no"])
        return asks && !Set(ws).isDisjoint(with: ["message", "messages", "text", "ping", "bother", "disturb", "notifications", "nudge"])
            && !Set(ws).isDisjoint(with: ["until", "till", "til"]) && mentions.contains { !$0.isInvalid && $0.saysTime }
    }

    /// "no more notifications today", "no more messages please": a mute (reminders alone have their own setting).
    private static func saysNoMoreMessages(_ ws: [String]) -> Bool {
        ws.starts(with: ["no", "more"]) && ws.count <= 5 && !Set(ws).isDisjoint(with: ["notifications", "messages", "nudges", "pings", "texts"])
            && ws.dropFirst(2).allSatisfy { ["notifications", "messages", "nudges", "pings", "texts", "today", "tonight", "for", "now", "pls", "please", "from", "you"].contains($0) }
    }

    /// "ok you can message me again", "you can text me again now": the user lets the bot talk first again.
    private static func saysMessageMeAgain(_ ws: [String]) -> Bool {
        let allowed: Set<String> = ["ok", "okay", "you", "can", "may", "message", "messaging", "text", "texting", "ping", "nudge", "remind",
                                    "reminding", "start", "me", "again", "talk", "to", "send", "messages", "go", "ahead", "and", "resume", "feel", "free",
                                    "sending", "reminders", "notifications", "nudges", "pinging", "nudging", "the", "now"]
        return ws.contains("again") && !Set(ws).isDisjoint(with: ["message", "messaging", "text", "texting", "ping", "nudge", "talk", "send", "messages",
                                                                  "sending", "reminders", "notifications", "nudges", "pinging", "nudging"])
            && ws.allSatisfy(allowed.contains)
    }

    /// "don't message me after 10pm", "no messages after 9pm": quiet hours from that clock to the morning (07:00).
    private func quietAfter(_ ws: [String]) -> Command? {
        let asksQuiet = ws.starts(with: ["don't"]) || ws.starts(with: ["dont"]) || ws.starts(with: ["do", "not"]) || ws.starts(with: ["no"])
        guard asksQuiet, !Set(ws).isDisjoint(with: ["message", "messages", "text", "ping", "notify", "notifications", "remind", "nudge", "bother"]),
              let after = tokens.indices.first(where: { tokens[$0].isWord("after") }),
              let minute = clockMinute(defaultAfternoon: true), mentions.contains(where: { $0.tokens.lowerBound >= after && $0.clock != nil }) else { return nil }
        return .setting(.quietHours(startMinute: minute, endMinute: 7 * 60))
    }

    /// "what are my habits", "list my routines", "show recurring stuff", "which habits do i have set up?".
    private static func asksForHabits(_ ws: [String]) -> Bool {
        let allowed: Set<String> = ["what", "what's", "whats", "are", "is", "my", "list", "show", "me", "which", "do", "i", "have", "set", "up",
                                    "all", "the", "recurring", "stuff", "things", "routines", "routine", "habits", "current", "active", "got",
                                    "tasks", "events", "repeating", "see", "can", "you", "of", "there", "any", "running"]
        return !Set(ws).isDisjoint(with: ["habits", "routines", "recurring", "repeating"]) && ws.allSatisfy(allowed.contains)
            && !Set(ws).isDisjoint(with: ["what", "what's", "whats", "list", "show", "which", "my", "see"])
    }

    /// "no more weekly review", "end my piano practice routine", "cancel the recurring gym sessions", "i'm done with
    /// the journaling habit, remove it": a habit ended in other words. A plain "cancel gym" cancels one event.
    private func stopHabitInOtherWords(_ ws: [String]) -> Command? {
        let marksHabit = !Set(ws).isDisjoint(with: ["habit", "routine", "recurring", "repeating"])
        let lead: [[String]] = [["no", "more"], ["end", "my"], ["end", "the"], ["quit", "my"], ["quit", "the"], ["cancel", "the"], ["cancel", "my"],
                                ["delete", "the"], ["delete", "my"], ["remove", "the"], ["remove", "my"], ["i'm", "done", "with", "the"],
                                ["im", "done", "with", "the"], ["i'm", "done", "with", "my"], ["done", "with", "the"], ["drop", "the"], ["drop", "my"]]
        guard let phrase = lead.first(where: { ws.starts(with: $0) }), marksHabit || phrase == ["no", "more"] else { return nil }
        // "no more meetings today": a time said makes it about events, not a habit.
        guard !mentions.contains(where: { !$0.isInvalid && $0.saysTime }) else { return nil }
        var name = Array(ws.dropFirst(phrase.count))
        if let clause = tokens.firstIndex(where: { [",", ";", "."].contains($0.text) && $0.kind == .symbol }) {
            name = Array(name.prefix(tokens[..<clause].filter(\.isWord).count - phrase.count))
        }
        name.removeAll { ["habit", "routine", "recurring", "repeating", "habits", "routines"].contains($0) }
        guard !name.isEmpty, name.count <= 4, !name.contains(where: { Self.notTaskNameWords.contains($0) && !["of", "with"].contains($0) }) else { return nil }
        return .stopHabit(name: name.joined(separator: " "))
    }

    static let politeness: Set<String> = ["please", "pls", "plz", "now", "bot", "thanks", "thank", "you"]
    static let muteSayings: Set<[String]> = [
        ["stop"], ["mute"], ["quiet"], ["shh"], ["hush"], ["be", "quiet"], ["go", "quiet"], ["mute", "me"], ["stop", "it"],
        ["stop", "that"], ["stop", "messaging", "me"], ["stop", "messages"], ["stop", "nudging", "me"], ["shut", "up"],
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
        // "stop reminding me", "no more reminders": reminders off (mute would silence every message the bot sends first).
        if [["stop", "reminding", "me"], ["stop", "reminders"], ["no", "more", "reminders"], ["stop", "the", "reminders"], ["don't", "remind", "me"],
            ["dont", "remind", "me"], ["do", "not", "remind", "me"]].contains(ws) {
            return .setting(.reminders(leadMinutes: nil))
        }
        // "reminder to self: be kind": a note, not the setting.
        if starts(["reminder", "to"], ["reminders", "to"]) { return nil }
        if starts(["reminders"], ["reminder"], ["remind", "me"], ["no", "reminders"]), !starts(["remind", "me", "to"]), remindMeSetting {
            if ws.first == "no" || !Set(ws).isDisjoint(with: Self.offWords) { return .setting(.reminders(leadMinutes: nil)) }
            if let (minutes, typed) = typedDuration() {
                guard (1...(24 * 60)).contains(minutes) else { return Self.problem(.reminders, .impossible(ImpossibleValue(typed, .leadTime))) }
                return .setting(.reminders(leadMinutes: minutes))
            }
            if ws.contains("on") { return .setting(.reminders(leadMinutes: 10)) }
            return Self.problem(.reminders, .missing(.leadTime))
        }
        // "no daily plan", "no weekly review": the setting off.
        if ws.first == "no", ws.count > 2, ["daily", "morning", "weekly", "quiet"].contains(ws[1]) { return setting(Array(ws.dropFirst()) + ["off"]) }
        if starts(["daily", "plan"], ["morning", "plan"], ["day", "plan"], ["daily", "summary"], ["morning", "summary"], ["daily", "digest"],
                  ["daily", "briefing"], ["morning", "briefing"]) {
            if !rest.isDisjoint(with: Self.offWords) { return .setting(.dailyPlan(minuteOfDay: nil)) }
            if let problem = timeProblem(in: 0..<tokens.count) { return Self.problem(.dailyPlan, problem) }
            if let minute = clockMinute(defaultAfternoon: false) { return .setting(.dailyPlan(minuteOfDay: minute)) }
            if rest.contains("on") { return .setting(.dailyPlan(minuteOfDay: 8 * 60)) }
            return Self.problem(.dailyPlan, .missing(.clockTime))
        }
        if starts(["weekly", "review"], ["week", "review"]) {
            return .setting(.weeklyReview(on: rest.isDisjoint(with: Self.offWords)))
        }
        // "quiet from 11pm to 7am", "quiet between 10pm and 6am": the hours, said without the word hours.
        if ws.first == "quiet", ws.count > 1, ["from", "between"].contains(ws[1]), let (start, end) = clockRange() {
            return .setting(.quietHours(startMinute: start % 1440, endMinute: end % 1440))
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
