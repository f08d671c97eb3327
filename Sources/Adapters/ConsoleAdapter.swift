import Conversation
import Foundation

/// Chat in the terminal as one local user. Replies print as they come; the clock is the real one.
public struct ConsoleAdapter: Sendable {
    let handler: any ConversationHandling
    let userID: String
    let now: @Sendable () -> Date

    public init(handler: any ConversationHandling, userID: String = "local", now: @escaping @Sendable () -> Date = { Date() }) {
        self.handler = handler
        self.userID = userID
        self.now = now
    }

    /// How often the console asks the engine for due reminders and follow-ups.
    public static let tickInterval: Duration = .seconds(30)

    public func run(output: @escaping @Sendable (String) -> Void) async {
        let interactive = isatty(STDIN_FILENO) != 0
        if interactive { output("Type a message (\"help\" for commands, Ctrl-D to quit).") }
        // Proactive messages print as they fall due, alongside the stdin loop; the timer stops with the input.
        let timer = Task { [handler, now] in
            while !Task.isCancelled {
                for message in await handler.tick(.console, now: now()) { output("bot: " + message.text) }
                try? await Task.sleep(for: ConsoleAdapter.tickInterval)
            }
        }
        defer { timer.cancel() }
        for await line in LineReader.standardInput() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            // The person at the terminal runs the bot, so they may use admin commands.
            let response = await handler.handle(InboundMessage(network: .console, userID: userID, text: line, receivedAt: now(), isAdmin: true))
            for reply in response.replies { output(ConsoleAdapter.render(reply)) }
        }
    }

    static func render(_ reply: Reply) -> String {
        guard reply.isPreformatted else { return "bot: " + reply.text }
        return "bot:\n" + reply.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
