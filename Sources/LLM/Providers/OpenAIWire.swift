import SharedValues
/// The OpenAI chat/embeddings wire format (also spoken by Ollama, vLLM and llama.cpp).
enum OpenAIWire {
    struct ChatBody: Encodable {
        var model: String
        var messages: [Message]
        var maxTokens: Int
        var temperature: Double
        var tools: [Tool]?
        var stream = false

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature, tools, stream
            case maxTokens = "max_tokens"
        }

        init(_ request: ChatRequest) {
            model = request.model
            messages = request.messages.map(Message.init)
            maxTokens = request.maxTokens
            temperature = request.temperature
            tools = request.tools.isEmpty ? nil : request.tools.map(Tool.init)
        }
    }

    struct Message: Codable {
        var role: String
        var content: String?
        var toolCalls: [WireToolCall]?
        var toolCallID: String?

        enum CodingKeys: String, CodingKey {
            case role, content
            case toolCalls = "tool_calls"
            case toolCallID = "tool_call_id"
        }

        init(_ message: ChatMessage) {
            role = message.role.rawValue
            content = message.content
            toolCalls = message.toolCalls.isEmpty ? nil : message.toolCalls.map(WireToolCall.init)
            toolCallID = message.toolCallID
        }
    }

    struct WireToolCall: Codable {
        struct Function: Codable {
            var name: String
            var arguments: String
        }
        var id: String
        var type = "function"
        var function: Function

        init(_ call: ToolCall) {
            id = call.id
            function = Function(name: call.name, arguments: call.arguments)
        }

        var toolCall: ToolCall { ToolCall(id: id, name: function.name, arguments: function.arguments) }
    }

    struct Tool: Encodable {
        struct Function: Encodable {
            var name: String
            var description: String
            var parameters: JSON
        }
        var type = "function"
        var function: Function

        init(_ tool: ToolDefinition) {
            function = Function(name: tool.name, description: tool.description, parameters: tool.parameters)
        }
    }

    struct ChatAnswer: Decodable {
        struct Choice: Decodable {
            var message: Message
            var finishReason: String?
            enum CodingKeys: String, CodingKey {
                case message
                case finishReason = "finish_reason"
            }
        }
        var model: String?
        var choices: [Choice]
        var usage: Usage?
    }

    struct Usage: Decodable {
        struct PromptDetails: Decodable {
            var cachedTokens: Int?
            enum CodingKeys: String, CodingKey { case cachedTokens = "cached_tokens" }
        }
        var promptTokens: Int
        var completionTokens: Int?
        var promptTokensDetails: PromptDetails?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case promptTokensDetails = "prompt_tokens_details"
        }
    }

    struct EmbeddingBody: Encodable {
        var model: String
        var input: [String]
    }

    struct EmbeddingAnswer: Decodable {
        struct Item: Decodable {
            var index: Int
            var embedding: [Float]
        }
        var data: [Item]
        var model: String?
        var usage: Usage?
    }

    /// The `{"error": {"message": ...}}` body most servers send with error statuses.
    struct ErrorAnswer: Decodable {
        struct Detail: Decodable { var message: String }
        var error: Detail
    }
}
