import CostLog
import Foundation
import SchedulerCore
import StoreProtocols

/// One transaction's copy of the tables.
final class InMemorySession: StoreSession {
    var tables: Tables
    let canWrite: Bool

    init(tables: Tables, canWrite: Bool) {
        self.tables = tables
        self.canWrite = canWrite
    }

    func requireWrite() throws {
        guard canWrite else { throw InMemoryStoreError.writeInReadTransaction }
    }

    /// A write of a row that belongs to a stored user.
    func requireWrite(for userID: String) throws {
        try requireWrite()
        guard tables.users[userID] != nil else { throw InMemoryStoreError.foreignKey("user") }
    }

    // MARK: Users

    func user(_ id: String) throws -> UserProfile? { tables.users[id] }

    func save(_ user: UserProfile) throws {
        try requireWrite()
        // The creation time is kept from the first save, as the upsert does.
        var user = user
        if let stored = tables.users[user.id] { user.createdAt = stored.createdAt }
        tables.users[user.id] = user
    }

    func allUserIDs() throws -> [String] { tables.users.keys.sorted() }

    // MARK: Task types

    func taskTypes(of userID: String) throws -> [TaskType] {
        tables.taskTypes.values.filter { $0.userID == userID }.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
    }

    func taskType(of userID: String, named normalisedName: String) throws -> TaskType? {
        tables.taskTypes.values.first { $0.userID == userID && $0.name == normalisedName }
    }

    func taskType(id: Int64) throws -> TaskType? { tables.taskTypes[id] }

    func save(_ taskType: inout TaskType) throws {
        try requireWrite(for: taskType.userID)
        let clash = tables.taskTypes.values.contains {
            $0.userID == taskType.userID && $0.name == taskType.name && $0.id != taskType.id
        }
        if clash { throw InMemoryStoreError.uniqueConstraint("task_type(user_id, name)") }
        if let id = taskType.id {
            if tables.taskTypes[id] != nil { tables.taskTypes[id] = taskType }
        } else {
            taskType.id = tables.nextID("task_type")
            tables.taskTypes[taskType.id ?? 0] = taskType
        }
    }

    func restAfter(taskTypes ids: Set<Int64>) throws -> [Int64: Int] {
        var rest: [Int64: Int] = [:]
        for id in ids {
            guard let type = tables.taskTypes[id] else { continue }
            rest[id] = TaskType.restAfter(cognitiveLoad: type.cognitiveLoad, recoveryMinutes: type.recoveryMinutes)
        }
        return rest
    }

    func resetRecentScheduleCounts(of userID: String) throws {
        try requireWrite()
        for (id, type) in tables.taskTypes where type.userID == userID { tables.taskTypes[id]?.recentScheduleCount = 0 }
    }

    // MARK: Events

    /// Events are at most a day long: an overlap query only looks back that far (the SQL's index range).
    static let longestEvent: TimeInterval = 24 * 3600

    var allEvents: [Event] { tables.events.values.map(\.event).sorted(by: InMemorySession.byStart) }

    static func byStart(_ a: Event, _ b: Event) -> Bool {
        a.start != b.start ? a.start < b.start : (a.id ?? 0) < (b.id ?? 0)
    }

    func events(of userID: String, overlapping interval: DateInterval, statuses: Set<Event.Status>) throws -> [Event] {
        allEvents.filter {
            $0.userID == userID && statuses.contains($0.status) && InMemorySession.meets($0, interval)
        }
    }

    static func meets(_ event: Event, _ interval: DateInterval) -> Bool {
        event.start < interval.end && event.start >= interval.start.addingTimeInterval(-longestEvent) && event.end > interval.start
    }

    func event(id: Int64) throws -> Event? { tables.events[id]?.event }

    func latestEvent(of userID: String, startingAtOrBefore instant: Date, statuses: Set<Event.Status>) throws -> Event? {
        allEvents.last { $0.userID == userID && $0.start <= instant && statuses.contains($0.status) }
    }

    func nextEvent(of userID: String, startingAfter instant: Date, statuses: Set<Event.Status>) throws -> Event? {
        allEvents.first { $0.userID == userID && $0.start > instant && statuses.contains($0.status) }
    }

    func save(_ event: inout Event) throws {
        try requireWrite(for: event.userID)
        guard tables.taskTypes[event.taskTypeID] != nil else { throw InMemoryStoreError.foreignKey("task_type") }
        if let id = event.id {
            guard var stored = tables.events[id] else { return }
            let old = stored.event
            if old.start != event.start || old.end != event.end || old.status != event.status {
                stored.sequence += 1
                stored.modifiedAt = Date()
            }
            stored.event = event
            tables.events[id] = stored
        } else {
            event.id = tables.nextID("event")
            tables.events[event.id ?? 0] = StoredEvent(event: event)
        }
    }

    func recentOutcomes(of userID: String, limit: Int) throws -> [Event.Status] {
        Array(allEvents.reversed().filter { $0.userID == userID && ($0.status == .done || $0.status == .skipped) }
            .prefix(max(0, limit)).map(\.status))
    }

    // MARK: Insights

