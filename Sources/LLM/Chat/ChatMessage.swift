import SharedValues
/// One turn of a conversation sent to a chat model.
public struct ChatMessage: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, Codable {
        case system, user, assistant, tool
    }

    public var role: Role
    public var content: String
    /// Calls the assistant asked for in this turn (assistant turns only).
    public var toolCalls: [ToolCall]
    /// The call this message answers (tool turns only).
    public var toolCallID: String?

    public init(role: Role, content: String, toolCalls: [ToolCall] = [], toolCallID: String? = nil) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
    }

    public static func system(_ text: String) -> ChatMessage { ChatMessage(role: .system, content: text) }
    public static func user(_ text: String) -> ChatMessage { ChatMessage(role: .user, content: text) }
    public static func assistant(_ text: String) -> ChatMessage { ChatMessage(role: .assistant, content: text) }
}

/// A function the model may call (OpenAI "tools" with type "function").
public struct ToolDefinition: Sendable, Hashable {
    public var name: String
    public var description: String
    /// A JSON Schema object describing the arguments.
    public var parameters: JSON

    public init(name: String, description: String, parameters: JSON) {
        self.name = name
        self.description = description
        self.parameters = parameters
    }
}

/// A call the model asked for; `arguments` is the JSON text exactly as the model wrote it.
public struct ToolCall: Sendable, Hashable {
    public var id: String
    public var name: String
    public var arguments: String

    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}
