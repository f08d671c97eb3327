import Foundation

/// What the policy knows about one task type.
public struct SyncCandidate: Equatable, Sendable {
    public var taskTypeID: Int64
    public var recentScheduleCount: Int
    public var lastSyncedAt: Date?
    /// When the newest insight relevant to this type was created (nil: there are none).
    public var newestInsightAt: Date?

    public init(taskTypeID: Int64, recentScheduleCount: Int, lastSyncedAt: Date?, newestInsightAt: Date?) {
        self.taskTypeID = taskTypeID
        self.recentScheduleCount = recentScheduleCount
        self.lastSyncedAt = lastSyncedAt
        self.newestInsightAt = newestInsightAt
    }
}

/// Who interprets a due type's insights.
public enum SyncRoute: Equatable, Sendable {
    case model
    case offline(OfflineReason)

    public enum OfflineReason: String, Equatable, Sendable {
        case noModel = "no_model"
        case userBudget = "user_budget"
        case globalBudget = "global_budget"
    }
}

public struct SyncPlan: Equatable, Sendable {
    public var taskTypeID: Int64
    public var route: SyncRoute
}

/// Sync model calls already made today.
public struct SyncUsage: Equatable, Sendable {
    public var userCalls: Int
    public var globalCalls: Int

    public init(userCalls: Int, globalCalls: Int) {
        self.userCalls = userCalls
        self.globalCalls = globalCalls
    }
}

/// Smart sync (seed 000): interpret a user's insights only for the types they actually schedule often,
/// only once they have enough such types to be worth it, and only when there is something new to read.
public struct SyncPolicy: Sendable {
    public var thresholds: SyncThresholds

    public init(thresholds: SyncThresholds = SyncThresholds()) {
        self.thresholds = thresholds
    }

    public func isFrequent(_ candidate: SyncCandidate) -> Bool {
        candidate.recentScheduleCount >= thresholds.minScheduleCount
    }

    /// Frequent, and has an insight newer than its last sync (any insight when never synced).
    public func isDue(_ candidate: SyncCandidate) -> Bool {
        guard isFrequent(candidate), let newest = candidate.newestInsightAt else { return false }
        return candidate.lastSyncedAt.map { newest > $0 } ?? true
    }

    /// The syncs to run now, in candidate order; calls past either daily budget go to the offline interpreter.
    public func plans(for candidates: [SyncCandidate], usage: SyncUsage, modelAvailable: Bool) -> [SyncPlan] {
        guard candidates.filter(isFrequent).count >= thresholds.minFrequentTypes else { return [] }
        var used = usage
        return candidates.filter(isDue).map { candidate in
            let route = route(usage: used, modelAvailable: modelAvailable)
            if route == .model {
                used.userCalls += 1
                used.globalCalls += 1
            }
            return SyncPlan(taskTypeID: candidate.taskTypeID, route: route)
        }
    }

    func route(usage: SyncUsage, modelAvailable: Bool) -> SyncRoute {
        guard modelAvailable else { return .offline(.noModel) }
        guard usage.globalCalls < thresholds.dailyCallsGlobal else { return .offline(.globalBudget) }
        guard usage.userCalls < thresholds.dailyCallsPerUser else { return .offline(.userBudget) }
        return .model
    }

    /// The UTC day that budgets count in (one day for everyone, so the global budget is well defined).
    public static func budgetDay(containing instant: Date) -> Date {
        let seconds = instant.timeIntervalSince1970
        return Date(timeIntervalSince1970: (seconds / 86_400).rounded(.down) * 86_400)
    }
}
