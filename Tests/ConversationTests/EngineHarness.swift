import Conversation
import Foundation
import InMemoryStore
import SchedulerCore
import Storage
import Testing

/// Which store an engine test runs on. Engine behaviour does not depend on SQLite, so most tests run on the
/// in-memory store; the key behaviours run one test body on both, so the fake cannot drift from the database.
enum StoreFidelity: String, CaseIterable, CustomTestStringConvertible {
    case memory
    case sqlite

    func makeStore() throws -> any SchedulerStore {
        switch self {
        case .memory: InMemoryStore()
        case .sqlite: try SQLiteStore()
        }
    }

    var testDescription: String { rawValue }
}

/// An engine on a private store, driven with readable local times.
struct EngineHarness {
    let store: any SchedulerStore
    let engine: Engine
    let user: String
    let week = LocalWeek(timeZone: TimeZone(identifier: "UTC")!)

    init(user: String = "@alice:example.org", onboarded: Bool = true, on fidelity: StoreFidelity = .memory) throws {
        store = try fidelity.makeStore()
        engine = Engine(store: store)
        self.user = user
        if onboarded {
            var profile = UserProfile(id: user, createdAt: Date(timeIntervalSince1970: 0))
            profile.onboarding = .done
            try store.write { try $0.save(profile) }
        }
    }

    /// 2026-11-`day` at hh:mm UTC. 23 Nov 2026 is a Monday.
    func at(_ day: Int, _ hour: Int, _ minute: Int = 0, month: Int = 11) -> Date {
        week.calendar.date(from: DateComponents(year: 2026, month: month, day: day, hour: hour, minute: minute))!
    }

    @discardableResult
    func say(_ text: String, at date: Date, as who: String? = nil) async -> Response {
        await engine.handle(InboundMessage(network: .matrix, userID: who ?? user, roomID: "!room", text: text, receivedAt: date))
    }

    func events(_ statuses: Set<Event.Status> = [.scheduled, .done, .skipped, .cancelled]) throws -> [Event] {
        let all = DateInterval(start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 4_000_000_000))
        return try store.read { try $0.events(of: user, overlapping: all, statuses: statuses) }
    }

    func taskType(_ name: String) throws -> TaskType? {
        try store.read { try $0.taskType(of: user, named: TaskName.normalise(name)) }
    }
}
