import Coaching
import Foundation
import LLM
import StoreProtocols

extension Engine {
    /// Spend today (UTC day of the message) and calls in the last minute, from the stored cost rows,
    /// with the calls still being awaited counted as made at their worst-case cost.
    func budgetState(_ chat: ChatSettings, _ turn: Turn) throws -> BudgetState {
        let pseudonym = chat.llm.hasher.pseudonym(for: turn.user.id)
        let dayStart = Engine.utcDayStart(turn.now)
        let calls = try turn.session.modelCalls(user: pseudonym, since: turn.now.addingTimeInterval(-60))
        return BudgetState(userCallsLastMinute: calls + inFlight.count(userID: turn.user.id),
                           userSpentTodayUSD: try turn.session.spend(user: pseudonym, since: dayStart)
                               + inFlight.worstCaseUSD(userID: turn.user.id),
                           globalSpentTodayUSD: try turn.session.spend(user: nil, since: dayStart) + inFlight.worstCaseUSD)
    }

    static func utcDayStart(_ instant: Date) -> Date {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? .current
        return utc.startOfDay(for: instant)
    }

    /// Tries the wanted path, then each cheaper one, until a request fits the prompt-token budget and
    /// its worst-case cost fits both daily budgets. When none does, the message is answered without a
    /// model and the user is told why, once a day.
    func chooseModelCall(_ decision: RouteDecision, classification: Classification, chat: ChatSettings,
                         budget: BudgetState, _ turn: inout Turn) throws {
        var path = decision.path
        var firstDenial: BudgetDenial?
        var wanted: ChatRequest?
        while path == .assistant || path == .completions {
            let draft = try promptDraft(path, classification: classification, chat: chat, turn)
            let worstCase = draft.flatMap { chat.llm.worstCaseCost(of: $0.request) }
            let denial = draft == nil ? .promptTooLong : chat.gate.denial(path: path, worstCaseUSD: worstCase, state: budget)
            if let draft, let worstCase, denial == nil {
                var reason = decision.reason
                if let firstDenial {
                    reason = "\(firstDenial.rawValue), stepped down to \(path.rawValue); \(reason)"
                    if try firstTimeToday("budget.stepdown.", &turn) { say(ChatOutcome.steppingDown, &turn) }
                }
                turn.modelTask = ModelTask(message: turn.message, path: path, classification: classification, reason: reason,
                                           request: draft.request, leadingReplies: turn.replies, threadTail: draft.tail,
                                           summary: draft.summary, worstCaseUSD: worstCase)
                return
            }
            let cause = denial ?? .unpriced
            firstDenial = firstDenial ?? cause
            wanted = wanted ?? draft?.request
            path = BudgetGate.stepDown(from: path, after: cause)
        }
        let request = wanted ?? ChatRequest(model: chat.completionsModel, messages: [.user(turn.text.forModel)],
                                            maxTokens: chat.completionsMaxTokens, purpose: classification.type.rawValue)
        try deferCall(firstDenial ?? .userDaily, request: request,
                      messageType: classification.type.rawValue, &turn)
    }

    /// Answers without the model a budget kept the message from: the reason once a day, the command
    /// hint (or `otherwise`) after that, and a cost row at no cost with the tokens the call would have used.
    func deferCall(_ denial: BudgetDenial, request: ChatRequest, messageType: String,
                   otherwise: ChatOutcome = .commandHint, _ turn: inout Turn) throws {
        turn.route = .none
        // Past a cap the user is told plainly, once a day per kind of limit; commands and patterns still work.
        let noticeKey = denial == .rateLimit ? "budget.notice.rate." : "budget.notice."
        say(try firstTimeToday(noticeKey, &turn) ? ChatOutcome.budgetReached(denial) : otherwise, &turn)
        turn.skippedCalls.append(SkippedCall(request: request, route: .deferred, messageType: messageType,
                                             outcome: .budgetDeferred))
    }

    /// True once per user's local day for `prefix`, remembering that it was.
    private func firstTimeToday(_ prefix: String, _ turn: inout Turn) throws -> Bool {
        let key = prefix + turn.user.id
        let day = TimeFormat(timeZone: turn.user.timeZone).day(turn.now)
        guard try turn.session.value(forKey: key) != day else { return false }
        try turn.session.setValue(day, forKey: key)
        return true
    }
}
