/// Somewhere cost records go: the JSONL `CostLedger`, and later the SQLite store.
public protocol CostRecordSink: Sendable {
    func append(_ record: CostRecord) async throws
}
