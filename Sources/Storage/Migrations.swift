import GRDB

/// Forward-only, named migrations. Never edit a shipped one: add the next.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-three-tiers") { db in
            try db.create(table: "user") { t in
                t.primaryKey("id", .text)
                t.column("time_zone", .text).notNull()
                t.column("availability", .text).notNull()
                t.column("energy", .blob).notNull()
                t.column("energy_confidence", .blob).notNull()
                t.column("role", .text)
                t.column("onboarding", .text).notNull()
                t.column("created_at", .double).notNull()
            }
            try db.create(table: "task_type") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("user_id", .text).notNull().references("user", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("display_name", .text).notNull()
                t.column("category", .text).notNull()
                    .check(sql: "category IN ('focused', 'collaborative', 'administrative')")
                t.column("habit", .blob).notNull()
                t.column("confidence", .blob).notNull()
                t.column("typical_duration_minutes", .integer).notNull().check(sql: "typical_duration_minutes > 0")
                t.column("cognitive_load", .double).notNull().check(sql: "cognitive_load BETWEEN 0 AND 1")
                t.column("recovery_minutes", .integer).notNull().check(sql: "recovery_minutes >= 0")
                t.column("completion_count", .integer).notNull().defaults(to: 0)
                t.column("recent_schedule_count", .integer).notNull().defaults(to: 0)
                t.column("last_synced_at", .double)
                t.uniqueKey(["user_id", "name"])
            }
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("user_id", .text).notNull().references("user", onDelete: .cascade)
                t.column("task_type_id", .integer).notNull().references("task_type", onDelete: .cascade)
                t.column("title", .text).notNull()
                t.column("start", .double).notNull()
                t.column("end", .double).notNull()
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('scheduled', 'done', 'skipped', 'cancelled')")
                t.column("success_rating", .double).check(sql: "success_rating BETWEEN 0 AND 1")
                t.column("energy_after", .double).check(sql: "energy_after BETWEEN 0 AND 1")
                t.column("note", .text)
                t.column("created_at", .double).notNull()
                t.column("score", .double)
                t.check(sql: "\"end\" > start")
            }
            // Agenda and slot search read a user's events by time: keep that an index range, never a scan.
            try db.create(index: "event_by_user_start", on: "event", columns: ["user_id", "start"])
            try db.create(table: "insight") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("user_id", .text).notNull().references("user", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("text", .text).notNull()
                t.column("confidence", .double).notNull().check(sql: "confidence BETWEEN 0 AND 1")
                t.column("source_event_ids", .text).notNull().defaults(to: "")
                t.column("created_at", .double).notNull()
            }
            try db.create(index: "insight_by_user", on: "insight", columns: ["user_id", "created_at"])
            try db.create(table: "bot_state") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            // Exactly-once delivery: an inbound event id is recorded with the answer it produced, in the
            // same transaction as its effects; the answer stays pending until the adapter confirms it was sent.
            try db.create(table: "handled_external_event") { t in
                t.primaryKey("id", .text)
                t.column("handled_at", .double).notNull()
                t.column("answer", .text)
                t.column("delivered_at", .double)
            }
            try db.create(index: "handled_external_event_pending", on: "handled_external_event", columns: ["delivered_at"])
        }
        migrator.registerMigration("v2-conversation-and-costs") { db in
            try db.alter(table: "user") { t in
                t.add(column: "chat_count", .integer).notNull().defaults(to: 0)
            }
            // The assistant's thread, kept locally and pruned before each call.
            try db.create(table: "conversation_turn") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("user_id", .text).notNull().references("user", onDelete: .cascade)
                t.column("speaker", .text).notNull().check(sql: "speaker IN ('user', 'assistant')")
                t.column("text", .text).notNull()
                t.column("created_at", .double).notNull()
            }
            try db.create(index: "conversation_turn_by_user", on: "conversation_turn", columns: ["user_id", "id"])
            try db.create(table: "conversation_summary") { t in
                t.primaryKey("user_id", .text).references("user", onDelete: .cascade)
                t.column("summary", .text).notNull()
                t.column("folded_through", .integer).notNull()
            }
            // One row per LLM-eligible message (the SQLite twin of the JSON-lines cost log), for budgets and audits.
            try db.create(table: "llm_call") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("time", .double).notNull()
                t.column("user", .text).notNull()
                t.column("route", .text).notNull()
                t.column("message_type", .text).notNull()
                t.column("model", .text).notNull()
                t.column("prompt_tokens", .integer).notNull()
                t.column("completion_tokens", .integer).notNull()
                t.column("cached_tokens", .integer).notNull()
                t.column("estimated", .boolean).notNull()
                t.column("cost_usd", .double).notNull()
                t.column("latency_ms", .integer).notNull()
                t.column("outcome", .text).notNull()
            }
            try db.create(index: "llm_call_by_time", on: "llm_call", columns: ["time"])
            try db.create(index: "llm_call_by_user_time", on: "llm_call", columns: ["user", "time"])
            // Model-made plans shared across users with the same profile (the key never holds personal data).
            try db.create(table: "plan_cache") { t in
                t.primaryKey("key", .text)
                t.column("template", .text).notNull()
                t.column("created_at", .double).notNull()
                t.column("hits", .integer).notNull().defaults(to: 0)
            }
        }
        registerProactive(&migrator)
        migrator.registerMigration("v4-event-by-user-status-start") { db in
            // "done" looks for the latest still-scheduled event: on (user_id, start) alone that walks back
            // through the whole resolved history when nothing is due, so its cost grew with events per user.
            try db.create(index: "event_by_user_status_start", on: "event", columns: ["user_id", "status", "start"])
        }
        registerSmartSync(&migrator)
        registerNetworks(&migrator)
        registerMatrixCrypto(&migrator)
        registerCalendar(&migrator)
        registerCostLog(&migrator)
        registerAdapterState(&migrator)
        return migrator
    }
}
