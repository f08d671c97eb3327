import Coaching
import Language
import SchedulerCore

extension Engine {
    /// Anything the grammar does not read as a command takes the cheapest path that serves it:
    /// a pattern reply when one matches, otherwise the route the classifier and budgets choose.
    func chat(_ command: ParsedCommand, _ turn: inout Turn) throws {
        if let problem = command.problem {
            turn.route = .none
            turn.say("\(problem) For example: schedule deep coding tomorrow for 2h")
            return
        }
        let hour = turn.week.minuteOfDay(turn.now) / 60
        if let section = settings.prompts.patterns.match(turn.text.value, hour: hour) {
            turn.route = .pattern
            turn.say(try rotatedReply(from: section, turn))
            return
        }
        turn.route = .none
        turn.say("I didn't catch a command there. I understand things like: \"schedule gym tomorrow evening\", \"done 8/10\", \"agenda\", \"move deep coding to friday morning\". Say \"help\" for the full list.")
    }

    /// The next reply of a pattern section for this user, never the one they got last time.
    func rotatedReply(from section: PatternBook.Section, _ turn: Turn) throws -> String {
        let key = "pattern.last." + turn.user.id
        let last = try turn.session.value(forKey: key)?.split(separator: "#").map(String.init)
        var index = 0
        if let last, last.count == 2, last[0] == section.name, let previous = Int(last[1]) {
            index = (previous + 1) % section.replies.count
        }
        try turn.session.setValue("\(section.name)#\(index)", forKey: key)
        return section.replies[index]
    }

    /// A cheer after a completion, chosen by the user's current streak of done tasks.
    func cheer(_ turn: Turn) throws -> String? {
        let outcomes = try turn.session.recentOutcomes(of: turn.user.id, limit: 50)
        let streak = outcomes.prefix { $0 == .done }.count
        let hour = turn.week.minuteOfDay(turn.now) / 60
        guard let section = settings.prompts.patterns.cheer(streak: streak, hour: hour) else { return nil }
        let reply = try rotatedReply(from: section, turn)
        return streak >= 3 ? "\(reply) (\(streak) in a row)" : reply
    }
}

enum Help {
    static let text = """
        Here's what I understand:
        • schedule <task> [when] [for <duration>] — e.g. schedule deep coding tomorrow for 2h (also: book, add, put)
        • done [task] [rating] [note] — e.g. done 8/10 felt sharp (also: finished, did it)
        • skip [task] — e.g. skip gym (also: missed)
        • agenda, today, tomorrow, what's next
        • cancel <task> · move <task> to <when>
        • timezone <zone> — e.g. timezone Europe/Berlin
        • available <days> <from>-<to> — e.g. available weekdays 09:00-17:00, available sat off
        I learn from every done and skip when your tasks go best.
        """
}
