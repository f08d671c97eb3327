import Foundation
import Logging

/// Who and what a call is for, as the cost log records it: the route the routing decision chose and the
/// routing layer's message type (e.g. "check_in"); the raw user id is hashed before it is written anywhere.
public struct LLMCallContext: Sendable, Hashable {
    public var userID: String
    public var route: CostRoute
    public var messageType: String
    /// The time the record carries: the message's clock, so daily budgets and audits follow the
    /// conversation (and replays) in every sink alike; nil means the wall clock.
    public var time: Date?

    public init(userID: String, route: CostRoute, messageType: String, time: Date? = nil) {
        self.userID = userID
        self.route = route
        self.messageType = messageType
        self.time = time
    }
}

/// What the conversation layer gets back: always a text to send, plus what it cost.
public struct LLMReply: Sendable {
    /// The model's text, or `FallbackReply` text when the call failed.
    public var text: String
    public var toolCalls: [ToolCall]
    public var record: CostRecord
    /// Why the call failed; nil on success.
    public var failure: LLMError?

    public var isFallback: Bool { failure != nil }
}

/// A provider with cost accounting: times each call, prices it, appends a `CostRecord` to every
/// sink, and turns failures into a fallback reply. A failing sink is logged, never fatal.
public struct MeteredLLM: Sendable {
    public let provider: any LLMProvider
    public let prices: PriceTable
    public let hasher: UserHasher
    private let sinks: [any CostRecordSink]
    private let logger: Logger
    private let now: @Sendable () -> Date

    public init(
        provider: any LLMProvider,
        sinks: [any CostRecordSink],
        prices: PriceTable = .defaults,
        hasher: UserHasher = UserHasher(),
        logger: Logger = Logger(label: "llm.metered"),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.provider = provider
        self.sinks = sinks
        self.prices = prices
        self.hasher = hasher
        self.logger = logger
        self.now = now
    }

    /// This client with one more sink (the store's copy of the log, added by whoever owns the store).
    public func addingSink(_ sink: any CostRecordSink) -> MeteredLLM {
        MeteredLLM(provider: provider, sinks: sinks + [sink], prices: prices, hasher: hasher, logger: logger, now: now)
    }

    /// Calls the model and logs the call in every sink.
    public func chat(_ request: ChatRequest, context: LLMCallContext) async -> LLMReply {
        let reply = await call(request, context: context)
        await log(reply.record)
        return reply
    }

    /// Calls the model and prices the call, leaving the record to the caller, who may add what only it
    /// knows (the counterfactual baseline) and must then `log` it, whether or not its own work succeeds.
    public func call(_ request: ChatRequest, context: LLMCallContext) async -> LLMReply {
        let started = ContinuousClock.now
        let result: Result<ChatCompletion, LLMError>
        do throws(LLMError) {
            result = .success(try await provider.complete(request))
        } catch {
            result = .failure(error)
        }
        let latency = Self.milliseconds(ContinuousClock.now - started)
        switch result {
        case .success(let completion):
            let record = record(context: context, model: request.model, usage: completion.usage,
                                latencyMs: latency, outcome: .ok)
            return LLMReply(text: completion.text, toolCalls: completion.toolCalls, record: record, failure: nil)
        case .failure(let error):
            logger.warning("LLM call failed", metadata: ["route": "\(context.route)", "model": "\(request.model)", "error": "\(error)"])
            let record = record(context: context, model: request.model, usage: .zero, latencyMs: latency, outcome: error.outcome)
            return LLMReply(text: FallbackReply.text(for: error), toolCalls: [], record: record, failure: error)
        }
    }

    /// Appends `record` to every sink; a failing sink is logged, never fatal.
    public func log(_ record: CostRecord) async {
        for sink in sinks {
            do {
                try await sink.append(record)
            } catch {
                logger.error("cost record not stored", metadata: ["error": "\(error)"])
            }
        }
    }

    /// The most `request` can cost: its estimated prompt (the estimator the offline provider reports)
    /// plus every completion token it allows, none of it cached, at its model's price. nil when the
    /// model has no price, so callers can refuse a call whose cost they cannot bound.
    public func worstCaseCost(of request: ChatRequest) -> Double? {
        let usage = TokenUsage(promptTokens: TokenEstimator.promptTokens(for: request), completionTokens: max(0, request.maxTokens))
        return prices.cost(of: usage, model: request.model)
    }

    /// Embeds texts and logs the call under `context` (route e.g. "embedding").
    public func embed(_ request: EmbeddingRequest, context: LLMCallContext) async throws(LLMError) -> Embeddings {
        let started = ContinuousClock.now
        do throws(LLMError) {
            let embeddings = try await provider.embed(request)
            await log(record(context: context, model: request.model, usage: embeddings.usage,
                             latencyMs: Self.milliseconds(ContinuousClock.now - started), outcome: .ok))
            return embeddings
        } catch {
            await log(record(context: context, model: request.model, usage: .zero,
                             latencyMs: Self.milliseconds(ContinuousClock.now - started), outcome: error.outcome))
            throw error
        }
    }

    /// Logs a message answered without a call (`.cached`) or held back by a budget
    /// (`.budgetDeferred`): cost 0, with the tokens `request` would have used, estimated.
    @discardableResult
    public func recordSkippedCall(_ request: ChatRequest, context: LLMCallContext, outcome: CallOutcome) async -> CostRecord {
        let record = skippedRecord(request, context: context, outcome: outcome)
        await log(record)
        return record
    }

    /// The row for a message answered without a call, not yet logged: with `request`, the tokens it
    /// would have used (a cache hit, a deferral); without, none and model `none` (patterns, commands).
    public func skippedRecord(_ request: ChatRequest?, context: LLMCallContext, outcome: CallOutcome) -> CostRecord {
        guard let request else {
            return record(context: context, model: CostRecord.noModel, usage: .zero, latencyMs: 0, outcome: outcome, free: true)
        }
        let usage = TokenUsage(promptTokens: TokenEstimator.promptTokens(for: request), completionTokens: 0, estimated: true)
        return record(context: context, model: request.model, usage: usage, latencyMs: 0, outcome: outcome, free: true)
    }

    /// Unpriced usage costs 0 here only for rows that were never billed; callers gate calls on
    /// `worstCaseCost`, which refuses unpriced models.
    private func record(
        context: LLMCallContext, model: String, usage: TokenUsage, latencyMs: Int, outcome: CallOutcome, free: Bool = false
    ) -> CostRecord {
        let cost = free ? 0 : prices.cost(of: usage, model: model) ?? 0
        return CostRecord(time: context.time ?? now(), user: hasher.pseudonym(for: context.userID), route: context.route,
                          messageType: context.messageType, model: model, usage: usage, costUSD: cost,
                          latencyMs: latencyMs, outcome: outcome)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
