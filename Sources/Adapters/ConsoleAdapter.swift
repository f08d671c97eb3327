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

    public func run(input: FileHandle = .standardInput, output: @Sendable (String) -> Void) async {
        let interactive = isatty(input.fileDescriptor) != 0
        if interactive { output("Type a message (\"help\" for commands, Ctrl-D to quit).") }
        for await line in LineReader(handle: input).lines() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            // The person at the terminal runs the bot, so they may use admin commands.
            let response = await handler.handle(InboundMessage(userID: userID, text: line, receivedAt: now(), isAdmin: true))
            for reply in response.replies { output(ConsoleAdapter.render(reply)) }
        }
    }

    static func render(_ reply: Reply) -> String {
        guard reply.isPreformatted else { return "bot: " + reply.text }
        return "bot:\n" + reply.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
