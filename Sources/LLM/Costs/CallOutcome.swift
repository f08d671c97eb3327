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
