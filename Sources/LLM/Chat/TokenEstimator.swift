import SharedValues
/// Estimates token counts when a provider reports none (and for the offline provider).
///
/// Rule: one token per 4 Unicode scalars of text, rounded up (OpenAI's rule of thumb for
/// English), plus 4 tokens of framing per message and 3 for the reply priming, as in OpenAI's
/// published counting recipe. Tool definitions count as their JSON text. Results are marked
/// `estimated`; expect ±25 % on English chat.
public enum TokenEstimator {
    public static let scalarsPerToken = 4
    public static let tokensPerMessage = 4
    public static let replyPrimingTokens = 3

    public static func tokens(in text: String) -> Int {
        (text.unicodeScalars.count + scalarsPerToken - 1) / scalarsPerToken
    }

    public static func promptTokens(for request: ChatRequest) -> Int {
        let messages = request.messages.reduce(0) { sum, message in
            sum + tokensPerMessage + tokens(in: message.content)
                + message.toolCalls.reduce(0) { $0 + tokens(in: $1.name) + tokens(in: $1.arguments) }
        }
        let tools = request.tools.reduce(0) { sum, tool in
            sum + tokens(in: tool.name) + tokens(in: tool.description) + tokens(in: canonicalText(tool.parameters))
        }
        return replyPrimingTokens + messages + tools
    }

    public static func completionTokens(text: String, toolCalls: [ToolCall]) -> Int {
        tokens(in: text) + toolCalls.reduce(0) { $0 + tokens(in: $1.name) + tokens(in: $1.arguments) }
    }

    public static func usage(for request: ChatRequest, replyText: String, toolCalls: [ToolCall] = []) -> TokenUsage {
        TokenUsage(
            promptTokens: promptTokens(for: request),
            completionTokens: completionTokens(text: replyText, toolCalls: toolCalls),
            estimated: true
        )
    }

    /// A compact rendering of a JSON value, close enough in length to what goes on the wire.
    static func canonicalText(_ value: JSON) -> String { value.text }
}
