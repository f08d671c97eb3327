import GRDB

extension Migrations {
    /// Smart sync: the week recent counts belong to, a pending flag per user, and an audit row per sync.
    static func registerSmartSync(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-smart-sync") { db in
            try db.create(table: "sync_state") { t in
                t.primaryKey("user_id", .text).references("user", onDelete: .cascade)
                t.column("week_start", .double)
                t.column("pending", .boolean).notNull().defaults(to: false)
            }
            try db.create(index: "sync_state_pending", on: "sync_state", columns: ["pending"])
            try db.create(table: "insight_sync") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("user_id", .text).notNull().references("user", onDelete: .cascade)
                t.column("task_type_id", .integer).notNull().references("task_type", onDelete: .cascade)
                t.column("insight_ids", .text).notNull()
                t.column("adjustments", .text).notNull()
                t.column("source", .text).notNull().check(sql: "source IN ('llm', 'offline')")
                t.column("outcome", .text).notNull().check(sql: "outcome IN ('applied', 'rejected')")
                t.column("note", .text).notNull()
                t.column("cost_usd", .double).notNull()
                t.column("created_at", .double).notNull()
            }
            try db.create(index: "insight_sync_by_user_type", on: "insight_sync", columns: ["user_id", "task_type_id", "created_at"])
            try db.create(index: "insight_sync_by_time", on: "insight_sync", columns: ["created_at", "source"])
        }
    }
}
