import Foundation
import GRDB
import StoreProtocols

extension SQLiteSession: CalendarStoreSession {
    func calendarSource(of userID: String) throws -> CalendarSource? {
        try decodeFirst("SELECT * FROM calendar_source WHERE user_id = ?", [userID], SQLiteSession.calendarSource)
    }

    func replaceCalendar(_ source: CalendarSource, busy: [ImportedBusy]) throws {
        try updateCalendarSource(source)
        try db.cachedStatement(sql: "DELETE FROM calendar_busy WHERE user_id = ?").execute(arguments: [source.userID])
        let insert = try db.cachedStatement(sql: "INSERT INTO calendar_busy (user_id, start, \"end\", title) VALUES (?, ?, ?, ?)")
        for block in busy where block.end > block.start {
            try insert.execute(arguments: [source.userID, ColumnCoding.seconds(block.start), ColumnCoding.seconds(block.end), block.title])
        }
    }

    func updateCalendarSource(_ source: CalendarSource) throws {
        try db.cachedStatement(sql: """
            INSERT INTO calendar_source (user_id, url, etag, last_modified, fetched_at, next_fetch_at, last_error, event_count,
              series_count, failures, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(user_id) DO UPDATE SET url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified,
              fetched_at = excluded.fetched_at, next_fetch_at = excluded.next_fetch_at, last_error = excluded.last_error,
              event_count = excluded.event_count, series_count = excluded.series_count, failures = excluded.failures,
              body = excluded.body
            """).execute(arguments: [
                source.userID, source.url, source.etag, source.lastModified, source.fetchedAt.map(ColumnCoding.seconds),
                ColumnCoding.seconds(source.nextFetchAt), source.lastError, source.eventCount, source.seriesCount, source.failures,
                source.body,
            ])
    }

    func removeCalendar(of userID: String) throws {
        try db.cachedStatement(sql: "DELETE FROM calendar_busy WHERE user_id = ?").execute(arguments: [userID])
        try db.cachedStatement(sql: "DELETE FROM calendar_source WHERE user_id = ?").execute(arguments: [userID])
    }

    func calendarSourcesDue(at instant: Date, limit: Int) throws -> [CalendarSource] {
        try decodeAll("SELECT * FROM calendar_source WHERE next_fetch_at <= ? ORDER BY next_fetch_at, user_id LIMIT ?",
                      [ColumnCoding.seconds(instant), limit], SQLiteSession.calendarSource)
    }

    func importedBusy(of userID: String, overlapping interval: DateInterval) throws -> [ImportedBusy] {
        // Imported blocks may be long (all-day, multi-day); bounded below by a week to stay on the index.
        let sql = "SELECT start, \"end\", title FROM calendar_busy WHERE user_id = ? AND start < ? AND start >= ? AND \"end\" > ? ORDER BY start"
        return try decodeAll(sql, [userID, ColumnCoding.seconds(interval.end), ColumnCoding.seconds(interval.start) - 7 * 86_400,
                                   ColumnCoding.seconds(interval.start)]) { row in
            ImportedBusy(start: ColumnCoding.date(row[0]), end: ColumnCoding.date(row[1]), title: row[2])
        }
    }

    static func calendarSource(_ row: Row) -> CalendarSource {
        CalendarSource(userID: row["user_id"], url: row["url"], etag: row["etag"], lastModified: row["last_modified"],
                       fetchedAt: (row["fetched_at"] as Double?).map(ColumnCoding.date),
                       nextFetchAt: ColumnCoding.date(row["next_fetch_at"]), lastError: row["last_error"],
                       eventCount: row["event_count"], seriesCount: row["series_count"], failures: row["failures"],
                       body: row["body"])
    }

    func feedToken(of userID: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT token FROM calendar_feed_token WHERE user_id = ? AND revoked_at IS NULL"),
                            arguments: [userID])
    }

    func issueFeedToken(_ token: String, for userID: String, at instant: Date) throws {
        try db.cachedStatement(sql: "UPDATE calendar_feed_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
            .execute(arguments: [ColumnCoding.seconds(instant), userID])
        try db.cachedStatement(sql: "INSERT INTO calendar_feed_token (token, user_id, created_at) VALUES (?, ?, ?)")
            .execute(arguments: [token, userID, ColumnCoding.seconds(instant)])
    }

    func feedUser(forToken token: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT user_id FROM calendar_feed_token WHERE token = ? AND revoked_at IS NULL"),
                            arguments: [token])
    }

    func feedEvents(of userID: String, overlapping interval: DateInterval) throws -> [FeedEventRow] {
        let sql = """
            SELECT id, title, start, "end", status, sequence, COALESCE(modified_at, created_at) FROM event
            WHERE user_id = ? AND start < ? AND start >= ? AND "end" > ? ORDER BY start, id
            """
        return try decodeAll(sql, [userID, ColumnCoding.seconds(interval.end), ColumnCoding.seconds(interval.start) - SQLiteSession.longestEvent,
                                   ColumnCoding.seconds(interval.start)]) { row in
            FeedEventRow(id: row[0], title: row[1], start: ColumnCoding.date(row[2]), end: ColumnCoding.date(row[3]),
                         status: row[4], sequence: row[5], modifiedAt: ColumnCoding.date(row[6]))
        }
    }
}
