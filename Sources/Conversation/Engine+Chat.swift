import Coaching
import Foundation
import Language
import LLM
import SchedulerCore
import Storage

/// A message answered without the model it would otherwise have needed (a cache hit, a budget deferral);
/// logged after the transaction with the tokens it would have cost, so audits can price the saving.
struct SkippedCall: Sendable {
    var request: ChatRequest
    var route: String
    var messageType: String
    var outcome: CallOutcome
}

/// A chat answer that needs a model: everything decided before the call, as plain values.
struct ModelTask: Sendable {
    enum Kind: Sendable {
        case chat
        case plan(key: String, details: PlanTemplate.Details)
    }

    var kind: Kind = .chat
    var message: InboundMessage
    var path: ChatPath
    var classification: Classification
    var reason: String
    var request: ChatRequest
    var leadingReplies: [Reply]
    /// The thread turns the request was built from (ids), so the answer can fold the summary after the call.
    var threadTail: [StoredTurn]
    var summary: ThreadSummary?
}

extension Engine {
    /// Anything the grammar does not read as a command takes the cheapest path that serves it:
    /// a pattern reply when one matches, otherwise the route the classifier and budgets choose.
    func chat(_ turn: inout Turn) throws {
        let hour = turn.week.minuteOfDay(turn.now) / 60
        let matched = settings.prompts.patterns.match(turn.text.value, hour: hour)
        let policy = settings.chat?.policy ?? RoutePolicy()
        let classification = matched == nil ? settings.prompts.router.classify(turn.text.value) : nil
        if let matched {
            logger.debug("route pattern: \(matched.name)")
            turn.route = .pattern
            turn.say(try rotatedReply(from: matched, turn))
            return
        }
        let routed = classification ?? Classification(type: .other, probability: 0)
        if policy.isPhatic(routed) {
            logger.info("route pattern: \(routed.rule)")
            turn.route = .pattern
            turn.say(try phaticReply(routed, hour: hour, turn))
            return
        }
        guard let chat = settings.chat else {
            turn.route = .none
            turn.say(Engine.commandHint)
            return
        }
        let budget = try budgetState(chat, turn)
        let decision = chat.policy.decide(classification: routed, patternMatched: false,
                                          userMessageCount: turn.user.chatCount, budget: budget)
        logger.info("route \(decision.path.rawValue): \(decision.reason)")
        switch decision.path {
        case .pattern:
            turn.route = .pattern
            turn.say(try phaticReply(routed, hour: hour, turn))
        case .none:
            turn.route = .none
            try sayBudgetNotice(decision, &turn)
            let request = ChatRequest(model: chat.completionsModel, messages: [.user(turn.text.value)], purpose: routed.type.rawValue)
            turn.skippedCalls.append(SkippedCall(request: request, route: "completions", messageType: routed.type.rawValue, outcome: .budgetDeferred))
        case .completions, .assistant:
            turn.modelTask = try modelTask(decision: decision, classification: routed, chat: chat, turn)
        }
    }

    /// The pattern reply for a message the classifier is sure is phatic: the section its closest example
    /// would have matched, else the section for its kind by time of day and streak; never a model call.
    private func phaticReply(_ classification: Classification, hour: Int, _ turn: Turn) throws -> String {
        let book = settings.prompts.patterns
        let streak = try turn.session.recentOutcomes(of: turn.user.id, limit: 50).prefix { $0 == .done }.count
        let viaExample = classification.closest.flatMap { $0.type.isPhatic ? book.match($0.text, hour: hour, streak: streak) : nil }
        let kind = classification.type == .greeting ? "greeting" : "small_talk"
        guard let section = viaExample ?? book.phatic(kind: kind, hour: hour, streak: streak)
            ?? book.phatic(kind: "ack", hour: hour, streak: streak) else { return "🙂" }
        return try rotatedReply(from: section, turn).replacingOccurrences(of: "{streak}", with: "\(streak)")
    }

    static let commandHint = "I didn't catch a command there. I understand things like: \"schedule gym tomorrow evening\", \"done 8/10\", \"agenda\", \"move deep coding to friday morning\". Say \"help\" for the full list."

    /// Spend today (UTC day of the message) and calls in the last minute, from the stored cost rows.
    func budgetState(_ chat: ChatSettings, _ turn: Turn) throws -> BudgetState {
        let pseudonym = chat.llm.hasher.pseudonym(for: turn.user.id)
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? .current
        let dayStart = utc.startOfDay(for: turn.now)
        return BudgetState(userCallsLastMinute: try turn.session.modelCalls(user: pseudonym, since: turn.now.addingTimeInterval(-60)),
                           userSpentTodayUSD: try turn.session.spend(user: pseudonym, since: dayStart),
                           globalSpentTodayUSD: try turn.session.spend(user: nil, since: dayStart))
    }

