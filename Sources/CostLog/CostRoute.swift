/// The `route` values of the cost log (the log's contract: raw values never change). One row per chat message the
/// bot handles, whichever way it was answered, plus rows for the bot's own model calls. A value this version
/// does not write (a log from another version) reads as `other`, kept as it was, so such logs still read.
public enum CostRoute: Sendable, Hashable, CaseIterable, RawRepresentable, CustomStringConvertible {
    /// A pattern reply (greetings, thanks, cheers): no model, cost 0.
    case pattern
    /// A command, answered by the grammar: no model, cost 0.
    case command
    /// A plan served from the plan cache: cost 0, with the tokens the call would have used.
    case cache
    /// The cheap model answered.
    case completions
    /// The strong model answered (chat, or a plan the cache did not have).
    case assistant
    /// A budget or the rate limit kept the message from the model: cost 0, with the tokens the call would have used.
    case deferred
    /// Smart sync turning insights into schedule adjustments.
    case sync
    case summary
    case embedding
    /// Read from a log, not one of the above.
    case other(String)

    /// The routes this version writes.
    public static let allCases: [CostRoute] = [.pattern, .command, .cache, .completions, .assistant, .deferred, .sync, .summary, .embedding]

    public init(rawValue: String) {
        self = Self.allCases.first { $0.rawValue == rawValue } ?? .other(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .pattern: "pattern"
        case .command: "command"
        case .cache: "cache"
        case .completions: "completions"
        case .assistant: "assistant"
        case .deferred: "deferred"
        case .sync: "sync"
        case .summary: "summary"
        case .embedding: "embedding"
        case .other(let name): name
        }
    }

    public var description: String { rawValue }

    /// Rows that stand for a chat message a user sent, as opposed to the bot's own calls; a route this version does
    /// not know counts as a message, so a report over another version's log misses none.
    public var isChatMessage: Bool {
        switch self {
        case .pattern, .command, .cache, .completions, .assistant, .deferred, .other: true
        case .sync, .summary, .embedding: false
        }
    }
}
