/// Tokens a call used. `cachedTokens` is the part of `promptTokens` the provider served from
/// its prompt cache (OpenAI's `prompt_tokens_details.cached_tokens`), billed at the cached rate.
public struct TokenUsage: Sendable, Hashable, Codable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var cachedTokens: Int
    /// True when the provider reported no usage and the numbers come from `TokenEstimator`.
    public var estimated: Bool

    public init(promptTokens: Int, completionTokens: Int, cachedTokens: Int = 0, estimated: Bool = false) {
        self.promptTokens = max(0, promptTokens)
        self.completionTokens = max(0, completionTokens)
        self.cachedTokens = min(max(0, cachedTokens), max(0, promptTokens))
        self.estimated = estimated
    }

    public static let zero = TokenUsage(promptTokens: 0, completionTokens: 0)

    public var totalTokens: Int { promptTokens + completionTokens }
}
