import Foundation
import SchedulerCore
import Storage

/// A synthetic population for the scale benchmark: users with task types, a history of resolved events,
/// a couple of events that are due (started, outcome not yet reported) and a calendar for the next two weeks.
public struct Population: Sendable {
    public var users: Int
    public var taskTypesPerUser: Int
    /// Resolved (done / skipped / cancelled) events spread over the year before `now`.
    public var pastEventsPerUser: Int
    /// Scheduled events in the last day, waiting for "done".
    public var dueEventsPerUser: Int
    /// Scheduled events in the next two weeks: a busy calendar whose size does not grow with history.
    public var futureEventsPerUser: Int
    public var now: Date

    public init(users: Int, taskTypesPerUser: Int = 20, pastEventsPerUser: Int = 250, dueEventsPerUser: Int = 2,
                futureEventsPerUser: Int = 20, now: Date = Population.defaultNow) {
        self.users = users
        self.taskTypesPerUser = taskTypesPerUser
        self.pastEventsPerUser = pastEventsPerUser
        self.dueEventsPerUser = dueEventsPerUser
        self.futureEventsPerUser = futureEventsPerUser
        self.now = now
    }

    /// Mon 23 Nov 2026 09:00 UTC.
    public static let defaultNow = Date(timeIntervalSince1970: 1_795_420_800 + 9 * 3600)

    static let timeZones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"]

    static let taskNames = [
        "deep coding", "gym", "email triage", "reading", "code review", "team standup", "writing", "running",
        "planning", "spanish", "design review", "yoga", "budget", "research", "guitar", "one on one", "groceries",
        "meditation", "interview prep", "side project",
    ]

    public static func userID(_ index: Int) -> String { "@u\(index):bench" }

    public var eventsPerUser: Int { pastEventsPerUser + dueEventsPerUser + futureEventsPerUser }

    /// The task names every user has (the message mix names only these).
    public var userTaskNames: [String] { (0..<taskTypesPerUser).map(Population.taskName) }

    static func taskName(_ index: Int) -> String {
        let base = taskNames[index % taskNames.count]
        return index < taskNames.count ? base : "\(base) \(index / taskNames.count + 1)"
    }

    /// Loads everything through the store, `usersPerTransaction` users per write transaction.
    public func load(into store: any SchedulerStore, usersPerTransaction: Int = 50) throws {
        var first = 0
        while first < users {
            let range = first..<min(users, first + usersPerTransaction)
            try store.write { session in
                for index in range { try insertUser(index, session) }
            }
            first = range.upperBound
        }
    }

    private func insertUser(_ index: Int, _ session: any StoreSession) throws {
        var random = SeededGenerator(seed: UInt64(index) &* 0x2545_F491_4F6C_DD1D &+ 1)
        let id = Population.userID(index)
        let created = now.addingTimeInterval(-400 * 86_400)
        let user = UserProfile(id: id, timeZoneIdentifier: Population.timeZones[index % Population.timeZones.count],
                               availability: .standard, energy: .neutral, role: "engineer", onboarding: .done,
                               createdAt: created)
        try session.save(user)
        var typeIDs: [Int64] = []
        for typeIndex in 0..<taskTypesPerUser {
            let category = TaskCategory.allCases[typeIndex % TaskCategory.allCases.count]
            var type = TaskType(userID: id, displayName: Population.taskName(typeIndex), category: category)
            type.completionCount = pastEventsPerUser / max(1, taskTypesPerUser)
            try session.save(&type)
            typeIDs.append(type.id ?? 0)
        }
        for event in events(of: id, typeIDs: typeIDs, created: created, &random) {
            var event = event
            try session.save(&event)
        }
    }

    private func events(of userID: String, typeIDs: [Int64], created: Date, _ random: inout SeededGenerator) -> [Event] {
        var out: [Event] = []
        out.reserveCapacity(eventsPerUser)
        let names = (0..<typeIDs.count).map { TaskName.display(Population.taskName($0)) }
        func event(at start: Date, status: Event.Status, _ random: inout SeededGenerator) -> Event {
            let typeIndex = Int(random.next() % UInt64(max(1, typeIDs.count)))
            let minutes = 30 + 15 * Double(random.next() % 7)
            return Event(userID: userID, taskTypeID: typeIDs[typeIndex], title: names[typeIndex], start: start,
                         end: start.addingTimeInterval(minutes * 60), status: status,
                         successRating: status == .done ? 0.5 + 0.5 * random.nextUnit() : nil, createdAt: created)
        }
        // History: evenly spread over the year before yesterday, on 15-minute boundaries.
        let historyStart = now.addingTimeInterval(-366 * 86_400)
        let historySpan = 365 * 86_400.0
        for k in 0..<pastEventsPerUser {
            let offset = historySpan * Double(k) / Double(max(1, pastEventsPerUser))
            let start = Population.quarterHour(historyStart.addingTimeInterval(offset))
            let roll = random.nextUnit()
            out.append(event(at: start, status: roll < 0.7 ? .done : roll < 0.9 ? .skipped : .cancelled, &random))
        }
        for k in 0..<dueEventsPerUser {
            out.append(event(at: Population.quarterHour(now.addingTimeInterval(-Double(k + 1) * 5 * 3600)), status: .scheduled, &random))
        }
        // The next two weeks: daytime events, so the slot finder has a real calendar to work around.
        for k in 0..<futureEventsPerUser {
            let day = Double(k * 14 / max(1, futureEventsPerUser) + 1)
            let hour = 8 + Double(random.next() % 11)
            let start = Population.quarterHour(now.addingTimeInterval(day * 86_400 + (hour - 9) * 3600))
            out.append(event(at: start, status: .scheduled, &random))
        }
        return out
    }

    static func quarterHour(_ date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        return Date(timeIntervalSince1970: (seconds / 900).rounded(.down) * 900)
    }
}
