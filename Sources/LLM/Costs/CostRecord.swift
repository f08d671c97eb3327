import Foundation

/// One line of the cost log: one LLM-eligible message handled by an LLM call, a cache, or a
/// budget deferral. JSON keys are snake_case and stable (auditors parse them):
/// `time, user, route, message_type, model, prompt_tokens, completion_tokens, cached_tokens,
/// estimated, cost_usd, latency_ms, outcome`.
///
/// For `cached` and `budget_deferred` rows, record the tokens the call would have used
/// (estimated) with cost 0, so `costs` can price the strong-model counterfactual for them.
public struct CostRecord: Sendable, Hashable, Codable {
    public var time: Date
    /// `UserHasher` pseudonym, never the raw id.
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
    public var outcome: CallOutcome

    public init(
        time: Date, user: String, route: String, messageType: String, model: String,
        usage: TokenUsage, costUSD: Double, latencyMs: Int, outcome: CallOutcome
    ) {
        self.time = time
        self.user = user
        self.route = route
        self.messageType = messageType
        self.model = model
        self.promptTokens = usage.promptTokens
        self.completionTokens = usage.completionTokens
        self.cachedTokens = usage.cachedTokens
        self.estimated = usage.estimated
        self.costUSD = costUSD
        self.latencyMs = latencyMs
        self.outcome = outcome
    }

    public var usage: TokenUsage {
        TokenUsage(promptTokens: promptTokens, completionTokens: completionTokens, cachedTokens: cachedTokens, estimated: estimated)
    }

    enum CodingKeys: String, CodingKey {
        case time, user, route, model, estimated, outcome
        case messageType = "message_type"
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case cachedTokens = "cached_tokens"
        case costUSD = "cost_usd"
        case latencyMs = "latency_ms"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let timeText = try container.decode(String.self, forKey: .time)
        guard let time = CostLogTime.parse(timeText) else {
            throw DecodingError.dataCorruptedError(forKey: .time, in: container, debugDescription: "not an ISO 8601 time: \(timeText)")
        }
        self.time = time
        user = try container.decode(String.self, forKey: .user)
        route = try container.decode(String.self, forKey: .route)
        messageType = try container.decode(String.self, forKey: .messageType)
        model = try container.decode(String.self, forKey: .model)
        promptTokens = try container.decode(Int.self, forKey: .promptTokens)
        completionTokens = try container.decode(Int.self, forKey: .completionTokens)
        cachedTokens = try container.decodeIfPresent(Int.self, forKey: .cachedTokens) ?? 0
        estimated = try container.decodeIfPresent(Bool.self, forKey: .estimated) ?? false
        costUSD = try container.decode(Double.self, forKey: .costUSD)
        latencyMs = try container.decodeIfPresent(Int.self, forKey: .latencyMs) ?? 0
        outcome = try container.decode(CallOutcome.self, forKey: .outcome)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(CostLogTime.format(time), forKey: .time)
        try container.encode(user, forKey: .user)
        try container.encode(route, forKey: .route)
        try container.encode(messageType, forKey: .messageType)
        try container.encode(model, forKey: .model)
        try container.encode(promptTokens, forKey: .promptTokens)
        try container.encode(completionTokens, forKey: .completionTokens)
        try container.encode(cachedTokens, forKey: .cachedTokens)
        try container.encode(estimated, forKey: .estimated)
        try container.encode(costUSD, forKey: .costUSD)
        try container.encode(latencyMs, forKey: .latencyMs)
        try container.encode(outcome, forKey: .outcome)
    }
}

/// Times in the cost log: ISO 8601 UTC with milliseconds ("2026-11-22T20:37:39.123Z"); reading
/// also accepts whole seconds and, for `--since`, a bare date ("2026-11-22", UTC midnight).
public enum CostLogTime {
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash)
            .time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let strategies: [Date.ISO8601FormatStyle] = [
            .iso8601,
            Date.ISO8601FormatStyle(includingFractionalSeconds: true),
            Date.ISO8601FormatStyle().year().month().day().dateSeparator(.dash),
        ]
        for strategy in strategies {
            if let date = try? strategy.parse(trimmed) { return date }
        }
        return nil
    }

    /// The UTC calendar day of `date`, "yyyy-MM-dd".
    public static func day(of date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash))
    }
}
