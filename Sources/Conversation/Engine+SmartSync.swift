import Foundation
import SchedulerCore
import StoreProtocols

/// Smart sync: a schedule flags the user; the clock-driven round decides in one transaction,
/// asks the model (or the offline interpreter) outside it, and commits each sync in its own transaction,
/// so no reply ever waits on interpretation.
extension Engine {
    /// In the schedule's transaction: this week's count goes up (starting the week from zero when it is new),
    /// and a type reaching the frequent threshold flags its user for the next sync round.
    func countSchedule(_ type: inout TaskType, _ turn: inout Turn) throws {
        let weekStart = turn.week.isoWeek(containing: turn.now).start
        let stored = try turn.session.syncWeekStart(of: turn.user.id)
        // A new week zeroes every count in one statement; the type in hand is saved by the caller.
        if RecentScheduleWeek.isNewWeek(storedWeekStart: stored, currentWeekStart: weekStart) {
            try turn.session.resetRecentScheduleCounts(of: turn.user.id)
            type.recentScheduleCount = 0
            try turn.session.setSyncWeekStart(weekStart, of: turn.user.id)
        }
        type.recentScheduleCount += 1
        if type.recentScheduleCount >= settings.smartSync.thresholds.minScheduleCount {
            try turn.session.setSyncPending(true, for: turn.user.id)
        }
    }

    /// Runs every sync that flagged users are due; returns how many were committed.
    @discardableResult
    public func runSmartSyncs(now: Date) async -> Int {
        let jobs: [SyncJob]
        do {
            jobs = try store.write { try claimSyncJobs(now: now, in: $0) }
        } catch {
            logger.error("could not plan smart syncs", metadata: ["error": "\(error)"])
            return 0
        }
        var committed = 0
        for job in jobs where await run(job, now: now) { committed += 1 }
        return committed
    }

    /// Clears each flag and turns what the policy says into jobs; budgets count the jobs of this round too.
    private func claimSyncJobs(now: Date, in session: any StoreSession) throws -> [SyncJob] {
        let day = SyncPolicy.budgetDay(containing: now)
        var roundCalls = 0
        var jobs: [SyncJob] = []
        for userID in try session.pendingSyncUsers() {
            try session.setSyncPending(false, for: userID)
            guard let user = try session.user(userID) else { continue }
            let usage = SyncUsage(userCalls: try session.modelSyncs(of: userID, since: day),
                                  globalCalls: try session.modelSyncs(of: nil, since: day) + roundCalls)
            let planned = try syncJobs(for: user, usage: usage, now: now, in: session)
            roundCalls += planned.filter { $0.route == .model }.count
            jobs += planned
        }
        return jobs
    }

    private func syncJobs(for user: UserProfile, usage: SyncUsage, now: Date, in session: any StoreSession) throws -> [SyncJob] {
        let sync = settings.smartSync
        // Counts from a week that is over are not recent, even before the user's next schedule resets them.
        let current = try session.syncWeekStart(of: user.id) == LocalWeek(timeZone: user.timeZone).isoWeek(containing: now).start
        let relevance = InsightRelevance(matcher: sync.matcher, minSimilarity: sync.minSimilarity, limit: sync.maxInsights)
        let insights = relevance.embedded(try session.insights(of: user.id, limit: 200))
        var byID: [Int64: (TaskType, [Insight])] = [:]
        let candidates = try session.taskTypes(of: user.id).compactMap { type -> SyncCandidate? in
            guard let id = type.id else { return nil }
            let relevant = relevance.relevant(to: type, among: insights)
            byID[id] = (type, relevant)
            return SyncCandidate(taskTypeID: id, recentScheduleCount: current ? type.recentScheduleCount : 0,
                                 lastSyncedAt: type.lastSyncedAt, newestInsightAt: relevant.map(\.createdAt).max())
        }
        let policy = SyncPolicy(thresholds: sync.thresholds)
        return policy.plans(for: candidates, usage: usage, modelAvailable: sync.useModel && settings.chat != nil).compactMap { plan in
            byID[plan.taskTypeID].map { SyncJob(userID: user.id, taskTypeID: plan.taskTypeID, taskName: $0.0.displayName,
                                                insights: $0.1, route: plan.route) }
        }
    }
}
