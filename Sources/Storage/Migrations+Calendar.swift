import GRDB

extension Migrations {
    /// Imported busy times, the source they come from, feed tokens, and a revision per event for the feed.
    static func registerCalendar(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-calendar") { db in
            try db.create(table: "calendar_source") { t in
                t.primaryKey("user_id", .text).references("user", onDelete: .cascade)
                t.column("url", .text).notNull()
                t.column("etag", .text)
                t.column("last_modified", .text)
                t.column("fetched_at", .double)
                t.column("next_fetch_at", .double).notNull()
                t.column("last_error", .text)
                t.column("event_count", .integer).notNull().defaults(to: 0)
                t.column("series_count", .integer).notNull().defaults(to: 0)
                t.column("failures", .integer).notNull().defaults(to: 0)
                // The last calendar read, so an unchanged calendar (304) is expanded again as the horizon moves.
                t.column("body", .text)
            }
            try db.create(index: "calendar_source_due", on: "calendar_source", columns: ["next_fetch_at"])
            try db.create(table: "calendar_busy") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("user_id", .text).notNull().references("calendar_source", column: "user_id", onDelete: .cascade)
                t.column("start", .double).notNull()
                t.column("end", .double).notNull()
                t.column("title", .text).notNull()
                t.check(sql: "\"end\" > start")
            }
            try db.create(index: "calendar_busy_by_user_start", on: "calendar_busy", columns: ["user_id", "start"])
            try db.create(table: "calendar_feed_token") { t in
                t.primaryKey("token", .text)
                t.column("user_id", .text).notNull().references("user", onDelete: .cascade)
                t.column("created_at", .double).notNull()
                t.column("revoked_at", .double)
            }
            // At most one live token per user: trust SQLite, not the caller.
            try db.execute(sql: "CREATE UNIQUE INDEX calendar_feed_token_live ON calendar_feed_token(user_id) WHERE revoked_at IS NULL")
            try db.alter(table: "event") { t in
                t.add(column: "sequence", .integer).notNull().defaults(to: 0)
                t.add(column: "modified_at", .double)
            }
            // Calendar apps take a changed event only when SEQUENCE grows: every move or status change bumps it,
            // whichever code path saved the event.
            try db.execute(sql: """
                CREATE TRIGGER event_revision AFTER UPDATE OF start, "end", status ON event
                WHEN old.start IS NOT new.start OR old."end" IS NOT new."end" OR old.status IS NOT new.status
                BEGIN
                  UPDATE event SET sequence = old.sequence + 1,
                    modified_at = (julianday('now') - 2440587.5) * 86400.0 WHERE id = new.id;
                END
                """)
        }
    }
}
