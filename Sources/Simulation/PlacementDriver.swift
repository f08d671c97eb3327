import Foundation
import SchedulerCore

/// What the bot decided for one "schedule <task>" request, and the choice it had.
public struct Decision: Sendable {
    /// The free starts the bot could pick from (window, availability, busy time), before it picked.
    public var choice: SlotRequest
    /// The placed event, or nil when nothing fitted.
    public var placed: DateInterval?
}

/// How the simulator talks to the bot: through the conversation engine, or straight to the core.
/// Both make the same decisions; the core path needs no grammar and no database.
public protocol PlacementDriver {
    /// Asks for `taskName` without naming a time, or for today when `today` is set ("schedule <task> today").
    mutating func schedule(taskName: String, at now: Date, today: Bool) async throws -> Decision
    /// Reports the event `placed` as done with a 1...10 rating, or skipped when `rating` is nil.
    mutating func report(taskName: String, placed: DateInterval, rating: Int?) async throws
    /// LLM calls the bot made so far.
    var llmCalls: Int { get }
}
