import Foundation
import SchedulerCore

/// Everything the engine reads and writes for one message, inside one transaction.
///
/// One protocol at the seam so the engine never sees SQL; SQLite implements it today.
public protocol StoreSession: ProactiveStoreSession, SyncStoreSession, CalendarStoreSession, AdapterStateStoreSession {
    func user(_ id: String) throws -> UserProfile?
    func save(_ user: UserProfile) throws

    func taskTypes(of userID: String) throws -> [TaskType]
    func taskType(of userID: String, named normalisedName: String) throws -> TaskType?
    func taskType(id: Int64) throws -> TaskType?
    /// Inserts (assigning `id`) or updates.
    func save(_ taskType: inout TaskType) throws
    /// `TaskType.restAfter` for each of these types, without loading their learned weeks (busy blocks need only this).
    func restAfter(taskTypes ids: Set<Int64>) throws -> [Int64: Int]

    /// Events of a user whose [start, end) meets the interval, ordered by start.
    func events(of userID: String, overlapping interval: DateInterval, statuses: Set<Event.Status>) throws -> [Event]
    func event(id: Int64) throws -> Event?
    /// The latest event that started at or before `instant`, with one of the statuses.
    func latestEvent(of userID: String, startingAtOrBefore instant: Date, statuses: Set<Event.Status>) throws -> Event?
    /// The earliest event that starts after `instant`, with one of the statuses.
    func nextEvent(of userID: String, startingAfter instant: Date, statuses: Set<Event.Status>) throws -> Event?
    /// Inserts (assigning `id`) or updates.
    func save(_ event: inout Event) throws
    /// How the user's latest finished events ended (done or skipped), newest first.
    func recentOutcomes(of userID: String, limit: Int) throws -> [Event.Status]

    func add(_ insight: inout Insight) throws
    /// Rewrites a stored insight (reinforcement: higher confidence, more source events).
    func update(_ insight: Insight) throws
    func insights(of userID: String, limit: Int) throws -> [Insight]

    /// The assistant thread: turns after `afterID`, oldest first.
    func threadTurns(of userID: String, after afterID: Int64) throws -> [StoredTurn]
    func appendTurn(_ turn: StoredTurn) throws
    func threadSummary(of userID: String) throws -> ThreadSummary?
    func saveThreadSummary(_ summary: ThreadSummary) throws

    func record(_ call: LLMCallRow) throws
    /// Money spent since `instant`, for one pseudonymous user or (nil) everyone.
    func spend(user: String?, since instant: Date) throws -> Double
    /// Calls that reached a model since `instant` for one pseudonymous user.
    func modelCalls(user: String, since instant: Date) throws -> Int
    /// LLM rows since `instant`, oldest first (admin audits).
    func calls(since instant: Date) throws -> [LLMCallRow]

    /// A cached plan template made at or after `freshAfter`, counting the hit.
    func cachedPlan(key: String, freshAfter: Date) throws -> String?
    func savePlan(key: String, template: String, at instant: Date) throws

    /// Small named values of the engine's own (the last suggestion, a budget notice's day); front ends keep
    /// theirs in the adapter-state table.
    func value(forKey key: String) throws -> String?
    func setValue(_ value: String?, forKey key: String) throws
    func isHandled(externalID: String) throws -> Bool
    /// Records that an external event of `network` was handled; false when it already was (exactly-once delivery).
    func markHandled(externalID: String, on network: Network, at instant: Date) throws -> Bool
    /// Keeps the answer to a handled event until it is confirmed delivered.
    func setAnswer(_ answer: String, forExternalID externalID: String) throws
    /// Answers to `network`'s messages recorded but not yet confirmed delivered, oldest first.
    func undeliveredAnswers(on network: Network, limit: Int) throws -> [(externalID: String, answer: String)]
    func markDelivered(externalID: String, at instant: Date) throws
}

/// A durable store; every call is one transaction.
public protocol SchedulerStore: Sendable {
    func write<T>(_ body: (any StoreSession) throws -> T) throws -> T
    func read<T>(_ body: (any StoreSession) throws -> T) throws -> T
}

/// One stored turn of a user's thread with the assistant.
public struct StoredTurn: Sendable, Equatable {
    public var id: Int64?
    public var userID: String
    public var speaker: String
    public var text: String
    public var createdAt: Date

    public init(id: Int64? = nil, userID: String, speaker: String, text: String, createdAt: Date) {
        self.id = id
        self.userID = userID
        self.speaker = speaker
        self.text = text
        self.createdAt = createdAt
    }
}

/// The running summary of turns that were pruned from the thread.
public struct ThreadSummary: Sendable, Equatable {
    public var userID: String
    public var text: String
    /// The id of the newest turn folded into the summary.
    public var foldedThrough: Int64

    public init(userID: String, text: String, foldedThrough: Int64) {
        self.userID = userID
        self.text = text
        self.foldedThrough = foldedThrough
    }
}

/// One row of the LLM cost log as stored in SQLite (the user is a pseudonym, never the raw id).
public struct LLMCallRow: Sendable, Equatable {
    public var time: Date
    public var user: String
    public var route: String
    public var messageType: String
    public var model: String
    public var promptTokens: Int
    public var completionTokens: Int
    public var cachedTokens: Int
    public var estimated: Bool
    public var costUSD: Double
    public var latencyMs: Int
    public var outcome: String
    public var baselinePromptTokens: Int?
    public var baselineCompletionTokens: Int?
    public var worstCaseUSD: Double?

    public init(time: Date, user: String, route: String, messageType: String, model: String, promptTokens: Int,
                completionTokens: Int, cachedTokens: Int, estimated: Bool, costUSD: Double, latencyMs: Int, outcome: String,
                baselinePromptTokens: Int? = nil, baselineCompletionTokens: Int? = nil, worstCaseUSD: Double? = nil) {
        self.time = time
        self.user = user
        self.route = route
        self.messageType = messageType
        self.model = model
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.cachedTokens = cachedTokens
        self.estimated = estimated
        self.costUSD = costUSD
        self.latencyMs = latencyMs
        self.outcome = outcome
        self.baselinePromptTokens = baselinePromptTokens
        self.baselineCompletionTokens = baselineCompletionTokens
        self.worstCaseUSD = worstCaseUSD
    }
}
