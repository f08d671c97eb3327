import Foundation

/// One smart sync as it happened, for a user's `why` and an admin's audit.
public struct SyncRecord: Equatable, Sendable {
    public enum Source: String, Sendable, Codable {
        case llm, offline
    }

    public enum Outcome: String, Sendable, Codable {
        /// Adjustments merged into the type's learned week (possibly none).
        case applied
        /// The answer failed validation (or the call failed); nothing changed.
        case rejected
    }

    public var id: Int64?
    public var userID: String
    public var taskTypeID: Int64
    public var insightIDs: [Int64]
    public var adjustments: [SyncAdjustment]
    public var source: Source
    public var outcome: Outcome
    /// Why offline, or why rejected; empty otherwise.
    public var note: String
    public var costUSD: Double
    public var createdAt: Date

    public init(id: Int64? = nil, userID: String, taskTypeID: Int64, insightIDs: [Int64], adjustments: [SyncAdjustment],
                source: Source, outcome: Outcome, note: String = "", costUSD: Double = 0, createdAt: Date) {
        self.id = id
        self.userID = userID
        self.taskTypeID = taskTypeID
        self.insightIDs = insightIDs
        self.adjustments = adjustments
        self.source = source
        self.outcome = outcome
        self.note = note
        self.costUSD = costUSD
        self.createdAt = createdAt
    }
}
