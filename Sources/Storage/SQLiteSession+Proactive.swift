import Foundation
import GRDB
import StoreProtocols
import SchedulerCore

extension SQLiteSession: ProactiveStoreSession {
    func allUserIDs() throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM user ORDER BY id"))
    }

    func userIDsNeedingTick(at instant: Date, on network: Network) throws -> [String] {
        let sql = """
            SELECT due.user_id FROM (
              SELECT user_id FROM nudge WHERE state = 'pending' AND due_at <= ?
              UNION SELECT user_id FROM nudge WHERE state = 'open'
              UNION SELECT user_id FROM habit WHERE active
            ) AS due JOIN proactive_preferences AS p ON p.user_id = due.user_id
            WHERE p.network = ?
            ORDER BY 1
            """
        return try String.fetchAll(db.cachedStatement(sql: sql), arguments: [ColumnCoding.seconds(instant), network.rawValue])
    }

    // MARK: Preferences

    func proactivePreferences(of userID: String) throws -> ProactivePreferences {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM proactive_preferences WHERE user_id = ?"),
                                         arguments: [userID]) else { return ProactivePreferences() }
        let quiet = (row["quiet_start"] as Int?).flatMap { start in
            (row["quiet_end"] as Int?).flatMap { DayWindow(startMinute: start, endMinute: $0) }
        }
        return ProactivePreferences(reminderLeadMinutes: row["reminder_lead_minutes"], dailyPlanMinute: row["daily_plan_minute"],
                                    weeklyReview: row["weekly_review"], unansweredCountsAsMissed: row["unanswered_missed"],
                                    quietHours: quiet, dailyCap: row["daily_cap"], isMuted: row["muted"], lastRoomID: row["last_room"],
                                    network: (row["network"] as String?).flatMap(Network.init(rawValue:)))
    }

    func save(_ preferences: ProactivePreferences, of userID: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO proactive_preferences (user_id, reminder_lead_minutes, daily_plan_minute, weekly_review, unanswered_missed,
              quiet_start, quiet_end, daily_cap, muted, last_room, network) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(user_id) DO UPDATE SET reminder_lead_minutes = excluded.reminder_lead_minutes,
              daily_plan_minute = excluded.daily_plan_minute, weekly_review = excluded.weekly_review,
              unanswered_missed = excluded.unanswered_missed, quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
              daily_cap = excluded.daily_cap, muted = excluded.muted, last_room = excluded.last_room, network = excluded.network
            """).execute(arguments: [
                userID, preferences.reminderLeadMinutes, preferences.dailyPlanMinute, preferences.weeklyReview,
                preferences.unansweredCountsAsMissed, preferences.quietHours?.startMinute, preferences.quietHours?.endMinute,
                preferences.dailyCap, preferences.isMuted, preferences.lastRoomID, preferences.network?.rawValue,
            ])
    }

    // MARK: Nudges

    func save(_ nudge: inout Nudge) throws {
        let values: StatementArguments = [
            nudge.userID, nudge.kind.rawValue, nudge.eventID, ColumnCoding.seconds(nudge.dueAt),
            nudge.expiresAt.map(ColumnCoding.seconds), nudge.state.rawValue, ColumnCoding.seconds(nudge.createdAt),
            nudge.sentAt.map(ColumnCoding.seconds),
        ]
        if let id = nudge.id {
            try db.cachedStatement(sql: """
                UPDATE nudge SET user_id = ?, kind = ?, event_id = ?, due_at = ?, expires_at = ?, state = ?, created_at = ?, sent_at = ?
                WHERE id = ?
                """).execute(arguments: values + [id])
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO nudge (user_id, kind, event_id, due_at, expires_at, state, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: values)
            nudge.id = db.lastInsertedRowID
        }
    }

    func nudge(kind: NudgeKind, eventID: Int64) throws -> Nudge? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM nudge WHERE kind = ? AND event_id = ?"),
                         arguments: [kind.rawValue, eventID]).map(SQLiteSession.nudge)
    }

    func nudges(of userID: String, kinds: Set<NudgeKind>, states: Set<NudgeState>) throws -> [Nudge] {
        let sql = """
            SELECT * FROM nudge WHERE user_id = ? AND kind IN (\(SQLiteSession.marks(kinds.count))) AND state IN (\(SQLiteSession.marks(states.count)))
            ORDER BY due_at, id
            """
        let arguments = StatementArguments([userID]) + StatementArguments(kinds.map(\.rawValue).sorted())
            + StatementArguments(states.map(\.rawValue).sorted())
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(SQLiteSession.nudge)
    }

    func messagesSent(to userID: String, since instant: Date) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(DISTINCT sent_at) FROM nudge WHERE user_id = ? AND sent_at >= ?"),
                         arguments: [userID, ColumnCoding.seconds(instant)]) ?? 0
    }

    func nextNudgeTime(after instant: Date) throws -> Date? {
        let seconds = ColumnCoding.seconds(instant)
        let due = try Double.fetchOne(db.cachedStatement(sql: "SELECT MIN(due_at) FROM nudge WHERE state = 'pending' AND due_at > ?"),
                                      arguments: [seconds])
        let deadline = try Double.fetchOne(db.cachedStatement(sql: "SELECT MIN(expires_at) FROM nudge WHERE state IN ('pending', 'open') AND expires_at > ?"),
                                           arguments: [seconds])
        return [due, deadline].compactMap { $0 }.min().map(ColumnCoding.date)
    }

    func followUpCounts(of userID: String?) throws -> [NudgeState: Int] {
        let filter = userID == nil ? "" : " AND user_id = ?"
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT state, COUNT(*) AS n FROM nudge WHERE kind = 'follow_up'\(filter) GROUP BY state"),
                                    arguments: StatementArguments(userID.map { [$0] } ?? []))
        var counts: [NudgeState: Int] = [:]
        for row in rows { if let state = NudgeState(rawValue: row["state"]) { counts[state] = row["n"] } }
        return counts
    }

    static func nudge(_ row: Row) -> Nudge {
        Nudge(id: row["id"], userID: row["user_id"], kind: NudgeKind(rawValue: row["kind"]) ?? .reminder, eventID: row["event_id"],
              dueAt: ColumnCoding.date(row["due_at"]), expiresAt: (row["expires_at"] as Double?).map(ColumnCoding.date),
              state: NudgeState(rawValue: row["state"]) ?? .dropped, createdAt: ColumnCoding.date(row["created_at"]),
              sentAt: (row["sent_at"] as Double?).map(ColumnCoding.date))
    }

    static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: max(1, count)).joined(separator: ", ")
    }

    // MARK: Habits

    func save(_ habit: inout Habit) throws {
        let weekdays: String?
        switch habit.days {
        case .fixed(let days): weekdays = days.sorted().map(String.init).joined(separator: ",")
        case .timesPerWeek: weekdays = nil
        }
        let values: StatementArguments = [
            habit.userID, habit.taskTypeID, habit.title, weekdays, habit.timesPerWeek, habit.minuteOfDay,
            habit.window?.startMinute, habit.window?.endMinute, habit.durationMinutes, habit.isActive, ColumnCoding.seconds(habit.createdAt),
        ]
        if let id = habit.id {
            try db.cachedStatement(sql: """
                UPDATE habit SET user_id = ?, task_type_id = ?, title = ?, weekdays = ?, times_per_week = ?, minute_of_day = ?,
                  window_start = ?, window_end = ?, duration_minutes = ?, active = ?, created_at = ? WHERE id = ?
                """).execute(arguments: values + [id])
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO habit (user_id, task_type_id, title, weekdays, times_per_week, minute_of_day, window_start, window_end,
                  duration_minutes, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: values)
            habit.id = db.lastInsertedRowID
        }
    }

    func habits(of userID: String, activeOnly: Bool) throws -> [Habit] {
        let sql = "SELECT * FROM habit WHERE user_id = ?\(activeOnly ? " AND active" : "") ORDER BY id"
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [userID]).map(SQLiteSession.habit)
    }

    func habit(id: Int64) throws -> Habit? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM habit WHERE id = ?"), arguments: [id]).map(SQLiteSession.habit)
    }

    func link(eventID: Int64, toHabit habitID: Int64) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO habit_occurrence (event_id, habit_id) VALUES (?, ?)")
            .execute(arguments: [eventID, habitID])
    }

    func habitID(ofEvent eventID: Int64) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT habit_id FROM habit_occurrence WHERE event_id = ?"), arguments: [eventID])
    }

    func occurrences(of habitID: Int64, overlapping interval: DateInterval) throws -> [Event] {
        let sql = """
            SELECT event.* FROM event JOIN habit_occurrence ON habit_occurrence.event_id = event.id
            WHERE habit_occurrence.habit_id = ? AND event.start < ? AND event."end" > ? ORDER BY event.start, event.id
            """
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [
            habitID, ColumnCoding.seconds(interval.end), ColumnCoding.seconds(interval.start),
        ]).map(SQLiteSession.event)
    }

    static func habit(_ row: Row) -> Habit {
        let days: HabitDays
        if let text = row["weekdays"] as String? {
            days = .fixed(Set(text.split(separator: ",").compactMap { Int($0) }))
        } else {
            days = .timesPerWeek(row["times_per_week"])
        }
        let window = (row["window_start"] as Int?).flatMap { start in
            (row["window_end"] as Int?).flatMap { DayWindow(startMinute: start, endMinute: $0) }
        }
        return Habit(id: row["id"], userID: row["user_id"], taskTypeID: row["task_type_id"], title: row["title"], days: days,
                     minuteOfDay: row["minute_of_day"], window: window, durationMinutes: row["duration_minutes"],
                     isActive: row["active"], createdAt: ColumnCoding.date(row["created_at"]))
    }
}
