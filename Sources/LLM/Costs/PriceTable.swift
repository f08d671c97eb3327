/// USD per one million tokens for one model.
public struct ModelPrice: Sendable, Hashable, Codable {
    public var promptPerMillion: Double
    public var completionPerMillion: Double
    /// Rate for prompt tokens served from the provider's prompt cache.
    public var cachedPerMillion: Double

    public init(promptPerMillion: Double, completionPerMillion: Double, cachedPerMillion: Double? = nil) {
        self.promptPerMillion = promptPerMillion
        self.completionPerMillion = completionPerMillion
        self.cachedPerMillion = cachedPerMillion ?? promptPerMillion
    }

    /// `((prompt - cached) * promptRate + cached * cachedRate + completion * completionRate) / 1e6`;
    /// `cachedTokens` is a part of `promptTokens`, as OpenAI reports it.
    public func cost(of usage: TokenUsage) -> Double {
        let uncached = Double(usage.promptTokens - usage.cachedTokens)
        return (uncached * promptPerMillion + Double(usage.cachedTokens) * cachedPerMillion
            + Double(usage.completionTokens) * completionPerMillion) / 1_000_000
    }
}

/// Prices by model name. A dated or tagged variant ("gpt-4o-mini-2024-07-18", "llama3:8b")
/// uses the entry of its longest listed prefix that ends at a "-" or ":" boundary.
public struct PriceTable: Sendable, Hashable {
    public var prices: [String: ModelPrice]

    public init(_ prices: [String: ModelPrice]) {
        self.prices = prices
    }

    public func price(for model: String) -> ModelPrice? {
        if let exact = prices[model] { return exact }
        let candidates = prices.keys.filter { key in
            guard model.hasPrefix(key), let next = model.dropFirst(key.count).first else { return false }
            return next == "-" || next == ":"
        }
        return candidates.max { $0.count < $1.count }.flatMap { prices[$0] }
    }

    /// Cost in USD, or nil when the model has no price.
    public func cost(of usage: TokenUsage, model: String) -> Double? {
        price(for: model)?.cost(of: usage)
    }

    /// Public list prices (USD per 1M tokens) of common OpenAI models, late 2024 / 2025.
    /// bot.conf `[costs.prices]` entries replace or extend these; local models cost nothing
    /// unless priced there.
    public static let defaults = PriceTable([
        "gpt-4o": ModelPrice(promptPerMillion: 2.50, completionPerMillion: 10.00, cachedPerMillion: 1.25),
        "gpt-4o-mini": ModelPrice(promptPerMillion: 0.15, completionPerMillion: 0.60, cachedPerMillion: 0.075),
        "gpt-4.1": ModelPrice(promptPerMillion: 2.00, completionPerMillion: 8.00, cachedPerMillion: 0.50),
        "gpt-4.1-mini": ModelPrice(promptPerMillion: 0.40, completionPerMillion: 1.60, cachedPerMillion: 0.10),
        "gpt-4.1-nano": ModelPrice(promptPerMillion: 0.10, completionPerMillion: 0.40, cachedPerMillion: 0.025),
        "gpt-4-turbo": ModelPrice(promptPerMillion: 10.00, completionPerMillion: 30.00),
        "gpt-4": ModelPrice(promptPerMillion: 30.00, completionPerMillion: 60.00),
        "text-embedding-3-small": ModelPrice(promptPerMillion: 0.02, completionPerMillion: 0),
        "text-embedding-3-large": ModelPrice(promptPerMillion: 0.13, completionPerMillion: 0),
    ])

    /// These prices with `overrides` replacing same-named entries.
    public func merging(_ overrides: [String: ModelPrice]) -> PriceTable {
        PriceTable(prices.merging(overrides) { _, new in new })
    }
}
