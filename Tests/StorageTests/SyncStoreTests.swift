import Foundation
import Testing
@testable import SchedulerCore
@testable import Storage

@Suite struct SyncStoreTests {
    let now = Date(timeIntervalSince1970: 1_795_420_800)

    @Test(arguments: StoreKind.allCases) func syncRecordsRoundTripNewestFirstAndCountModelCallsPerDay(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        var type = TaskType(userID: "@a:x", displayName: "deep coding", category: .focused)
        try store.write { session in
            try session.save(UserProfile(id: "@a:x", createdAt: now))
            try session.save(UserProfile(id: "@b:x", createdAt: now))
            try session.save(&type)
        }
        let id = try #require(type.id)
        let adjustment = SyncAdjustment(dayPattern: .weekdays, hourRange: [9, 10], modifier: 1.2, reason: "mornings")
        try store.write { session in
            var first = SyncRecord(userID: "@a:x", taskTypeID: id, insightIDs: [3, 7], adjustments: [adjustment], source: .llm,
                                   outcome: .applied, costUSD: 0.002, createdAt: now)
            var second = SyncRecord(userID: "@a:x", taskTypeID: id, insightIDs: [], adjustments: [], source: .offline,
                                    outcome: .applied, note: "user_budget", createdAt: now.addingTimeInterval(60))
            try session.add(&first)
            try session.add(&second)
        }
        let syncs = try store.read { try $0.syncs(of: "@a:x", taskTypeID: id, limit: 10) }
        #expect(syncs.map(\.source) == [.offline, .llm])
        #expect(syncs[1].insightIDs == [3, 7] && syncs[1].adjustments == [adjustment] && syncs[1].costUSD == 0.002)
        #expect(try store.read { try $0.syncs(of: "@b:x", taskTypeID: nil, limit: 10) }.isEmpty)
        #expect(try store.read { try $0.modelSyncs(of: "@a:x", since: now) } == 1)
        #expect(try store.read { try $0.modelSyncs(of: nil, since: now.addingTimeInterval(1)) } == 0)
    }

    @Test(arguments: StoreKind.allCases) func weekAndPendingFlagArePerUser(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        try store.write { session in
            try session.save(UserProfile(id: "@a:x", createdAt: now))
            try session.save(UserProfile(id: "@b:x", createdAt: now))
            try session.setSyncPending(true, for: "@b:x")
            try session.setSyncWeekStart(now, of: "@b:x")
            try session.setSyncWeekStart(now, of: "@a:x")
        }
        #expect(try store.read { try $0.pendingSyncUsers() } == ["@b:x"])
        #expect(try store.read { try $0.syncWeekStart(of: "@b:x") } == now)
        try store.write { try $0.setSyncPending(false, for: "@b:x") }
        #expect(try store.read { try $0.pendingSyncUsers() }.isEmpty)
        #expect(try store.read { try $0.syncWeekStart(of: "@c:x") } == nil)
    }
}
