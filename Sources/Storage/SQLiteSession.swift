import Foundation
import GRDB
import StoreProtocols
import SchedulerCore

/// One transaction's view of the SQLite database.
struct SQLiteSession: StoreSession {
    let db: Database

    // MARK: Users

    func user(_ id: String) throws -> UserProfile? {
        try decodeFirst("SELECT * FROM user WHERE id = ?", [id], SQLiteSession.user)
    }

    static func user(_ row: Row) -> UserProfile {
        let energy = EnergyPattern(energy: ColumnCoding.grid(row["energy"]),
                                   confidence: ColumnCoding.grid(row["energy_confidence"], fallback: 0.1))
        return UserProfile(id: row["id"], timeZoneIdentifier: row["time_zone"],
                           availability: ColumnCoding.availability(row["availability"]), energy: energy,
                           role: row["role"],
                           onboarding: UserProfile.OnboardingState(rawValue: row["onboarding"]) ?? .done,
                           createdAt: ColumnCoding.date(row["created_at"]), chatCount: row["chat_count"])
    }

    func save(_ user: UserProfile) throws {
        try db.cachedStatement(sql: """
            INSERT INTO user (id, time_zone, availability, energy, energy_confidence, role, onboarding, created_at, chat_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET time_zone = excluded.time_zone, availability = excluded.availability,
              energy = excluded.energy, energy_confidence = excluded.energy_confidence, role = excluded.role,
              onboarding = excluded.onboarding, chat_count = excluded.chat_count
            """).execute(arguments: [
                user.id, user.timeZoneIdentifier, ColumnCoding.text(user.availability),
                ColumnCoding.blob(user.energy.energy), ColumnCoding.blob(user.energy.confidence),
                user.role, user.onboarding.rawValue, ColumnCoding.seconds(user.createdAt), user.chatCount,
            ])
    }

    // MARK: Task types

    func taskTypes(of userID: String) throws -> [TaskType] {
        try decodeAll("SELECT * FROM task_type WHERE user_id = ? ORDER BY id", [userID], SQLiteSession.taskType)
    }

    func taskType(of userID: String, named normalisedName: String) throws -> TaskType? {
        try decodeFirst("SELECT * FROM task_type WHERE user_id = ? AND name = ?", [userID, normalisedName], SQLiteSession.taskType)
    }

    func taskType(id: Int64) throws -> TaskType? {
        try decodeFirst("SELECT * FROM task_type WHERE id = ?", [id], SQLiteSession.taskType)
    }

