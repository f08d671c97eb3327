import CostLog
import Foundation
import GRDB
import StoreProtocols

extension SQLiteSession {
    func threadTurns(of userID: String, after afterID: Int64) throws -> [StoredTurn] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM conversation_turn WHERE user_id = ? AND id > ? ORDER BY id"),
                         arguments: [userID, afterID]).map { row in
            StoredTurn(id: row["id"], userID: row["user_id"], speaker: row["speaker"], text: row["text"],
                       createdAt: ColumnCoding.date(row["created_at"]))
        }
    }

    func appendTurn(_ turn: StoredTurn) throws {
        try db.cachedStatement(sql: "INSERT INTO conversation_turn (user_id, speaker, text, created_at) VALUES (?, ?, ?, ?)")
            .execute(arguments: [turn.userID, turn.speaker, turn.text, ColumnCoding.seconds(turn.createdAt)])
    }

    func threadSummary(of userID: String) throws -> ThreadSummary? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM conversation_summary WHERE user_id = ?"), arguments: [userID])
            .map { ThreadSummary(userID: $0["user_id"], text: $0["summary"], foldedThrough: $0["folded_through"]) }
    }

    func saveThreadSummary(_ summary: ThreadSummary) throws {
        try db.cachedStatement(sql: """
            INSERT INTO conversation_summary (user_id, summary, folded_through) VALUES (?, ?, ?)
            ON CONFLICT(user_id) DO UPDATE SET summary = excluded.summary, folded_through = excluded.folded_through
            """).execute(arguments: [summary.userID, summary.text, summary.foldedThrough])
    }

    func record(_ call: CostRecord) throws {
        try db.cachedStatement(sql: """
            INSERT INTO llm_call (time, user, route, message_type, model, prompt_tokens, completion_tokens, cached_tokens,
              estimated, cost_usd, latency_ms, outcome, baseline_prompt_tokens, baseline_completion_tokens, worst_case_usd)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                ColumnCoding.seconds(call.time), call.user, call.route.rawValue, call.messageType, call.model, call.promptTokens,
                call.completionTokens, call.cachedTokens, call.estimated, call.costUSD, call.latencyMs, call.outcome.rawValue,
                call.baseline?.promptTokens, call.baseline?.completionTokens, call.worstCaseUSD,
            ])
    }

    func spend(user: String?, since instant: Date) throws -> Double {
        if let user {
            return try Double.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(SUM(cost_usd), 0) FROM llm_call WHERE user = ? AND time >= ?"),
                                       arguments: [user, ColumnCoding.seconds(instant)]) ?? 0
        }
        return try Double.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(SUM(cost_usd), 0) FROM llm_call WHERE time >= ?"),
                                   arguments: [ColumnCoding.seconds(instant)]) ?? 0
    }

    func modelCalls(user: String, since instant: Date) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: SQLiteSession.modelCallsSQL), arguments: [user, ColumnCoding.seconds(instant)]) ?? 0
    }

    private static let modelCallsSQL = "SELECT COUNT(*) FROM llm_call WHERE user = ? AND time >= ? AND outcome IN ("
        + CallOutcome.reachedModel.map(\.rawValue).sorted().map { "'\($0)'" }.joined(separator: ", ") + ")"

    func calls(since instant: Date) throws -> [CostRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM llm_call WHERE time >= ? ORDER BY time, id"),
                         arguments: [ColumnCoding.seconds(instant)]).compactMap(SQLiteSession.costRecord)
    }

    /// nil for a row whose outcome this version does not know.
    static func costRecord(_ row: Row) -> CostRecord? {
        guard let outcome = CallOutcome(rawValue: row["outcome"]) else { return nil }
        let baseline = (row["baseline_prompt_tokens"] as Int?).map {
            TokenUsage(promptTokens: $0, completionTokens: row["baseline_completion_tokens"] ?? 0, estimated: true)
        }
        return CostRecord(time: ColumnCoding.date(row["time"]), user: row["user"], route: CostRoute(rawValue: row["route"]),
                          messageType: row["message_type"], model: row["model"],
                          usage: TokenUsage(promptTokens: row["prompt_tokens"], completionTokens: row["completion_tokens"],
                                            cachedTokens: row["cached_tokens"], estimated: row["estimated"]),
                          costUSD: row["cost_usd"], latencyMs: row["latency_ms"], outcome: outcome, baseline: baseline,
                          worstCaseUSD: row["worst_case_usd"])
    }

    func cachedPlan(key: String, freshAfter: Date) throws -> String? {
        guard let template = try String.fetchOne(db.cachedStatement(sql: "SELECT template FROM plan_cache WHERE key = ? AND created_at >= ?"),
                                                 arguments: [key, ColumnCoding.seconds(freshAfter)]) else { return nil }
        try db.cachedStatement(sql: "UPDATE plan_cache SET hits = hits + 1 WHERE key = ?").execute(arguments: [key])
        return template
    }

    func savePlan(key: String, template: String, at instant: Date) throws {
        try db.cachedStatement(sql: """
            INSERT INTO plan_cache (key, template, created_at, hits) VALUES (?, ?, ?, 0)
            ON CONFLICT(key) DO UPDATE SET template = excluded.template, created_at = excluded.created_at, hits = 0
            """).execute(arguments: [key, template, ColumnCoding.seconds(instant)])
    }
}
