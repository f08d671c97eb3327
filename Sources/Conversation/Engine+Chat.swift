import Language

extension Engine {
    /// Anything the grammar does not read as a command. The LLM paths take over here later;
    /// until then an honest answer that shows what the bot understands.
    func chat(_ command: ParsedCommand, _ turn: inout Turn) {
        if let problem = command.problem {
            turn.say("\(problem) For example: schedule deep coding tomorrow for 2h")
            return
        }
        turn.say("I didn't catch a command there. I understand things like: \"schedule gym tomorrow evening\", \"done 8/10\", \"agenda\", \"move deep coding to friday morning\". Say \"help\" for the full list.")
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
