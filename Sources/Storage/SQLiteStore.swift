import Foundation
import GRDB
// Whoever opens a SQLite store talks to it through these protocols.
@_exported import StoreProtocols
import SchedulerCore

/// The SQLite store: a WAL database pool on a file (or an in-memory queue for tests).
public final class SQLiteStore: SchedulerStore {
    private let writer: any DatabaseWriter
    public let path: String?
    /// For store extensions in other files (the Matrix crypto rows).
    var databaseWriter: any DatabaseWriter { writer }

    /// Opens (creating if needed) the database file and migrates it to the current schema.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // WAL + NORMAL: durable across crashes of the process, fast commits (fsync at checkpoints).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Checkpoints (the only fsyncs under NORMAL) every ~16 MiB of WAL instead of ~4 MiB: a message pays
            // for one four times less often; each takes longer, and a crash still loses nothing committed.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 4000")
        }
        configuration.busyMode = .timeout(5)
        let pool = try DatabasePool(path: path, configuration: configuration)
        writer = pool
        self.path = path
        try Migrations.migrator.migrate(pool)
    }

    /// A private in-memory database, for tests.
    public init() throws {
        let queue = try DatabaseQueue()
        writer = queue
        path = nil
        try Migrations.migrator.migrate(queue)
    }

    public func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try writer.write { db in try body(SQLiteSession(db: db)) }
    }

    public func read<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try writer.read { db in try body(SQLiteSession(db: db)) }
    }

    /// Names of the applied migrations, oldest first.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    public func journalMode() throws -> String {
        try writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }
}
