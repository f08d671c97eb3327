/// Why a model call may not be made now.
public enum BudgetDenial: String, Sendable, Equatable, CaseIterable {
    /// The user caused as many calls as allowed in the last minute.
    case rateLimit = "rate_limit"
    /// The call's worst-case cost does not fit what is left of the user's daily budget.
    case userDaily = "user_daily"
    /// The call's worst-case cost does not fit what is left of the bot's daily budget.
    case globalDaily = "global_daily"
    /// The strong model is kept out of the last share of either daily budget.
    case assistantShare = "assistant_share"
    /// The model has no price, so its cost cannot be bounded.
    case unpriced
    /// The prompt cannot be cut to the prompt-token budget without dropping the system prompt or the message.
    case promptTooLong = "prompt_too_long"

    /// Denials a cheaper model can get past; a rate limit or an unpriced model stops every call.
    public var cheaperModelMayFit: Bool {
        switch self {
        case .userDaily, .globalDaily, .assistantShare, .promptTooLong: true
        case .rateLimit, .unpriced: false
        }
    }
}

/// The pre-call check that makes spend limits fail closed: a call is made only when its worst-case
/// cost (estimated prompt plus the most completion tokens the request allows, at the model's price)
/// fits what is left of both daily budgets. Spend already committed to calls still in flight counts
/// as spent, so concurrent messages cannot share the same remaining budget.
///
/// With an exact estimator a budget is never exceeded; with a real provider the overshoot is at most
/// the estimator's error on the calls that fitted.
public struct BudgetGate: Sendable, Equatable {
    public var limits: BudgetLimits

    public init(limits: BudgetLimits) {
        self.limits = limits
    }

    /// nil when a call on `path` costing at most `worstCaseUSD` may be made now.
    public func denial(path: Route, worstCaseUSD: Double?, state: BudgetState) -> BudgetDenial? {
        if state.userCallsLastMinute >= limits.userCallsPerMinute { return .rateLimit }
        guard let cost = worstCaseUSD, cost.isFinite, cost >= 0 else { return .unpriced }
        let user = state.userSpentTodayUSD + cost
        let global = state.globalSpentTodayUSD + cost
        if global > limits.globalDailyUSD { return .globalDaily }
        if user > limits.userDailyUSD { return .userDaily }
        if path == .assistant, user > limits.userDailyUSD * limits.assistantShare
            || global > limits.globalDailyUSD * limits.assistantShare {
            return .assistantShare
        }
        return nil
    }

    /// The next path down after a denial: assistant → completions → none.
    public static func stepDown(from path: Route, after denial: BudgetDenial) -> Route {
        guard denial.cheaperModelMayFit, path == .assistant else { return .none }
        return .completions
    }
}