    /// Past a cap the user is told plainly, once a day; after that commands and patterns still work.
    private func sayBudgetNotice(_ decision: RouteDecision, _ turn: inout Turn) throws {
        let key = "budget.notice." + turn.user.id
        let day = TimeFormat(timeZone: turn.user.timeZone).day(turn.now)
        if try turn.session.value(forKey: key) != day {
            try turn.session.setValue(day, forKey: key)
            let why = decision.reason == "user rate limit" ? "You're sending messages faster than I can think about them." : "I've reached today's budget for longer coaching answers."
            turn.say("\(why) Commands still work as always (schedule, done, agenda...); try again a bit later for a longer chat.")
        } else {
            turn.say(Engine.commandHint)
        }
    }

    /// Builds the request for the chosen path: a short context for the cheap model, the pruned thread,
    /// summary and insights for the strong one (tools only when the message asks for an action).
    private func modelTask(decision: RouteDecision, classification: Classification, chat: ChatSettings, _ turn: Turn) throws -> ModelTask {
        let isAssistant = decision.path == .assistant
        var messages: [ChatMessage] = []
        var tail: [StoredTurn] = []
        let summary = try turn.session.threadSummary(of: turn.user.id)
        if isAssistant {
            messages.append(.system(chat.assistantSystemPrompt + "\n" + (try coachingContext(chat, turn))))
            if let summary, !summary.text.isEmpty { messages.append(.system("Earlier in this conversation: " + summary.text)) }
            tail = try turn.session.threadTurns(of: turn.user.id, after: summary?.foldedThrough ?? 0)
            for stored in tail.suffix(chat.pruner.keepLast) {
                messages.append(stored.speaker == "assistant" ? .assistant(stored.text) : .user(stored.text))
            }
        } else {
            messages.append(.system(chat.completionsSystemPrompt + "\n" + (try briefContext(turn))))
        }
        messages.append(.user(turn.text.value))
        let tools = isAssistant && Engine.asksForAction(classification, turn.text.value) ? ChatTools.definitions : []
        let request = ChatRequest(model: isAssistant ? chat.assistantModel : chat.completionsModel, messages: messages,
                                  maxTokens: isAssistant ? chat.assistantMaxTokens : chat.completionsMaxTokens,
                                  tools: tools, purpose: classification.type.rawValue)
        return ModelTask(message: turn.message, path: decision.path, classification: classification, reason: decision.reason,
                         request: request, leadingReplies: turn.replies, threadTail: tail, summary: summary)
    }

    /// Name, streak and today's agenda: all the cheap model needs to sound like it knows you.
    private func briefContext(_ turn: Turn) throws -> String {
        let streak = try turn.session.recentOutcomes(of: turn.user.id, limit: 50).prefix { $0 == .done }.count
        return "User: \(Engine.displayName(turn.user.id)). Done streak: \(streak). Today: \(try todayLine(turn))."
    }

    /// The brief context plus task types and the latest insights, capped.
    private func coachingContext(_ chat: ChatSettings, _ turn: Turn) throws -> String {
        let types = try turn.session.taskTypes(of: turn.user.id).prefix(10).map { "\($0.displayName) (\($0.completionCount) done)" }
        let insights = try turn.session.insights(of: turn.user.id, limit: chat.maxInsights).map(\.text)
        var lines = [try briefContext(turn)]
        if !types.isEmpty { lines.append("Task types: " + types.joined(separator: ", ") + ".") }
        if !insights.isEmpty { lines.append("What I've learned: " + insights.joined(separator: " ")) }
        return lines.joined(separator: "\n")
    }

    private func todayLine(_ turn: Turn) throws -> String {
        let start = turn.week.startOfDay(turn.now)
        let end = turn.week.addingDays(1, to: start) ?? start.addingTimeInterval(86_400)
        let events = try turn.session.events(of: turn.user.id, overlapping: DateInterval(start: start, end: end), statuses: [.scheduled, .done])
        guard !events.isEmpty else { return "nothing scheduled" }
        return events.map { "\(turn.format.clock($0.start)) \($0.title)\($0.status == .done ? " (done)" : "")" }.joined(separator: ", ")
    }

    static func displayName(_ userID: String) -> String {
        // "@alice:example.org" -> "alice"; IRC and console ids pass through.
        let trimmed = userID.hasPrefix("@") ? String(userID.dropFirst()) : userID
        return String(trimmed.split(separator: ":").first ?? Substring(trimmed))
    }

    /// Tools cost prompt tokens on every call, so they are offered only for messages that ask for an action.
    static func asksForAction(_ classification: Classification, _ text: String) -> Bool {
        if classification.type == .planning { return true }
        let words = Set(PatternText.words(text))
        return !words.isDisjoint(with: ["schedule", "book", "move", "reschedule", "plan", "agenda", "block", "slot", "mark", "done"])
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
        • habits: schedule gym 3 times a week · standup every weekday at 9:30 for 15 min · habits · stop <habit>
        • reminders 15 min / off · daily plan at 8 / off · weekly review on · quiet hours 22-07 · message limit 5
        • unanswered missed / unknown · stop, mute or quiet (until resume)
        • plan <goal> — e.g. plan a marathon training block
        I learn from every done and skip when your tasks go best.
        """
}
