/// Short user-facing texts for when the model cannot answer. They say what happened in plain
/// words and that the schedule itself still works; no error details reach the chat.
public enum FallbackReply {
    public static func text(for error: LLMError) -> String {
        switch error {
        case .timedOut:
            "Sorry, I'm thinking too slowly right now. Ask me again in a minute; your schedule commands still work."
        case .rateLimited:
            "I'm a bit overloaded right now. Give me a minute and ask again; your schedule commands still work."
        default:
            "I can't reach my coaching brain at the moment. Your schedule commands still work; try me again shortly."
        }
    }
}
