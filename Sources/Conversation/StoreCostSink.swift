import LLM
import StoreProtocols

/// The store's copy of the cost log, written like the JSONL file: the same records, the same times.
/// Each record is its own transaction, so spend is on file as soon as a call returns, whatever
/// happens to the answer afterwards.
struct StoreCostSink: CostRecordSink {
    let store: any SchedulerStore

    func append(_ record: CostRecord) async throws {
        try store.write { try $0.record(LLMCallRow(record)) }
    }
}

extension LLMCallRow {
    public init(_ record: CostRecord) {
        self.init(time: record.time, user: record.user, route: record.route.rawValue, messageType: record.messageType, model: record.model,
                  promptTokens: record.promptTokens, completionTokens: record.completionTokens, cachedTokens: record.cachedTokens,
                  estimated: record.estimated, costUSD: record.costUSD, latencyMs: record.latencyMs, outcome: record.outcome.rawValue,
                  baselinePromptTokens: record.baseline?.promptTokens, baselineCompletionTokens: record.baseline?.completionTokens,
                  worstCaseUSD: record.worstCaseUSD)
    }
}

extension CostRecord {
    /// nil for a row whose outcome this version does not know.
    public init?(_ row: LLMCallRow) {
        guard let outcome = CallOutcome(rawValue: row.outcome) else { return nil }
        let baseline = row.baselinePromptTokens.map {
            TokenUsage(promptTokens: $0, completionTokens: row.baselineCompletionTokens ?? 0, estimated: true)
        }
        self.init(time: row.time, user: row.user, route: CostRoute(rawValue: row.route), messageType: row.messageType, model: row.model,
                  usage: TokenUsage(promptTokens: row.promptTokens, completionTokens: row.completionTokens,
                                    cachedTokens: row.cachedTokens, estimated: row.estimated),
                  costUSD: row.costUSD, latencyMs: row.latencyMs, outcome: outcome, baseline: baseline, worstCaseUSD: row.worstCaseUSD)
    }
}
