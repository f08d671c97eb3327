import Conversation
import Foundation
import SchedulerCore
import Storage

/// Drives the conversation engine with the text a person would type, on an in-memory store,
/// with the simulated clock in each message's `receivedAt`.
public struct EngineDriver: PlacementDriver {
    let userID: String
    let store: SQLiteStore
    let engine: Engine
    let settings: EngineSettings
    public private(set) var llmCalls = 0

    /// `chat`: the model behind anything that is not a command (none by default, as in `simulate`).
    public init(userID: String, learner: any Learner, chat: ChatSettings? = nil) throws {
        self.userID = userID
        store = try SQLiteStore()
        settings = EngineSettings(learner: learner, chat: chat)
        engine = Engine(store: store, settings: settings)
    }

    /// Whether the engine's grammar reads "schedule <task>", which the engine path needs.
    public static func understandsCommands() async -> Bool {
        guard let driver = try? EngineDriver(userID: "probe", learner: SeedEMALearner()) else { return false }
        let response = await driver.engine.handle(InboundMessage(network: .replay, userID: "probe", text: "schedule deep coding",
                                                                 receivedAt: Date(timeIntervalSince1970: 1_704_096_000)))
        return response.intent == .schedule && response.event != nil
    }

    public mutating func schedule(taskName: String, at now: Date, today: Bool) async throws -> Decision {
        let choice = try currentChoice(taskName: taskName, at: now, today: today)
        let text = "schedule \(taskName)" + (today ? " today" : "")
        let response = await engine.handle(InboundMessage(network: .replay, userID: userID, text: text, receivedAt: now))
        llmCalls += response.llm.calls
        let placed = response.event.map { DateInterval(start: $0.start, end: $0.end) }
        return Decision(choice: choice, placed: placed)
    }

    public mutating func report(taskName: String, placed: DateInterval, rating: Int?) async throws {
        // Just before the end: the event has started, and a back-to-back successor has not.
        let at = max(placed.start, placed.end.addingTimeInterval(-60))
        let text = rating.map { "done \(taskName) \($0)/10" } ?? "skip \(taskName)"
        let response = await engine.handle(InboundMessage(network: .replay, userID: userID, text: text, receivedAt: at))
        llmCalls += response.llm.calls
    }

    /// The free time the engine is about to choose from, read from its store as the engine reads it.
    func currentChoice(taskName: String, at now: Date, today: Bool) throws -> SlotRequest {
        return try store.read { session in
            let user = try session.user(userID)
                ?? UserProfile(id: userID, createdAt: now, timeZoneIdentifier: settings.defaultTimeZone)
            let window = CoreDriver.searchWindow(from: now, today: today, days: settings.searchDays, timeZone: user.timeZone)
            let category = settings.categories.category(for: taskName)
            let type = try session.taskType(of: userID, named: TaskName.normalise(taskName))
                ?? TaskType(userID: userID, displayName: taskName, category: category)
            let widened = DateInterval(start: window.start.addingTimeInterval(-86_400), end: window.end.addingTimeInterval(86_400))
            let events = try session.events(of: userID, overlapping: widened, statuses: PlacementBuilder.occupyingStatuses)
            let rest = try session.restAfter(taskTypes: Set(events.map(\.taskTypeID)))
            return PlacementBuilder(learner: settings.learner).request(
                for: type, durationMinutes: type.typicalDurationMinutes, window: window, user: user,
                busy: PlacementBuilder.busyBlocks(for: events, restAfter: rest), now: now)
        }
    }
}
