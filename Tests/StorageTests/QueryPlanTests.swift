import GRDB
import Testing
@testable import Storage

/// Per-message queries must stay index searches whose cost does not grow with a user's history.
@Suite struct QueryPlanTests {
    func plan(_ sql: String) throws -> String {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        return try queue.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "\n")
        }
    }

    @Test func theLatestDueEventIsFoundWithoutWalkingTheResolvedHistory() throws {
        let detail = try plan("SELECT * FROM event WHERE user_id = 'u' AND start <= 1 AND status IN ('scheduled') ORDER BY start DESC, id DESC LIMIT 1")
        #expect(detail.contains("event_by_user_status_start (user_id=? AND status=? AND start<?)"), "\(detail)")
        #expect(!detail.contains("TEMP B-TREE"), "\(detail)")
    }

    @Test func scheduledEventsInAWindowSkipOtherStatuses() throws {
        let detail = try plan("SELECT * FROM event WHERE user_id = 'u' AND status IN ('scheduled') AND start < 9 AND start >= 1 AND \"end\" > 2 ORDER BY start, id")
        #expect(detail.contains("event_by_user_status_start (user_id=? AND status=? AND start>? AND start<?)"), "\(detail)")
    }
}
