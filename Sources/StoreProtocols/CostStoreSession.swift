import Foundation

/// The store's copy of the LLM cost log, which the spend limits read.
public protocol CostStoreSession {
    func record(_ call: LLMCallRow) throws
    /// Money spent since `instant`, for one pseudonymous user or (nil) everyone.
    func spend(user: String?, since instant: Date) throws -> Double
    /// Calls that reached a model since `instant` for one pseudonymous user.
    func modelCalls(user: String, since instant: Date) throws -> Int
    /// LLM rows since `instant`, oldest first (admin audits).
    func calls(since instant: Date) throws -> [LLMCallRow]
}

/// The outcomes of a call that count as reaching a model (the others were answered without one).
public enum ModelCallOutcome {
    public static let reachedModel: Set<String> = ["ok", "error", "timeout"]
}

/// One row of the LLM cost log as stored in SQLite (the user is a pseudonym, never the raw id).
public struct LLMCallRow: Sendable, Equatable {
    public var time: Date
    public var user: String
    public var route: String
    public var messageType: String
    public var model: String
    public var promptTokens: Int
    public var completionTokens: Int
    public var cachedTokens: Int
    public var estimated: Bool
    public var costUSD: Double
    public var latencyMs: Int
    public var outcome: String
    public var baselinePromptTokens: Int?
    public var baselineCompletionTokens: Int?
    public var worstCaseUSD: Double?

    public init(time: Date, user: String, route: String, messageType: String, model: String, promptTokens: Int,
                completionTokens: Int, cachedTokens: Int, estimated: Bool, costUSD: Double, latencyMs: Int, outcome: String,
                baselinePromptTokens: Int? = nil, baselineCompletionTokens: Int? = nil, worstCaseUSD: Double? = nil) {
        self.time = time
        self.user = user
        self.route = route
        self.messageType = messageType
        self.model = model
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.cachedTokens = cachedTokens
        self.estimated = estimated
        self.costUSD = costUSD
        self.latencyMs = latencyMs
        self.outcome = outcome
        self.baselinePromptTokens = baselinePromptTokens
        self.baselineCompletionTokens = baselineCompletionTokens
        self.worstCaseUSD = worstCaseUSD
    }
}