    func restAfter(taskTypes ids: Set<Int64>) throws -> [Int64: Int] {
        guard !ids.isEmpty else { return [:] }
        let sql = "SELECT id, cognitive_load, recovery_minutes FROM task_type WHERE id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ", ")))"
        let pairs = try decodeAll(sql, StatementArguments(ids.sorted())) { row -> (Int64, Int) in
            (row[0], TaskType.restAfter(cognitiveLoad: row[1], recoveryMinutes: row[2]))
        }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    func save(_ taskType: inout TaskType) throws {
        let values: StatementArguments = [
            taskType.userID, taskType.name, taskType.displayName, taskType.category.rawValue,
            ColumnCoding.blob(taskType.habit), ColumnCoding.blob(taskType.confidence),
            taskType.typicalDurationMinutes, taskType.cognitiveLoad, taskType.recoveryMinutes,
            taskType.completionCount, taskType.recentScheduleCount, taskType.lastSyncedAt.map(ColumnCoding.seconds),
        ]
        if let id = taskType.id {
            try db.cachedStatement(sql: """
                UPDATE task_type SET user_id = ?, name = ?, display_name = ?, category = ?, habit = ?, confidence = ?,
                  typical_duration_minutes = ?, cognitive_load = ?, recovery_minutes = ?, completion_count = ?,
                  recent_schedule_count = ?, last_synced_at = ? WHERE id = ?
                """).execute(arguments: values + [id])
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO task_type (user_id, name, display_name, category, habit, confidence, typical_duration_minutes,
                  cognitive_load, recovery_minutes, completion_count, recent_schedule_count, last_synced_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: values)
            taskType.id = db.lastInsertedRowID
        }
    }

    static func taskType(_ row: Row) -> TaskType {
        TaskType(id: row["id"], userID: row["user_id"], name: row["name"], displayName: row["display_name"],
                 category: TaskCategory(rawValue: row["category"]) ?? .focused,
                 habit: ColumnCoding.grid(row["habit"]), confidence: ColumnCoding.grid(row["confidence"], fallback: 0.1),
                 typicalDurationMinutes: row["typical_duration_minutes"], cognitiveLoad: row["cognitive_load"],
                 recoveryMinutes: row["recovery_minutes"], completionCount: row["completion_count"],
                 recentScheduleCount: row["recent_schedule_count"],
                 lastSyncedAt: (row["last_synced_at"] as Double?).map(ColumnCoding.date))
    }

    // MARK: Events

    func events(of userID: String, overlapping interval: DateInterval, statuses: Set<Event.Status>) throws -> [Event] {
        guard !statuses.isEmpty else { return [] }
        // Events are at most a day long, so bounding `start` from below keeps this an index range; filtering the
        // status in SQL lets a single status use (user_id, status, start) and skip the resolved history.
        let sql = "SELECT * FROM event WHERE user_id = ? AND status IN (\(SQLiteSession.placeholders(statuses))) AND start < ? AND start >= ? AND \"end\" > ? ORDER BY start, id"
        let bounds: [any DatabaseValueConvertible] = [
            ColumnCoding.seconds(interval.end), ColumnCoding.seconds(interval.start) - SQLiteSession.longestEvent,
            ColumnCoding.seconds(interval.start),
        ]
        return try decodeAll(sql, StatementArguments([userID]) + StatementArguments(statuses.map(\.rawValue).sorted())
                                 + StatementArguments(bounds), SQLiteSession.event)
    }

    func event(id: Int64) throws -> Event? {
        try decodeFirst("SELECT * FROM event WHERE id = ?", [id], SQLiteSession.event)
    }

    func latestEvent(of userID: String, startingAtOrBefore instant: Date, statuses: Set<Event.Status>) throws -> Event? {
        let sql = "SELECT * FROM event WHERE user_id = ? AND start <= ? AND status IN (\(SQLiteSession.placeholders(statuses))) ORDER BY start DESC, id DESC LIMIT 1"
        return try decodeFirst(sql, StatementArguments([userID, ColumnCoding.seconds(instant)] as [any DatabaseValueConvertible])
                                    + StatementArguments(statuses.map(\.rawValue).sorted()), SQLiteSession.event)
    }

    func nextEvent(of userID: String, startingAfter instant: Date, statuses: Set<Event.Status>) throws -> Event? {
        let sql = "SELECT * FROM event WHERE user_id = ? AND start > ? AND status IN (\(SQLiteSession.placeholders(statuses))) ORDER BY start, id LIMIT 1"
        return try decodeFirst(sql, StatementArguments([userID, ColumnCoding.seconds(instant)] as [any DatabaseValueConvertible])
                                    + StatementArguments(statuses.map(\.rawValue).sorted()), SQLiteSession.event)
    }

    func save(_ event: inout Event) throws {
        let values: StatementArguments = [
            event.userID, event.taskTypeID, event.title, ColumnCoding.seconds(event.start), ColumnCoding.seconds(event.end),
            event.status.rawValue, event.successRating, event.energyAfter, event.note,
            ColumnCoding.seconds(event.createdAt), event.score,
        ]
        if let id = event.id {
            try db.cachedStatement(sql: """
                UPDATE event SET user_id = ?, task_type_id = ?, title = ?, start = ?, "end" = ?, status = ?,
                  success_rating = ?, energy_after = ?, note = ?, created_at = ?, score = ? WHERE id = ?
                """).execute(arguments: values + [id])
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO event (user_id, task_type_id, title, start, "end", status, success_rating, energy_after, note,
                  created_at, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: values)
            event.id = db.lastInsertedRowID
        }
    }

    func recentOutcomes(of userID: String, limit: Int) throws -> [Event.Status] {
        let sql = "SELECT status FROM event WHERE user_id = ? AND status IN ('done', 'skipped') ORDER BY start DESC, id DESC LIMIT ?"
        return try String.fetchAll(db.cachedStatement(sql: sql), arguments: [userID, limit]).compactMap(Event.Status.init)
    }

    /// Upper bound on an event's length used to keep overlap queries on the index.
    static let longestEvent: Double = 24 * 3600

    static func event(_ row: Row) -> Event {
        Event(id: row["id"], userID: row["user_id"], taskTypeID: row["task_type_id"], title: row["title"],
              start: ColumnCoding.date(row["start"]), end: ColumnCoding.date(row["end"]),
              status: Event.Status(rawValue: row["status"]) ?? .scheduled,
              successRating: row["success_rating"], energyAfter: row["energy_after"], note: row["note"],
              createdAt: ColumnCoding.date(row["created_at"]), score: row["score"])
    }

    static func placeholders(_ statuses: Set<Event.Status>) -> String {
        Array(repeating: "?", count: max(1, statuses.count)).joined(separator: ", ")
    }

    // MARK: Insights

    func add(_ insight: inout Insight) throws {
        try db.cachedStatement(sql: """
            INSERT INTO insight (user_id, kind, text, confidence, source_event_ids, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                insight.userID, insight.kind.rawValue, insight.text, insight.confidence,
                insight.sourceEventIDs.joined(separator: ","), ColumnCoding.seconds(insight.createdAt),
            ])
        insight.id = db.lastInsertedRowID
    }

    func update(_ insight: Insight) throws {
        guard let id = insight.id else { return }
        try db.cachedStatement(sql: "UPDATE insight SET kind = ?, text = ?, confidence = ?, source_event_ids = ? WHERE id = ?")
            .execute(arguments: [insight.kind.rawValue, insight.text, insight.confidence, insight.sourceEventIDs.joined(separator: ","), id])
    }

    func insights(of userID: String, limit: Int) throws -> [Insight] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM insight WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?"),
                         arguments: [userID, limit]).map { row in
            Insight(id: row["id"], userID: row["user_id"],
                    kind: Insight.Kind(rawValue: row["kind"]) ?? .userFeedback, text: row["text"],
                    confidence: row["confidence"],
                    sourceEventIDs: (row["source_event_ids"] as String).split(separator: ",").map(String.init),
                    createdAt: ColumnCoding.date(row["created_at"]))
        }
    }

    // MARK: Engine values and deliveries

    func value(forKey key: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM bot_state WHERE key = ?"), arguments: [key])
    }

    func setValue(_ value: String?, forKey key: String) throws {
        if let value {
            try db.cachedStatement(sql: "INSERT INTO bot_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                .execute(arguments: [key, value])
        } else {
            try db.cachedStatement(sql: "DELETE FROM bot_state WHERE key = ?").execute(arguments: [key])
        }
    }

    func isHandled(externalID: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM handled_external_event WHERE id = ?)"),
                          arguments: [externalID]) ?? false
    }

    func markHandled(externalID: String, on network: Network, at instant: Date) throws -> Bool {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO handled_external_event (id, network, handled_at) VALUES (?, ?, ?)")
            .execute(arguments: [externalID, network.rawValue, ColumnCoding.seconds(instant)])
        return db.changesCount > 0
    }

    func setAnswer(_ answer: String, forExternalID externalID: String) throws {
        try db.cachedStatement(sql: "UPDATE handled_external_event SET answer = ?, delivered_at = NULL WHERE id = ?")
            .execute(arguments: [answer, externalID])
    }

    func undeliveredAnswers(on network: Network, limit: Int) throws -> [(externalID: String, answer: String)] {
        let sql = """
            SELECT id, answer FROM handled_external_event
            WHERE network = ? AND delivered_at IS NULL AND answer IS NOT NULL ORDER BY handled_at, id LIMIT ?
            """
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [network.rawValue, limit]).map { ($0["id"], $0["answer"]) }
    }

    func markDelivered(externalID: String, at instant: Date) throws {
        try db.cachedStatement(sql: "UPDATE handled_external_event SET delivered_at = ? WHERE id = ?")
            .execute(arguments: [ColumnCoding.seconds(instant), externalID])
    }
}
