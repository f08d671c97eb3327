/// Where a chat message goes (the cheapest path that serves it; never `.command`, which the grammar took before),
/// and why (recorded in the cost log and shown in replay).
public struct RouteDecision: Sendable, Equatable {
    public var path: Route
    public var reason: String
}

/// What a user may still spend today, as seen by the budget rules.
public struct BudgetState: Sendable, Equatable {
    public var userCallsLastMinute: Int
    public var userSpentTodayUSD: Double
    public var globalSpentTodayUSD: Double

    public init(userCallsLastMinute: Int = 0, userSpentTodayUSD: Double = 0, globalSpentTodayUSD: Double = 0) {
        self.userCallsLastMinute = userCallsLastMinute
        self.userSpentTodayUSD = userSpentTodayUSD
        self.globalSpentTodayUSD = globalSpentTodayUSD
    }
}

/// Limits past which the bot degrades: strong model → cheap model → patterns.
public struct BudgetLimits: Sendable, Equatable {
    public var userCallsPerMinute: Int
    public var userDailyUSD: Double
    public var globalDailyUSD: Double
    /// Share of a daily cap after which the strong model is no longer used (the cheap one still is).
    public var assistantShare: Double

    public init(userCallsPerMinute: Int = 6, userDailyUSD: Double = 0.05, globalDailyUSD: Double = 20, assistantShare: Double = 0.8) {
        self.userCallsPerMinute = userCallsPerMinute
        self.userDailyUSD = userDailyUSD
        self.globalDailyUSD = globalDailyUSD
        self.assistantShare = assistantShare
    }
}

/// The routing policy of the design: commands never reach here; patterns first, then classification decides
/// between the cheap completions model and the strong assistant, within the budgets.
public struct RoutePolicy: Sendable {
    /// A new user's first messages go to the assistant, so first impressions get the best answer.
    public var assistantForFirstMessages: Int
    public var limits: BudgetLimits
    /// A message whose greeting and small-talk probabilities together reach this is phatic: answered from the
    /// pattern cache, never by a model. Summed, because "thanks, see you" splits its mass between the two.
    public var phaticConfidence: Double
    /// A message whose complex types together reach this probability goes to the assistant even when a
    /// simple type is the single most likely one (missing coaching costs more than an escalation).
    public var complexThreshold: Double
    /// A phatic-looking message stays with the models when its complex mass reaches this: short coaching
    /// ("ugh, skipped again") can look like small talk. Above `complexThreshold`, so a sure "see ya" whose
    /// words also appear in coaching examples is not sent to the strong model for that alone.
    public var phaticComplexCeiling: Double
    /// Greetings and small talk are short: a longer message is never answered from patterns on the classifier's
    /// word alone (its few chatty words can outweigh the rest), though it may still go to the cheap model.
    public var phaticMaxWords: Int

    /// The thresholds were chosen by 5-fold cross-validation over the route examples and the tuning part of the
    /// development set (Tests/CoachingTests/RoutingCrossValidationTests), never on its held-out fifth.
    public init(assistantForFirstMessages: Int = 3, limits: BudgetLimits = BudgetLimits(),
                phaticConfidence: Double = 0.4, complexThreshold: Double = 0.2, phaticComplexCeiling: Double = 0.4,
                phaticMaxWords: Int = 16) {
        self.phaticMaxWords = phaticMaxWords
        self.assistantForFirstMessages = assistantForFirstMessages
        self.limits = limits
        self.phaticConfidence = phaticConfidence
        self.complexThreshold = complexThreshold
        self.phaticComplexCeiling = phaticComplexCeiling
    }

    /// Whether the message is treated as complex coaching.
    public func isComplex(_ classification: Classification) -> Bool {
        !isPhatic(classification) && (classification.type.isComplex || classification.complexProbability >= complexThreshold)
    }

    /// Whether the message is small talk the pattern cache answers.
    public func isPhatic(_ classification: Classification) -> Bool {
        classification.phaticProbability >= phaticConfidence && classification.complexProbability < phaticComplexCeiling
            && !classification.type.isComplex && (classification.wordCount ?? 0) <= phaticMaxWords
    }

    public func decide(classification: Classification, patternMatched: Bool, userMessageCount: Int,
                       budget: BudgetState) -> RouteDecision {
        if patternMatched { return RouteDecision(path: .pattern, reason: "pattern cache") }
        if isPhatic(classification) { return RouteDecision(path: .pattern, reason: "phatic, \(classification.rule)") }
        let wanted: RouteDecision
        if isComplex(classification) {
            wanted = RouteDecision(path: .assistant, reason: "complex, \(classification.rule)")
        } else if classification.type.isPhatic {
            // Small talk never needs the strong model, not even from a brand-new user.
            wanted = RouteDecision(path: .completions, reason: "small talk, \(classification.rule)")
        } else if userMessageCount < assistantForFirstMessages {
            wanted = RouteDecision(path: .assistant, reason: "one of a new user's first \(assistantForFirstMessages) messages; \(classification.rule)")
        } else {
            wanted = RouteDecision(path: .completions, reason: "simple, \(classification.rule)")
        }
        return degrade(wanted, budget: budget)
    }

    /// Past a cap the bot steps down a path rather than failing: assistant → completions → none (patterns only).
    func degrade(_ decision: RouteDecision, budget: BudgetState) -> RouteDecision {
        if budget.globalSpentTodayUSD >= limits.globalDailyUSD {
            return RouteDecision(path: .none, reason: "global daily budget spent")
        }
        if budget.userSpentTodayUSD >= limits.userDailyUSD {
            return RouteDecision(path: .none, reason: "user daily budget spent")
        }
        if budget.userCallsLastMinute >= limits.userCallsPerMinute {
            return RouteDecision(path: .none, reason: "user rate limit")
        }
        let nearCap = budget.userSpentTodayUSD >= limits.userDailyUSD * limits.assistantShare
            || budget.globalSpentTodayUSD >= limits.globalDailyUSD * limits.assistantShare
        if decision.path == .assistant, nearCap {
            return RouteDecision(path: .completions, reason: "near the daily budget; \(decision.reason)")
        }
        return decision
    }
}
