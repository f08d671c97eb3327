import InMemoryStore
import Storage
import Testing

/// The stores that implement the store protocols: each protocol test runs on both, so the in-memory store the
/// engine tests use answers as SQLite does.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case memory

    func makeStore() throws -> any SchedulerStore {
        switch self {
        case .sqlite: try SQLiteStore()
        case .memory: InMemoryStore()
        }
    }

    var testDescription: String { rawValue }
}
