import Foundation
import SchedulerCore
import StoreProtocols

extension InMemorySession {
    // MARK: Preferences

    func userIDsNeedingTick(at instant: Date, on network: Network) throws -> [String] {
        var due = Set(tables.nudges.values.filter { ($0.state == .pending && $0.dueAt <= instant) || $0.state == .open }.map(\.userID))
        due.formUnion(tables.habits.values.filter(\.isActive).map(\.userID))
        return due.filter { tables.preferences[$0]?.network == network }.sorted()
    }

    func proactivePreferences(of userID: String) throws -> ProactivePreferences {
        tables.preferences[userID] ?? ProactivePreferences()
    }

    func save(_ preferences: ProactivePreferences, of userID: String) throws {
        try requireWrite(for: userID)
        tables.preferences[userID] = preferences
    }

    // MARK: Nudges

    func save(_ nudge: inout Nudge) throws {
        try requireWrite(for: nudge.userID)
        if let eventID = nudge.eventID {
            guard tables.events[eventID] != nil else { throw InMemoryStoreError.foreignKey("event") }
            let clash = tables.nudges.values.contains { $0.kind == nudge.kind && $0.eventID == eventID && $0.id != nudge.id }
            if clash { throw InMemoryStoreError.uniqueConstraint("nudge(kind, event_id)") }
        }
        if let id = nudge.id {
            if tables.nudges[id] != nil { tables.nudges[id] = nudge }
        } else {
            nudge.id = tables.nextID("nudge")
            tables.nudges[nudge.id ?? 0] = nudge
        }
    }

    func nudge(kind: NudgeKind, eventID: Int64) throws -> Nudge? {
        tables.nudges.values.first { $0.kind == kind && $0.eventID == eventID }
    }

    func nudges(of userID: String, kinds: Set<NudgeKind>, states: Set<NudgeState>) throws -> [Nudge] {
        tables.nudges.values.filter { $0.userID == userID && kinds.contains($0.kind) && states.contains($0.state) }
            .sorted { $0.dueAt != $1.dueAt ? $0.dueAt < $1.dueAt : ($0.id ?? 0) < ($1.id ?? 0) }
    }

    func messagesSent(to userID: String, since instant: Date) throws -> Int {
        Set(tables.nudges.values.compactMap { $0.userID == userID ? $0.sentAt : nil }.filter { $0 >= instant }).count
    }

    func nextNudgeTime(after instant: Date) throws -> Date? {
        let due = tables.nudges.values.filter { $0.state == .pending && $0.dueAt > instant }.map(\.dueAt)
        let deadlines = tables.nudges.values.filter { $0.state == .pending || $0.state == .open }
            .compactMap(\.expiresAt).filter { $0 > instant }
        return (due + deadlines).min()
    }

    func followUpCounts(of userID: String?) throws -> [NudgeState: Int] {
        var counts: [NudgeState: Int] = [:]
        for nudge in tables.nudges.values where nudge.kind == .followUp && (userID == nil || nudge.userID == userID) {
            counts[nudge.state, default: 0] += 1
        }
        return counts
    }

    // MARK: Habits

    func save(_ habit: inout Habit) throws {
        try requireWrite(for: habit.userID)
        guard tables.taskTypes[habit.taskTypeID] != nil else { throw InMemoryStoreError.foreignKey("task_type") }
        if let id = habit.id {
            if tables.habits[id] != nil { tables.habits[id] = habit }
        } else {
            habit.id = tables.nextID("habit")
            tables.habits[habit.id ?? 0] = habit
        }
    }

    func habits(of userID: String, activeOnly: Bool) throws -> [Habit] {
        tables.habits.values.filter { $0.userID == userID && (!activeOnly || $0.isActive) }.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
    }

    func habit(id: Int64) throws -> Habit? { tables.habits[id] }

    func link(eventID: Int64, toHabit habitID: Int64) throws {
        try requireWrite()
        guard tables.events[eventID] != nil else { throw InMemoryStoreError.foreignKey("event") }
        guard tables.habits[habitID] != nil else { throw InMemoryStoreError.foreignKey("habit") }
        tables.occurrences[eventID] = habitID
    }

    func habitID(ofEvent eventID: Int64) throws -> Int64? { tables.occurrences[eventID] }

    func occurrences(of habitID: Int64, overlapping interval: DateInterval) throws -> [Event] {
        allEvents.filter { tables.occurrences[$0.id ?? 0] == habitID && $0.start < interval.end && $0.end > interval.start }
    }

    // MARK: Smart sync

    func syncWeekStart(of userID: String) throws -> Date? { tables.syncStates[userID]?.weekStart }

    func setSyncWeekStart(_ start: Date, of userID: String) throws {
        try requireWrite(for: userID)
        tables.syncStates[userID, default: SyncState()].weekStart = start
    }

    func pendingSyncUsers() throws -> [String] {
        tables.syncStates.filter(\.value.pending).map(\.key).sorted()
    }

    func setSyncPending(_ pending: Bool, for userID: String) throws {
        try requireWrite(for: userID)
        tables.syncStates[userID, default: SyncState()].pending = pending
    }

    func add(_ sync: inout SyncRecord) throws {
        try requireWrite(for: sync.userID)
        guard tables.taskTypes[sync.taskTypeID] != nil else { throw InMemoryStoreError.foreignKey("task_type") }
        sync.id = tables.nextID("insight_sync")
        tables.syncs[sync.id ?? 0] = sync
    }

    func syncs(of userID: String, taskTypeID: Int64?, limit: Int) throws -> [SyncRecord] {
        let newestFirst = tables.syncs.values.filter { $0.userID == userID && (taskTypeID == nil || $0.taskTypeID == taskTypeID) }
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : ($0.id ?? 0) > ($1.id ?? 0) }
        return Array(newestFirst.prefix(max(0, limit)))
    }

    func modelSyncs(of userID: String?, since instant: Date) throws -> Int {
        tables.syncs.values.count { $0.source == .llm && $0.createdAt >= instant && (userID == nil || $0.userID == userID) }
    }
}
