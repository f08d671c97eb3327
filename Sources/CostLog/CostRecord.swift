import Foundation

/// One line of the cost log: one chat message, however it was answered (pattern, command, cache,
/// a model, or a budget deferral; see `CostRoute`), or one of the bot's own model calls. JSON keys
/// are snake_case and stable (auditors parse them):
/// `time, user, route, message_type, model, prompt_tokens, completion_tokens, cached_tokens,
/// estimated, cost_usd, latency_ms, outcome`, and on rows that have them
/// `baseline_prompt_tokens, baseline_completion_tokens, worst_case_usd`.
///
/// For `cached` and `budget_deferred` rows, record the tokens the call would have used
/// (estimated) with cost 0. Pattern and command rows carry no tokens and model `none`.
///
/// The baseline tokens are what a bot sending every chat message to the strong model, with the
/// whole unpruned thread and every tool definition, would have used for this message (its prompt
/// as estimated, and our reply's length as its answer); 0 for commands, which such a bot would not
/// send either. They let `costs` price that counterfactual from the log alone.
public struct CostRecord: Sendable, Hashable, Codable {
    public var time: Date
    /// `UserHasher` pseudonym, never the raw id.
    public var user: String
    public var route: CostRoute
    public var messageType: String
    public var model: String
    public var promptTokens: Int
    public var completionTokens: Int
    public var cachedTokens: Int
    public var estimated: Bool
    public var costUSD: Double
    public var latencyMs: Int
    public var outcome: CallOutcome
    public var baseline: TokenUsage?
    /// The bound the budget gate admitted the call at (estimated prompt + max completion at the model's price).
    public var worstCaseUSD: Double?

    public init(
        time: Date, user: String, route: CostRoute, messageType: String, model: String,
        usage: TokenUsage, costUSD: Double, latencyMs: Int, outcome: CallOutcome,
        baseline: TokenUsage? = nil, worstCaseUSD: Double? = nil
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
        self.baseline = baseline
        self.worstCaseUSD = worstCaseUSD
    }

    /// The no-model placeholder of pattern and command rows.
    public static let noModel = "none"

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
        case baselinePromptTokens = "baseline_prompt_tokens"
        case baselineCompletionTokens = "baseline_completion_tokens"
        case worstCaseUSD = "worst_case_usd"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let timeText = try container.decode(String.self, forKey: .time)
        guard let time = CostLogTime.parse(timeText) else {
            throw DecodingError.dataCorruptedError(forKey: .time, in: container, debugDescription: "not an ISO 8601 time: \(timeText)")
        }
        self.time = time
        user = try container.decode(String.self, forKey: .user)
        route = CostRoute(rawValue: try container.decode(String.self, forKey: .route))
        messageType = try container.decode(String.self, forKey: .messageType)
        model = try container.decode(String.self, forKey: .model)
        promptTokens = try container.decode(Int.self, forKey: .promptTokens)
        completionTokens = try container.decode(Int.self, forKey: .completionTokens)
        cachedTokens = try container.decodeIfPresent(Int.self, forKey: .cachedTokens) ?? 0
        estimated = try container.decodeIfPresent(Bool.self, forKey: .estimated) ?? false
        costUSD = try container.decode(Double.self, forKey: .costUSD)
        latencyMs = try container.decodeIfPresent(Int.self, forKey: .latencyMs) ?? 0
        outcome = try container.decode(CallOutcome.self, forKey: .outcome)
        let baselinePrompt = try container.decodeIfPresent(Int.self, forKey: .baselinePromptTokens)
        let baselineCompletion = try container.decodeIfPresent(Int.self, forKey: .baselineCompletionTokens)
        if baselinePrompt != nil || baselineCompletion != nil {
            baseline = TokenUsage(promptTokens: baselinePrompt ?? 0, completionTokens: baselineCompletion ?? 0, estimated: true)
        }
        worstCaseUSD = try container.decodeIfPresent(Double.self, forKey: .worstCaseUSD)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(CostLogTime.format(time), forKey: .time)
        try container.encode(user, forKey: .user)
        try container.encode(route.rawValue, forKey: .route)
        try container.encode(messageType, forKey: .messageType)
        try container.encode(model, forKey: .model)
        try container.encode(promptTokens, forKey: .promptTokens)
        try container.encode(completionTokens, forKey: .completionTokens)
        try container.encode(cachedTokens, forKey: .cachedTokens)
        try container.encode(estimated, forKey: .estimated)
        try container.encode(costUSD, forKey: .costUSD)
        try container.encode(latencyMs, forKey: .latencyMs)
        try container.encode(outcome, forKey: .outcome)
        try container.encodeIfPresent(baseline?.promptTokens, forKey: .baselinePromptTokens)
        try container.encodeIfPresent(baseline?.completionTokens, forKey: .baselineCompletionTokens)
        try container.encodeIfPresent(worstCaseUSD, forKey: .worstCaseUSD)
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
