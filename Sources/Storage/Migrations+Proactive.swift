import GRDB

extension Migrations {
    /// Pending reminders and follow-ups are rows with their due times, so they survive restarts;
    /// habits remember which events they placed.
    static func registerProactive(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-proactive") { db in
            try db.create(table: "proactive_preferences") { t in
                t.primaryKey("user_id", .text).references("user", onDelete: .cascade)
                t.column("reminder_lead_minutes", .integer).check(sql: "reminder_lead_minutes BETWEEN 1 AND 1440")
                t.column("daily_plan_minute", .integer).check(sql: "daily_plan_minute BETWEEN 0 AND 1439")
                t.column("weekly_review", .boolean).notNull()
                t.column("unanswered_missed", .boolean).notNull()
                t.column("quiet_start", .integer).check(sql: "quiet_start BETWEEN 0 AND 1439")
                t.column("quiet_end", .integer).check(sql: "quiet_end BETWEEN 0 AND 1439")
                t.column("daily_cap", .integer).notNull().check(sql: "daily_cap > 0")
                t.column("muted", .boolean).notNull()
                t.column("last_room", .text)
            }
            try db.create(table: "nudge") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("user_id", .text).notNull().references("user", onDelete: .cascade)
                t.column("kind", .text).notNull()
                    .check(sql: "kind IN ('reminder', 'follow_up', 'daily_plan', 'weekly_review')")
                t.column("event_id", .integer).references("event", onDelete: .cascade)
                t.column("due_at", .double).notNull()
                t.column("expires_at", .double)
                t.column("state", .text).notNull()
                    .check(sql: "state IN ('pending', 'open', 'sent', 'answered', 'closed', 'expired', 'dropped')")
                t.column("created_at", .double).notNull()
                t.column("sent_at", .double)
            }
            // One reminder and one follow-up per event, enforced by SQLite rather than by us.
            try db.execute(sql: "CREATE UNIQUE INDEX nudge_per_event ON nudge(kind, event_id) WHERE event_id IS NOT NULL")
            try db.create(index: "nudge_by_user_state", on: "nudge", columns: ["user_id", "state", "due_at"])
            try db.create(index: "nudge_by_state_due", on: "nudge", columns: ["state", "due_at"])
            try db.create(table: "habit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("user_id", .text).notNull().references("user", onDelete: .cascade)
                t.column("task_type_id", .integer).notNull().references("task_type", onDelete: .cascade)
                t.column("title", .text).notNull()
                t.column("weekdays", .text)
                t.column("times_per_week", .integer).notNull().check(sql: "times_per_week BETWEEN 1 AND 7")
                t.column("minute_of_day", .integer).check(sql: "minute_of_day BETWEEN 0 AND 1439")
                t.column("window_start", .integer)
                t.column("window_end", .integer)
                t.column("duration_minutes", .integer).notNull().check(sql: "duration_minutes BETWEEN 5 AND 1440")
                t.column("active", .boolean).notNull()
                t.column("created_at", .double).notNull()
            }
            try db.create(index: "habit_by_user", on: "habit", columns: ["user_id", "active"])
            try db.create(table: "habit_occurrence") { t in
                t.primaryKey("event_id", .integer).references("event", onDelete: .cascade)
                t.column("habit_id", .integer).notNull().references("habit", onDelete: .cascade)
            }
            try db.create(index: "habit_occurrence_by_habit", on: "habit_occurrence", columns: ["habit_id"])
        }
    }
}
