import LLM
import StoreProtocols

/// The store's copy of the cost log, written like the JSONL file: the same records, the same times.
/// Each record is its own transaction, so spend is on file as soon as a call returns, whatever
/// happens to the answer afterwards.
struct StoreCostSink: CostRecordSink {
    let store: any SchedulerStore

    func append(_ record: CostRecord) async throws {
        try store.write { try $0.record(record) }
    }
}
