/// A model's answer: its text (empty when it only called tools), tool calls and usage.
public struct ChatCompletion: Sendable, Hashable {
    public var text: String
    public var toolCalls: [ToolCall]
    public var usage: TokenUsage
    /// The model that answered, as the server reported it (falls back to the requested one).
    public var model: String
    public var finishReason: String?

    public init(text: String, toolCalls: [ToolCall] = [], usage: TokenUsage, model: String, finishReason: String? = nil) {
        self.text = text
        self.toolCalls = toolCalls
        self.usage = usage
        self.model = model
        self.finishReason = finishReason
    }
}
