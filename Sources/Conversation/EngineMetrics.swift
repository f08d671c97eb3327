import Foundation
import LLM
import Metrics

/// The engine's operator metrics through swift-metrics: whichever backend the process bootstraps (Prometheus in
/// `run`) collects them; with none, every call is a no-op.
struct EngineMetrics: Sendable {
    /// Labels as Prometheus names them.
    enum Name {
        static let messages = "scheduler_bot_messages_total"
        static let replySeconds = "scheduler_bot_reply_seconds"
        static let inboundLag = "scheduler_bot_inbound_lag_seconds"
        static let llmCalls = "scheduler_bot_llm_calls_total"
        static let llmTokens = "scheduler_bot_llm_tokens_total"
        static let llmCost = "scheduler_bot_llm_cost_usd_total"
        static let nudges = "scheduler_bot_nudges_sent_total"
        static let calendarFetches = "scheduler_bot_calendar_fetches_total"
        static let calendarFailures = "scheduler_bot_calendar_fetch_failures_total"
        static let calendarSeconds = "scheduler_bot_calendar_fetch_seconds"
    }

    func handled(_ response: Response, after elapsed: Duration, message: InboundMessage) {
        Counter(label: Name.messages, dimensions: [("intent", response.intent.rawValue), ("route", response.route.rawValue)]).increment()
        Metrics.Timer(label: Name.replySeconds, dimensions: [("route", response.route.rawValue)], preferredDisplayUnit: .seconds)
            .recordNanoseconds(elapsed.nanoseconds)
        // How far behind the network the bot answers (sync lag); replayed messages carry a scripted clock.
        if message.delivery != nil {
            Gauge(label: Name.inboundLag).record(max(0, Date().timeIntervalSince(message.receivedAt)))
        }
    }

    func llm(_ cost: CostRecord) {
        guard cost.outcome != .cached, cost.outcome != .budgetDeferred, cost.outcome != .noModel else { return }
        let dimensions = [("route", cost.route.rawValue), ("model", cost.model)]
        Counter(label: Name.llmCalls, dimensions: dimensions + [("outcome", cost.outcome.rawValue)]).increment()
        Counter(label: Name.llmTokens, dimensions: dimensions + [("kind", "prompt")]).increment(by: cost.promptTokens)
        Counter(label: Name.llmTokens, dimensions: dimensions + [("kind", "completion")]).increment(by: cost.completionTokens)
        FloatingPointCounter(label: Name.llmCost, dimensions: dimensions).increment(by: cost.costUSD)
    }

    func nudgesSent(_ count: Int) {
        guard count > 0 else { return }
        Counter(label: Name.nudges).increment(by: count)
    }

    func calendarFetch(failed: Bool, seconds elapsed: Duration) {
        Counter(label: Name.calendarFetches).increment()
        if failed { Counter(label: Name.calendarFailures).increment() }
        Metrics.Timer(label: Name.calendarSeconds, preferredDisplayUnit: .seconds).recordNanoseconds(elapsed.nanoseconds)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
