import Foundation
import GRDB
import StoreProtocols
import SchedulerCore

extension SQLiteSession: SyncStoreSession {
    func syncWeekStart(of userID: String) throws -> Date? {
        try Double.fetchOne(db.cachedStatement(sql: "SELECT week_start FROM sync_state WHERE user_id = ?"), arguments: [userID])
            .map(ColumnCoding.date)
    }

    func setSyncWeekStart(_ start: Date, of userID: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO sync_state (user_id, week_start) VALUES (?, ?)
            ON CONFLICT(user_id) DO UPDATE SET week_start = excluded.week_start
            """).execute(arguments: [userID, ColumnCoding.seconds(start)])
    }

    func pendingSyncUsers() throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT user_id FROM sync_state WHERE pending ORDER BY user_id"))
    }

    func setSyncPending(_ pending: Bool, for userID: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO sync_state (user_id, pending) VALUES (?, ?)
            ON CONFLICT(user_id) DO UPDATE SET pending = excluded.pending
            """).execute(arguments: [userID, pending])
    }

    func add(_ sync: inout SyncRecord) throws {
        try db.cachedStatement(sql: """
            INSERT INTO insight_sync (user_id, task_type_id, insight_ids, adjustments, source, outcome, note, cost_usd, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                sync.userID, sync.taskTypeID, sync.insightIDs.map(String.init).joined(separator: ","),
                try SyncCoding.json(sync.adjustments), sync.source.rawValue, sync.outcome.rawValue, sync.note,
                sync.costUSD, ColumnCoding.seconds(sync.createdAt),
            ])
        sync.id = db.lastInsertedRowID
    }

    func resetRecentScheduleCounts(of userID: String) throws {
        try db.cachedStatement(sql: "UPDATE task_type SET recent_schedule_count = 0 WHERE user_id = ? AND recent_schedule_count != 0")
            .execute(arguments: [userID])
    }

    func syncs(of userID: String, taskTypeID: Int64?, limit: Int) throws -> [SyncRecord] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM insight_sync WHERE user_id = ? AND (? IS NULL OR task_type_id = ?)
            ORDER BY created_at DESC, id DESC LIMIT ?
            """), arguments: [userID, taskTypeID, taskTypeID, max(0, limit)]).map(SyncCoding.record)
    }

    func modelSyncs(of userID: String?, since instant: Date) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM insight_sync WHERE source = 'llm' AND created_at >= ? AND (? IS NULL OR user_id = ?)
            """), arguments: [ColumnCoding.seconds(instant), userID, userID]) ?? 0
    }
}

/// Sync rows: adjustments as the same JSON a model answers with, insight ids as a comma list.
enum SyncCoding {
    static func json(_ adjustments: [SyncAdjustment]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(adjustments), as: UTF8.self)
    }

    static func record(_ row: Row) -> SyncRecord {
        let text: String = row["adjustments"]
        let adjustments = (try? JSONDecoder().decode([SyncAdjustment].self, from: Data(text.utf8))) ?? []
        let ids: String = row["insight_ids"]
        return SyncRecord(id: row["id"], userID: row["user_id"], taskTypeID: row["task_type_id"],
                          insightIDs: ids.split(separator: ",").compactMap { Int64($0) }, adjustments: adjustments,
                          source: SyncRecord.Source(rawValue: row["source"]) ?? .offline,
                          outcome: SyncRecord.Outcome(rawValue: row["outcome"]) ?? .rejected,
                          note: row["note"], costUSD: row["cost_usd"], createdAt: ColumnCoding.date(row["created_at"]))
    }
}
