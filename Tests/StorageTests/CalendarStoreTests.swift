import Foundation
import SchedulerCore
import Testing
@testable import Storage

@Suite struct CalendarStoreTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: StoreKind.allCases) func everyMoveOrStatusChangeBumpsTheFeedSequenceAndOtherEditsDoNot(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        let window = DateInterval(start: now.addingTimeInterval(-86_400), end: now.addingTimeInterval(7 * 86_400))
        let sequences = try store.write { session -> [Int] in
            try session.save(UserProfile(id: "u", createdAt: now))
            var type = TaskType(userID: "u", displayName: "Gym", category: .focused)
            try session.save(&type)
            var event = Event(userID: "u", taskTypeID: type.id!, title: "Gym", start: now, end: now.addingTimeInterval(3600), createdAt: now)
            try session.save(&event)
            var seen: [Int] = []
            seen.append(try session.feedEvents(of: "u", overlapping: window)[0].sequence)
            event.start = now.addingTimeInterval(7200)
            event.end = now.addingTimeInterval(10_800)
            try session.save(&event)
            seen.append(try session.feedEvents(of: "u", overlapping: window)[0].sequence)
            event.note = "felt fine"
            try session.save(&event)
            seen.append(try session.feedEvents(of: "u", overlapping: window)[0].sequence)
            event.status = .cancelled
            try session.save(&event)
            seen.append(try session.feedEvents(of: "u", overlapping: window)[0].sequence)
            return seen
        }
        #expect(sequences == [0, 1, 1, 2])
    }

    @Test(arguments: StoreKind.allCases) func oneLiveFeedTokenPerUserAndRevokedTokensOpenNothing(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        try store.write { session in
            try session.save(UserProfile(id: "a", createdAt: now))
            try session.save(UserProfile(id: "b", createdAt: now))
            try session.issueFeedToken("token-a-1", for: "a", at: now)
            try session.issueFeedToken("token-b-1", for: "b", at: now)
            try session.issueFeedToken("token-a-2", for: "a", at: now)
        }
        let owners = try store.read { session in
            try ["token-a-1", "token-a-2", "token-b-1"].map { try session.feedUser(forToken: $0) }
        }
        #expect(owners == [nil, "a", "b"])
        #expect(try store.read { try $0.feedToken(of: "a") } == "token-a-2")
    }

    @Test(arguments: StoreKind.allCases) func replacingACalendarReplacesItsBlocksAndRemovingDropsThem(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        let window = DateInterval(start: now, end: now.addingTimeInterval(86_400))
        try store.write { session in
            try session.save(UserProfile(id: "a", createdAt: now))
            let source = CalendarSource(userID: "a", url: "https://example.org/a.ics", nextFetchAt: now)
            try session.replaceCalendar(source, busy: [ImportedBusy(start: now, end: now.addingTimeInterval(600), title: "x")])
            try session.replaceCalendar(source, busy: [ImportedBusy(start: now.addingTimeInterval(3600), end: now.addingTimeInterval(7200), title: "y")])
        }
        #expect(try store.read { try $0.importedBusy(of: "a", overlapping: window).map(\.title) } == ["y"])
        #expect(try store.read { try $0.calendarSourcesDue(at: now, limit: 5).map(\.userID) } == ["a"])
        try store.write { try $0.removeCalendar(of: "a") }
        #expect(try store.read { try $0.importedBusy(of: "a", overlapping: window) }.isEmpty)
        #expect(try store.read { try $0.calendarSource(of: "a") } == nil)
    }
}
