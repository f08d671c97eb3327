/// How an LLM-eligible message ended, as written to the cost log.
public enum CallOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case ok
    case error
    case timeout
    /// Answered from a cache (pattern or plan cache): no call made, cost 0.
    case cached
    /// Not sent because a budget cap was reached: cost 0.
    case budgetDeferred = "budget_deferred"
    /// Answered by the command grammar, never a model's business: cost 0.
    case noModel = "no_model"
}

extension CallOutcome {
    /// The outcomes of calls that reached a model: they count against the per-user call limits.
    public static let reachedModel: Set<CallOutcome> = [.ok, .error, .timeout]
}
