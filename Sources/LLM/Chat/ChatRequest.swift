/// A chat completion to ask for. Tools are sent only when non-empty (they cost prompt tokens).
public struct ChatRequest: Sendable, Hashable {
    public var model: String
    public var messages: [ChatMessage]
    public var maxTokens: Int
    public var temperature: Double
    public var tools: [ToolDefinition]
    /// What the call is for (a message type such as "greeting", or "summary"). Never sent on
    /// the wire; the offline provider picks its reply template by it.
    public var purpose: String?

    public init(
        model: String,
        messages: [ChatMessage],
        maxTokens: Int = 150,
        temperature: Double = 0.7,
        tools: [ToolDefinition] = [],
        purpose: String? = nil
    ) {
        self.model = model
        self.messages = messages
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.tools = tools
        self.purpose = purpose
    }

    /// The newest user turn, which templates and estimates key on.
    public var lastUserText: String {
        messages.last { $0.role == .user }?.content ?? ""
    }
}
