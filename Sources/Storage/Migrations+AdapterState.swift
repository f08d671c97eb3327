import Foundation
import GRDB

extension Migrations {
    /// Front ends' state in its own table, keyed by network, kind and key, each value with an expiry; and the
    /// network of every handled external message, so a front end resends only its own answers.
    static func registerAdapterState(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10-adapter-state") { db in
            try db.create(table: "adapter_state") { t in
                t.column("network", .text).notNull().check(sql: "network IN ('matrix', 'irc', 'console', 'replay')")
                t.column("kind", .text).notNull()
                t.column("key", .text).notNull()
                t.column("value", .text).notNull()
                t.column("expires_at", .double)
                t.primaryKey(["network", "kind", "key"])
            }
            try db.create(index: "adapter_state_by_expiry", on: "adapter_state", columns: ["network", "expires_at"])
            try moveMatrixState(db, now: Date().timeIntervalSince1970)

            try db.alter(table: "handled_external_event") { t in
                t.add(column: "network", .text).check(sql: "network IN ('matrix', 'irc', 'console', 'replay')")
            }
            // Rows without a network are the Matrix front end's: the only one recording deliveries, under "$" event ids.
            try db.execute(sql: "UPDATE handled_external_event SET network = 'matrix' WHERE id LIKE '$%'")
            try db.create(index: "handled_external_event_pending_by_network", on: "handled_external_event",
                          columns: ["network", "delivered_at"])
        }
    }

    /// The Matrix front end's rows of `bot_state` ("matrix.<kind>.<key>"), with the lifetimes of its kinds
    /// (Matrix's `StateKey`) counted from the migration. The access token stays behind: the bot moves it out of
    /// the database, into its secret file, when it starts.
    private static func moveMatrixState(_ db: Database, now: Double) throws {
        let day = 86_400.0
        let moves: [(prefix: String, kind: String, lifetime: Double?)] = [
            ("matrix.next_batch", "sync_token", 30 * day),
            ("matrix.schedule_message.", "verdict_event", 30 * day),
            ("matrix.answer_target.", "answer_target", 14 * day),
            ("matrix.e2ee_notice.", "encryption_notice", nil),
        ]
        for move in moves {
            let exact = !move.prefix.hasSuffix(".")
            let filter = exact ? "key = ?" : "substr(key, 1, ?) = ?"
            let arguments: StatementArguments = exact ? [move.prefix] : [move.prefix.count, move.prefix]
            try db.execute(sql: """
                INSERT OR REPLACE INTO adapter_state (network, kind, key, value, expires_at)
                SELECT 'matrix', ?, substr(key, ?), value, ? FROM bot_state WHERE \(filter)
                """, arguments: [move.kind, move.prefix.count + 1, move.lifetime.map { now + $0 }] + arguments)
            try db.execute(sql: "DELETE FROM bot_state WHERE \(filter)", arguments: arguments)
        }
    }
}
