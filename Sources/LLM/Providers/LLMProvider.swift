/// A source of chat completions and embeddings: a real OpenAI-compatible endpoint, or the
/// offline provider. Callers that want cost accounting and a fallback reply use `MeteredLLM`.
public protocol LLMProvider: Sendable {
    func complete(_ request: ChatRequest) async throws(LLMError) -> ChatCompletion
    func embed(_ request: EmbeddingRequest) async throws(LLMError) -> Embeddings
}
