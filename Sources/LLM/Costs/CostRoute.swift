/// The `route` values the cost log uses (the log's contract; a row's `route` stays a string so logs
/// written by other versions still read). One row per chat message the bot handles, whichever way it
/// was answered, plus rows for the bot's own model calls.
public enum CostRoute: String, Sendable, CaseIterable {
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

    /// Rows that stand for a chat message a user sent, as opposed to the bot's own calls.
    public var isChatMessage: Bool {
        switch self {
        case .pattern, .command, .cache, .completions, .assistant, .deferred: true
        case .sync, .summary, .embedding: false
        }
    }
}