    func add(_ insight: inout Insight) throws {
        try requireWrite(for: insight.userID)
        insight.id = tables.nextID("insight")
        tables.insights[insight.id ?? 0] = insight
    }

    func update(_ insight: Insight) throws {
        try requireWrite()
        guard let id = insight.id, var stored = tables.insights[id] else { return }
        stored.kind = insight.kind
        stored.text = insight.text
        stored.confidence = insight.confidence
        stored.sourceEventIDs = insight.sourceEventIDs
        tables.insights[id] = stored
    }

    func insights(of userID: String, limit: Int) throws -> [Insight] {
        let newestFirst = tables.insights.values.filter { $0.userID == userID }.sorted {
            $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : ($0.id ?? 0) > ($1.id ?? 0)
        }
        return Array(newestFirst.prefix(max(0, limit)))
    }

    // MARK: Thread

    func threadTurns(of userID: String, after afterID: Int64) throws -> [StoredTurn] {
        tables.turns.filter { $0.userID == userID && ($0.id ?? 0) > afterID }
    }

    func appendTurn(_ turn: StoredTurn) throws {
        try requireWrite(for: turn.userID)
        var turn = turn
        turn.id = tables.nextID("conversation_turn")
        tables.turns.append(turn)
    }

    func threadSummary(of userID: String) throws -> ThreadSummary? { tables.summaries[userID] }

    func saveThreadSummary(_ summary: ThreadSummary) throws {
        try requireWrite(for: summary.userID)
        tables.summaries[summary.userID] = summary
    }

    // MARK: Costs

    func record(_ call: CostRecord) throws {
        try requireWrite()
        tables.calls.append(call)
    }

    func spend(user: String?, since instant: Date) throws -> Double {
        tables.calls.filter { $0.time >= instant && (user == nil || $0.user == user) }.reduce(0) { $0 + $1.costUSD }
    }

    func modelCalls(user: String, since instant: Date) throws -> Int {
        tables.calls.count { $0.user == user && $0.time >= instant && CallOutcome.reachedModel.contains($0.outcome) }
    }

    func calls(since instant: Date) throws -> [CostRecord] {
        // Stable: rows of the same instant stay in the order they were recorded.
        tables.calls.enumerated().filter { $0.element.time >= instant }
            .sorted { $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset }
            .map(\.element)
    }

    // MARK: Plan cache

    func cachedPlan(key: String, freshAfter: Date) throws -> String? {
        guard let plan = tables.plans[key], plan.createdAt >= freshAfter else { return nil }
        try requireWrite()
        tables.plans[key]?.hits += 1
        return plan.template
    }

    func savePlan(key: String, template: String, at instant: Date) throws {
        try requireWrite()
        tables.plans[key] = CachedPlan(template: template, createdAt: instant, hits: 0)
    }

    // MARK: Delivery

    func value(forKey key: String) throws -> String? { tables.state[key] }

    func setValue(_ value: String?, forKey key: String) throws {
        try requireWrite()
        tables.state[key] = value
    }

    func isHandled(externalID: String) throws -> Bool { tables.handled[externalID] != nil }

    func markHandled(externalID: String, on network: Network, at instant: Date) throws -> Bool {
        try requireWrite()
        guard tables.handled[externalID] == nil else { return false }
        tables.handled[externalID] = HandledEvent(network: network, handledAt: instant)
        return true
    }

    func setAnswer(_ answer: String, forExternalID externalID: String) throws {
        try requireWrite()
        guard tables.handled[externalID] != nil else { return }
        tables.handled[externalID]?.answer = answer
        tables.handled[externalID]?.deliveredAt = nil
    }

    func undeliveredAnswers(on network: Network, limit: Int) throws -> [(externalID: String, answer: String)] {
        let pending = tables.handled.compactMap { id, row -> (id: String, at: Date, answer: String)? in
            guard row.network == network, row.deliveredAt == nil, let answer = row.answer else { return nil }
            return (id, row.handledAt, answer)
        }
        return pending.sorted { $0.at != $1.at ? $0.at < $1.at : $0.id < $1.id }
            .prefix(max(0, limit)).map { (externalID: $0.id, answer: $0.answer) }
    }

    func markDelivered(externalID: String, at instant: Date) throws {
        try requireWrite()
        tables.handled[externalID]?.deliveredAt = instant
    }

    // MARK: Adapter state

    func adapterState(_ key: AdapterStateKey, at instant: Date) throws -> String? {
        guard let stored = tables.adapterState[key], stored.expiresAt.map({ $0 > instant }) ?? true else { return nil }
        return stored.value
    }

    func save(_ entry: AdapterStateEntry) throws {
        try requireWrite()
        tables.adapterState[entry.key] = entry.value.map { StoredAdapterValue(value: $0, expiresAt: entry.expiresAt) }
    }

    func pruneAdapterState(of network: Network, expiredBy instant: Date) throws -> Int {
        try requireWrite()
        let expired = tables.adapterState.filter { $0.key.network == network && $0.value.expiresAt.map { $0 <= instant } == true }
        for key in expired.keys { tables.adapterState[key] = nil }
        return expired.count
    }
}
