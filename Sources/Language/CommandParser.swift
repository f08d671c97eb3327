/// Reads a chat message into a command, without any LLM. (First cut: being replaced by the full grammar.)
public struct CommandParser: Sendable {
    public init() {}

    public func parse(_ text: String, context: TimeContext) -> ParsedCommand {
        ParsedCommand(intent: .chat)
    }
}
