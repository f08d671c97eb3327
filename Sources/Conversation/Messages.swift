import Coaching
import Foundation
import StoreProtocols
import Language
import SchedulerCore

/// Front ends name their network in Conversation's own vocabulary.
public typealias Network = SchedulerCore.Network

/// A message from a person, as any front end sees it.
public struct InboundMessage: Sendable, Equatable {
    /// The front end it came through; the person's unprompted messages go back over it.
    public var network: Network
    /// Stable identity of the person (Matrix user id, IRC account or nick!user@host, "local" in the console).
    public var userID: String
    /// Where to answer; nil for the console.
    public var roomID: String?
    public var text: String
    /// The bot's clock for this message.
    public var receivedAt: Date
    /// True when the front end says this user is an admin (from bot.conf).
    public var isAdmin: Bool
    /// Set by front ends that need exactly-once handling across crashes (Matrix).
    public var delivery: Delivery?
    /// A verdict on one event given without words (a 👍 on the bot's message about it); `text` is then not read.
    public var verdict: EventVerdict?

    public init(network: Network, userID: String, roomID: String? = nil, text: String, receivedAt: Date,
                isAdmin: Bool = false, delivery: Delivery? = nil, verdict: EventVerdict? = nil) {
        self.network = network
        self.userID = userID
        self.roomID = roomID
        self.text = text
        self.receivedAt = receivedAt
        self.isAdmin = isAdmin
        self.delivery = delivery
        self.verdict = verdict
    }
}

/// "That one is done" or "that one didn't happen", about the event a bot message was about.
public struct EventVerdict: Sendable, Equatable, Codable {
    public enum Outcome: String, Sendable, Codable { case done, skipped }
    public var eventID: Int64
    public var outcome: Outcome

    public init(eventID: Int64, outcome: Outcome) {
        self.eventID = eventID
        self.outcome = outcome
    }
}

/// What makes handling a network message exactly-once: its id, and adapter state (e.g. a sync token)
/// committed in the same transaction as the message's effects and its recorded answer.
public struct Delivery: Sendable, Equatable {
    /// The network's id for the message (e.g. a Matrix event id). A second message with the same id is not handled again.
    public var externalID: String
    public var state: [AdapterStateEntry]

    public init(externalID: String, state: [AdapterStateEntry] = []) {
        self.externalID = externalID
        self.state = state
    }
}

/// One reply to show the user.
public struct Reply: Sendable, Equatable, Codable {
    public var text: String
    /// True for tables and heat maps: front ends show them in a monospace block.
    public var isPreformatted: Bool

    public init(_ text: String, isPreformatted: Bool = false) {
        self.text = text
        self.isPreformatted = isPreformatted
    }
}

/// Which path answered a message (the routing policy's own vocabulary); raw values are part of the replay contract.
public typealias Route = Coaching.Route

/// LLM usage caused by one message.
public struct LLMUsage: Sendable, Equatable, Codable {
    public var calls: Int
    public var promptTokens: Int
    public var completionTokens: Int
    public var costUSD: Double

    public init(calls: Int = 0, promptTokens: Int = 0, completionTokens: Int = 0, costUSD: Double = 0) {
        self.calls = calls
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.costUSD = costUSD
    }

    public static let none = LLMUsage()
}

/// The event a message created, moved or completed, as reported to front ends.
public struct EventSummary: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var taskType: String
    public var start: Date
    public var end: Date
    public var score: Double?

    public init(id: String, title: String, taskType: String, start: Date, end: Date, score: Double?) {
        self.id = id
        self.title = title
        self.taskType = taskType
        self.start = start
        self.end = end
        self.score = score
    }
}

/// Everything the engine answers to one inbound message.
public struct Response: Sendable, Equatable, Codable {
    public var userID: String
    public var roomID: String?
    public var replies: [Reply]
    public var intent: IntentKind
    public var route: Route
    public var event: EventSummary?
    public var llm: LLMUsage
    /// A reaction the front end may put on the user's message (e.g. a check mark on "done").
    public var reaction: String?
    /// True when the message was already handled (a redelivery): nothing was done and nothing should be sent.
    public var isDuplicate: Bool = false

    public init(userID: String, roomID: String?, replies: [Reply], intent: IntentKind, route: Route,
                event: EventSummary? = nil, llm: LLMUsage = .none, reaction: String? = nil) {
        self.userID = userID
        self.roomID = roomID
        self.replies = replies
        self.intent = intent
        self.route = route
        self.event = event
        self.llm = llm
        self.reaction = reaction
    }
}

extension Response {
    /// The event a quick verdict on this answer would be about: the one it placed or moved.
    public var verdictEventID: Int64? {
        guard intent == .schedule || intent == .move else { return nil }
        return event.flatMap { Int64($0.id) }
    }
}

/// A message the bot sends on its own (reminders, follow-ups), returned by `tick`.
public struct ProactiveMessage: Sendable, Equatable {
    public var userID: String
    public var roomID: String?
    public var text: String
    /// For a follow-up: the event it asks about, so a front end can turn a quick reaction into a verdict on it.
    public var verdictEventID: Int64?

    public init(userID: String, roomID: String?, text: String, verdictEventID: Int64? = nil) {
        self.userID = userID
        self.roomID = roomID
        self.text = text
        self.verdictEventID = verdictEventID
    }
}

/// What every front end talks to. Adapters move text; everything else happens behind this.
public protocol ConversationHandling: Sendable {
    func handle(_ message: InboundMessage) async -> Response
    /// What is due at `now` for the people on `network`, and only for them.
    func tick(_ network: Network, now: Date) async -> [ProactiveMessage]
    /// The next instant after `instant` at which `tick` may have something to say (nil: nothing pending).
    func nextProactiveDue(after instant: Date) async -> Date?
}

extension ConversationHandling {
    /// Handlers that never speak first have nothing pending.
    public func nextProactiveDue(after instant: Date) async -> Date? { nil }
}

/// An answer recorded for a network message and not yet confirmed sent.
public struct PendingAnswer: Sendable, Equatable {
    public var externalID: String
    public var response: Response
}

/// For front ends that promise exactly-once answers across crashes: messages carry a `Delivery`,
/// answers are recorded with the message's effects, and the adapter confirms each one once sent.
public protocol DurableConversationHandling: ConversationHandling {
    /// Answers to `network`'s messages recorded but not confirmed sent (e.g. the process died between commit
    /// and send), oldest first.
    func undeliveredAnswers(on network: Network) async -> [PendingAnswer]
    func confirmDelivered(externalID: String, at instant: Date) async
    /// Adapter state outside any message (e.g. the sync token of a batch with nothing to answer); nil once expired.
    func adapterState(_ key: AdapterStateKey) async -> String?
    func setAdapterState(_ entry: AdapterStateEntry) async
}
