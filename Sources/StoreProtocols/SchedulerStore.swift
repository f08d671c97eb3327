import Foundation

/// Everything the engine reads and writes for one message, inside one transaction: one protocol per area,
/// so a part of the engine (or a test) can say which area it needs, and the engine never sees SQL.
/// SQLite implements it in `Storage`; `InMemoryStore` (test support) implements it without a database.
public protocol StoreSession: UserStoreSession, TaskStoreSession, InsightStoreSession, ThreadStoreSession,
    CostStoreSession, PlanCacheStoreSession, DeliveryStoreSession, ProactiveStoreSession, HabitStoreSession,
    SyncStoreSession, CalendarStoreSession, AdapterStateStoreSession {}

/// A durable store; every call is one transaction: all of the body's writes commit together, or none do when it throws.
public protocol SchedulerStore: Sendable {
    func write<T>(_ body: (any StoreSession) throws -> T) throws -> T
    func read<T>(_ body: (any StoreSession) throws -> T) throws -> T
}
