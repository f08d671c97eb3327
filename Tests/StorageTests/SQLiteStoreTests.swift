import Foundation
import SchedulerCore
import Testing
@testable import Storage

@Suite struct SQLiteStoreTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func migratesAnEmptyFileToWALWithEveryMigrationApplied() throws {
        let path = NSTemporaryDirectory() + "store-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let store = try SQLiteStore(path: path)
        #expect(try store.journalMode() == "wal")
        #expect(try store.appliedMigrations() == ["v1-three-tiers", "v2-conversation-and-costs", "v3-proactive",
                                                  "v4-event-by-user-status-start", "v5-smart-sync", "v6-user-network",
                                                  "v7-matrix-crypto", "v8-calendar", "v9-cost-log-baseline", "v10-adapter-state"])
        // Reopening an up-to-date file changes nothing and loses nothing.
        try store.write { try $0.save(UserProfile(id: "@a:x", createdAt: now)) }
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.read { try $0.user("@a:x") }?.id == "@a:x")
    }

    @Test(arguments: StoreKind.allCases) func userRoundTripsWithAvailabilityAndEnergy(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        var user = UserProfile(id: "@alice:example.org", createdAt: now, timeZoneIdentifier: "Europe/Berlin")
        user.availability.set(weekdays: [0, 6], to: nil)
        user.availability.set(weekdays: [1], to: Availability.Window(startMinute: 9 * 60 + 30, endMinute: 17 * 60))
        user.energy.energy[WeekSlot(weekday: 1, hour: 9)] = 0.875
        user.role = "engineer"
        user.onboarding = .done
        try store.write { try $0.save(user) }
        #expect(try store.read { try $0.user(user.id) } == user)
    }

    @Test(arguments: StoreKind.allCases) func taskTypeRoundTripsAndNamesAreUniquePerUser(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        try store.write { try $0.save(UserProfile(id: "u", createdAt: now)) }
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        type.habit[WeekSlot(weekday: 2, hour: 10)] = 0.123456789
        type.lastSyncedAt = now
        try store.write { try $0.save(&type) }
        #expect(type.id != nil)
        #expect(try store.read { try $0.taskType(of: "u", named: "deep coding") } == type)
        var duplicate = TaskType(userID: "u", displayName: "deep coding", category: .administrative)
        #expect(throws: (any Error).self) { try store.write { try $0.save(&duplicate) } }
    }

    @Test(arguments: StoreKind.allCases) func eventsAreFoundByTimeAndStatus(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        let events = try store.write { session -> [Event] in
            try session.save(UserProfile(id: "u", createdAt: now))
            var type = TaskType(userID: "u", displayName: "Gym", category: .focused)
            try session.save(&type)
            var made: [Event] = []
            for hour in [9, 12, 15] {
                var event = Event(userID: "u", taskTypeID: type.id!, title: "Gym",
                                  start: now.addingTimeInterval(Double(hour) * 3600), end: now.addingTimeInterval(Double(hour + 1) * 3600),
                                  createdAt: now, score: 0.5)
                if hour == 12 { event.status = .cancelled }
                try session.save(&event)
                made.append(event)
            }
            return made
        }
        let window = DateInterval(start: now.addingTimeInterval(9.5 * 3600), end: now.addingTimeInterval(16 * 3600))
        let found = try store.read { try $0.events(of: "u", overlapping: window, statuses: [.scheduled]) }
        #expect(found.map(\.id) == [events[0].id, events[2].id])
        let latest = try store.read { try $0.latestEvent(of: "u", startingAtOrBefore: now.addingTimeInterval(14 * 3600), statuses: [.scheduled]) }
        #expect(latest?.id == events[0].id)
        let next = try store.read { try $0.nextEvent(of: "u", startingAfter: now.addingTimeInterval(10 * 3600), statuses: [.scheduled, .cancelled]) }
        #expect(next?.id == events[1].id)
        #expect(try store.read { try $0.event(id: events[2].id!) } == events[2])
    }

    @Test(arguments: StoreKind.allCases) func aFailedTransactionLeavesNothingBehind(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.write { session in
                try session.save(UserProfile(id: "ghost", createdAt: now))
                throw Boom()
            }
        }
        #expect(try store.read { try $0.user("ghost") } == nil)
    }

    @Test(arguments: StoreKind.allCases) func insightsComeBackNewestFirst(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        try store.write { session in
            try session.save(UserProfile(id: "u", createdAt: now))
            for (i, text) in ["first", "second"].enumerated() {
                var insight = Insight(userID: "u", kind: .userFeedback, text: text, confidence: 0.7,
                                      sourceEventIDs: ["1", "2"], createdAt: now.addingTimeInterval(Double(i)))
                try session.add(&insight)
            }
        }
        let insights = try store.read { try $0.insights(of: "u", limit: 10) }
        #expect(insights.map(\.text) == ["second", "first"])
        #expect(insights.first?.sourceEventIDs == ["1", "2"])
        #expect(insights.first?.kind == .userFeedback)
    }

    @Test(arguments: StoreKind.allCases) func externalEventsAreHandledOnceAndStateValuesPersist(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        #expect(try store.write { try $0.markHandled(externalID: "$e1", on: .matrix, at: now) })
        #expect(try store.write { try $0.markHandled(externalID: "$e1", on: .matrix, at: now) } == false)
        try store.write { try $0.setValue("s123", forKey: "matrix.next_batch") }
        #expect(try store.read { try $0.value(forKey: "matrix.next_batch") } == "s123")
        try store.write { try $0.setValue(nil, forKey: "matrix.next_batch") }
        #expect(try store.read { try $0.value(forKey: "matrix.next_batch") } == nil)
    }
}
