import Foundation
import Testing
@testable import SchedulerCore

@Suite struct SyncPolicyTests {
    let policy = SyncPolicy(thresholds: SyncThresholds(minScheduleCount: 3, minFrequentTypes: 2, dailyCallsPerUser: 2, dailyCallsGlobal: 10))
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let free = SyncUsage(userCalls: 0, globalCalls: 0)

    func candidate(_ id: Int64, count: Int, synced: Date? = nil, insight: Date? = Date(timeIntervalSince1970: 1_800_000_000)) -> SyncCandidate {
        SyncCandidate(taskTypeID: id, recentScheduleCount: count, lastSyncedAt: synced, newestInsightAt: insight)
    }

    @Test func aTypeIsFrequentAtTheMinimumCount() {
        #expect(!policy.isFrequent(candidate(1, count: 2)))
        #expect(policy.isFrequent(candidate(1, count: 3)))
    }

    @Test func syncNeedsEnoughFrequentTypes() {
        #expect(policy.plans(for: [candidate(1, count: 5), candidate(2, count: 2)], usage: free, modelAvailable: true).isEmpty)
        let plans = policy.plans(for: [candidate(1, count: 5), candidate(2, count: 3), candidate(3, count: 1)], usage: free, modelAvailable: true)
        #expect(plans == [SyncPlan(taskTypeID: 1, route: .model), SyncPlan(taskTypeID: 2, route: .model)])
    }

    @Test func aSyncedTypeWaitsForANewInsight() {
        let later = t0.addingTimeInterval(3600)
        let synced = [candidate(1, count: 5, synced: later), candidate(2, count: 5, synced: later)]
        #expect(policy.plans(for: synced, usage: free, modelAvailable: true).isEmpty)
        let newer = [candidate(1, count: 5, synced: later), candidate(2, count: 5, synced: later, insight: later.addingTimeInterval(1))]
        #expect(policy.plans(for: newer, usage: free, modelAvailable: true).map(\.taskTypeID) == [2])
        // Frequent but with nothing to interpret: no call, but it still counts towards the user's frequent types.
        let empty = [candidate(1, count: 5, insight: nil), candidate(2, count: 5)]
        #expect(policy.plans(for: empty, usage: free, modelAvailable: true).map(\.taskTypeID) == [2])
    }

    @Test func budgetsSendTheRestOffline() {
        let three = [candidate(1, count: 3), candidate(2, count: 3), candidate(3, count: 3)]
        #expect(policy.plans(for: three, usage: free, modelAvailable: true).map(\.route) == [.model, .model, .offline(.userBudget)])
        #expect(policy.plans(for: three, usage: SyncUsage(userCalls: 1, globalCalls: 9), modelAvailable: true).map(\.route)
                == [.model, .offline(.globalBudget), .offline(.globalBudget)])
        #expect(policy.plans(for: three, usage: free, modelAvailable: false).map(\.route) == Array(repeating: .offline(.noModel), count: 3))
    }

    @Test func budgetDaysAreUTCDays() {
        let noon = Date(timeIntervalSince1970: 86_400 * 20_000 + 43_200)
        #expect(SyncPolicy.budgetDay(containing: noon) == Date(timeIntervalSince1970: 86_400 * 20_000))
    }

    @Test func aNewWeekIsOneThatIsNotTheStoredOne() {
        let monday = t0, nextMonday = t0.addingTimeInterval(7 * 86_400)
        #expect(!RecentScheduleWeek.isNewWeek(storedWeekStart: monday, currentWeekStart: monday))
        #expect(RecentScheduleWeek.isNewWeek(storedWeekStart: monday, currentWeekStart: nextMonday))
        #expect(RecentScheduleWeek.isNewWeek(storedWeekStart: nil, currentWeekStart: monday))
    }
}
