import Coaching
import Foundation
import Language
import LLM
import SchedulerCore
import StoreProtocols

/// A message answered without the model it would otherwise have needed (a cache hit, a budget deferral);
/// logged after the transaction with the tokens it would have cost, so audits can price the saving.
struct SkippedCall: Sendable {
    var request: ChatRequest
    /// `cache` or `deferred`.
    var route: CostRoute
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
    var path: Route
    var classification: Classification
    var reason: String
    var request: ChatRequest
    var leadingReplies: [Reply]
    /// The thread turns the request was built from (ids), so the answer can fold the summary after the call.
    var threadTail: [StoredTurn]
    var summary: ThreadSummary?
    /// What the call may cost at most; held against the budgets while the call is awaited.
    var worstCaseUSD: Double = 0

    /// The cost log's `message_type`: `plan` for plans, as on plan-cache rows, else the chat's type.
    var costMessageType: String {
        if case .plan = kind { return "plan" }
        return classification.type.rawValue
    }
}

extension Engine {
    /// Anything the grammar does not read as a command takes the cheapest path that serves it:
    /// a pattern reply when one matches, otherwise the route the classifier and budgets choose.
    /// Nil when the model is asked (its answer comes after this transaction) or a budget notice was given.
    func chat(_ turn: inout Turn) throws -> ChatOutcome? {
        let hour = turn.week.minuteOfDay(turn.now) / 60
        let matched = settings.prompts.patterns.match(turn.text.value, hour: hour)
        let policy = settings.chat?.policy ?? RoutePolicy()
        let classification = matched == nil ? settings.prompts.router.classify(turn.text.value) : nil
        if let matched {
            logger.debug("route pattern: \(matched.name)")
            turn.route = .pattern
            turn.messageType = matched.name
            return .patternReply(try rotatedReply(from: matched, turn))
        }
        let routed = classification ?? Classification(type: .other, probability: 0)
        if policy.isPhatic(routed) {
            logger.info("route pattern: \(routed.rule)")
            turn.route = .pattern
            turn.messageType = routed.type.rawValue
            return try phaticReply(routed, hour: hour, turn)
        }
        guard let chat = settings.chat else {
            turn.route = .none
            return .commandHint
        }
        let budget = try budgetState(chat, turn)
        let decision = chat.policy.decide(classification: routed, patternMatched: false,
                                          userMessageCount: turn.user.chatCount, budget: budget)
        logger.info("route \(decision.path.rawValue): \(decision.reason)")
        switch decision.path {
        case .pattern, .command: // the policy never says `.command`: the grammar took commands before
            turn.route = .pattern
            turn.messageType = routed.type.rawValue
            return try phaticReply(routed, hour: hour, turn)
        case .none:
            let denial = chat.gate.denial(path: .completions, worstCaseUSD: 0, state: budget) ?? .userDaily
            let request = ChatRequest(model: chat.completionsModel, messages: [.user(turn.text.forModel)],
                                      maxTokens: chat.completionsMaxTokens, purpose: routed.type.rawValue)
            try deferCall(denial, request: request, messageType: routed.type.rawValue, &turn)
        case .completions, .assistant:
            try chooseModelCall(decision, classification: routed, chat: chat, budget: budget, &turn)
        }
        return nil
    }

    /// The pattern reply for a message the classifier is sure is phatic: the section its closest example
    /// would have matched, else the section for its kind by time of day and streak; never a model call.
    private func phaticReply(_ classification: Classification, hour: Int, _ turn: Turn) throws -> ChatOutcome {
        let book = settings.prompts.patterns
        let streak = try turn.session.recentOutcomes(of: turn.user.id, limit: 50).prefix { $0 == .done }.count
        let viaExample = classification.closest.flatMap { $0.type.isPhatic ? book.match($0.text, hour: hour, streak: streak) : nil }
        let kind = classification.type == .greeting ? "greeting" : "small_talk"
        guard let section = viaExample ?? book.phatic(kind: kind, hour: hour, streak: streak)
            ?? book.phatic(kind: "ack", hour: hour, streak: streak) else { return .noPatternFits }
        return .patternReply(try rotatedReply(from: section, turn).replacingOccurrences(of: "{streak}", with: "\(streak)"))
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
    func cheer(_ turn: Turn) throws -> Cheer? {
        let outcomes = try turn.session.recentOutcomes(of: turn.user.id, limit: 50)
        let streak = outcomes.prefix { $0 == .done }.count
        let hour = turn.week.minuteOfDay(turn.now) / 60
        guard let section = settings.prompts.patterns.cheer(streak: streak, hour: hour) else { return nil }
        return Cheer(reply: try rotatedReply(from: section, turn), streak: streak)
    }
}
