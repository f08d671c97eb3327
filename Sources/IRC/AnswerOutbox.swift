import Conversation
import Logging

/// One answer (or reminder) on its way to a person: what to say and where.
struct OutgoingAnswer: Sendable {
    var userID: String
    var replies: [Reply]
    var target: String
    var askerNick: String
    /// Asked in a channel: a long answer may go privately instead.
    var isChannel: Bool
}

/// Answers on their way out, across connections. While the bot is registered they go straight to the connection's
/// send queue; while it is not (the link dropped, a reconnect is under way) they wait here, each person's in the
/// order they were answered, and go out first thing after the next registration, with the lines a dropped
/// connection never wrote ahead of them. At most `perPersonLimit` wait per person: beyond that the oldest goes.
actor AnswerOutbox {
    private var connection: IRCConnection?
    private var waiting: [OutgoingAnswer] = []
    private var isFlushing = false
    private let perPersonLimit: Int
    private let logger: Logger

    init(perPersonLimit: Int, logger: Logger) {
        self.perPersonLimit = max(1, perPersonLimit)
        self.logger = logger
    }

    /// Answers waiting for a link, oldest first.
    var waitingAnswers: [OutgoingAnswer] { waiting }
    var waitingCount: Int { waiting.count }

    func deliver(_ answer: OutgoingAnswer) async {
        // Straight out only when nothing waits: a person's held answers must go before their newer ones.
        if waiting.isEmpty, !isFlushing, let connection, await connection.deliver(answer) { return }
        hold([answer], first: false)
        await flush()
    }

    /// The connection is registered (and has asked to join its channels): what waited goes out now.
    func attach(_ connection: IRCConnection) async {
        self.connection = connection
        await flush()
    }

    /// The connection's link dropped; `unsent` are the lines it never wrote, which go out before anything newer.
    func detach(_ connection: IRCConnection, unsent: [OutgoingAnswer]) {
        if self.connection === connection { self.connection = nil }
        hold(unsent, first: true)
        if !waiting.isEmpty {
            logger.notice("IRC: keeping answers until the link is back", metadata: ["answers": "\(waiting.count)"])
        }
    }

    private func flush() async {
        guard !isFlushing else { return }
        isFlushing = true
        defer { isFlushing = false }
        while let connection, !waiting.isEmpty {
            let next = waiting.removeFirst()
            guard await connection.deliver(next) else {
                waiting.insert(next, at: 0)
                return
            }
        }
    }

    private func hold(_ answers: [OutgoingAnswer], first: Bool) {
        waiting = first ? answers + waiting : waiting + answers
        for userID in Set(answers.map(\.userID)) {
            let theirs = waiting.indices.filter { waiting[$0].userID == userID }
            guard theirs.count > perPersonLimit else { continue }
            let dropped = theirs.prefix(theirs.count - perPersonLimit)
            waiting = waiting.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
            logger.warning("IRC: too many answers waiting for the link for one person; dropped the oldest",
                           metadata: ["dropped": "\(dropped.count)", "limit": "\(perPersonLimit)"])
        }
    }
}
