/// Sums over a set of cost-log rows.
public struct CostTotals: Sendable, Hashable {
    public var calls = 0
    public var promptTokens = 0
    public var completionTokens = 0
    public var cachedTokens = 0
    public var estimatedCalls = 0
    public var failedCalls = 0
    public var costUSD = 0.0

    public init() {}

    mutating func add(_ record: CostRecord) {
        calls += 1
        promptTokens += record.promptTokens
        completionTokens += record.completionTokens
        cachedTokens += record.cachedTokens
        estimatedCalls += record.estimated ? 1 : 0
        failedCalls += record.outcome == .error || record.outcome == .timeout ? 1 : 0
        costUSD += record.costUSD
    }

    var usage: TokenUsage {
        TokenUsage(promptTokens: promptTokens, completionTokens: completionTokens, cachedTokens: cachedTokens)
    }
}
