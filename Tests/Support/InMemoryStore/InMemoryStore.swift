import CostLog
import Foundation
import SchedulerCore
// Whoever opens an in-memory store talks to it through these protocols.
@_exported import StoreProtocols

/// The store protocols held in memory: no SQLite, same answers.
///
/// A transaction works on a copy of the tables and puts it back only when its body returns, so a body that
/// throws leaves nothing behind, as a rolled-back SQLite transaction does. Transactions run one at a time.
/// The rules the database enforces that the engine relies on are kept: unique task names per user, one
/// reminder and one follow-up per event, rows that must belong to a stored user or task type, reads that
/// cannot write, and the revision bump of an event whose time or status changed.
public final class InMemoryStore: SchedulerStore, @unchecked Sendable {
    // Guarded by `lock`: every access to `tables` is inside `transaction`.
    private let lock = NSLock()
    private var tables = Tables()

    public init() {}

    public func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try transaction(canWrite: true, body)
    }

    public func read<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try transaction(canWrite: false, body)
    }

    private func transaction<T>(canWrite: Bool, _ body: (any StoreSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let session = InMemorySession(tables: tables, canWrite: canWrite)
        let result = try body(session)
        if canWrite { tables = session.tables }
        return result
    }
}

/// What the database would have refused.
public enum InMemoryStoreError: Error, Equatable {
    case writeInReadTransaction
    /// A row that must be unique already exists (the name of the rule).
    case uniqueConstraint(String)
    /// A row points at one that does not exist (the name of the table pointed at).
    case foreignKey(String)
}

/// Every table the protocols speak about, as plain values.
struct Tables {
    var users: [String: UserProfile] = [:]
    var taskTypes: [Int64: TaskType] = [:]
    var events: [Int64: StoredEvent] = [:]
    var insights: [Int64: Insight] = [:]
    var turns: [StoredTurn] = []
    var summaries: [String: ThreadSummary] = [:]
    var calls: [CostRecord] = []
    var plans: [String: CachedPlan] = [:]
    var state: [String: String] = [:]
    var handled: [String: HandledEvent] = [:]
    var adapterState: [AdapterStateKey: StoredAdapterValue] = [:]
    var preferences: [String: ProactivePreferences] = [:]
    var nudges: [Int64: Nudge] = [:]
    var habits: [Int64: Habit] = [:]
    /// Event id → habit id.
    var occurrences: [Int64: Int64] = [:]
    var syncStates: [String: SyncState] = [:]
    var syncs: [Int64: SyncRecord] = [:]
    var calendarSources: [String: CalendarSource] = [:]
    var busy: [String: [ImportedBusy]] = [:]
    var feedTokens: [FeedToken] = []
    /// The last id handed out per table (ids grow and are never reused, as with AUTOINCREMENT).
    var lastIDs: [String: Int64] = [:]

    mutating func nextID(_ table: String) -> Int64 {
        let id = (lastIDs[table] ?? 0) + 1
        lastIDs[table] = id
        return id
    }
}

struct StoredEvent {
    var event: Event
    /// Bumped whenever start, end or status change, as calendar feeds need.
    var sequence = 0
    var modifiedAt: Date?
}

struct CachedPlan {
    var template: String
    var createdAt: Date
    var hits: Int
}

struct HandledEvent {
    var network: Network
    var handledAt: Date
    var answer: String?
    var deliveredAt: Date?
}

struct StoredAdapterValue {
    var value: String
    var expiresAt: Date?
}

struct SyncState {
    var weekStart: Date?
    var pending = false
}

struct FeedToken {
    var token: String
    var userID: String
    var createdAt: Date
    var revokedAt: Date?
}
