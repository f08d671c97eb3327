/// Answers without any endpoint: deterministic template replies from an `OfflineReplyBook`,
/// and the token usage the same request would have cost (estimated by `TokenEstimator`), so
/// routing and cost accounting can be measured offline. Replies respect `maxTokens`.
public struct OfflineProvider: LLMProvider {
    public static let embeddingDimensions = 64

    public let book: OfflineReplyBook

    public init(book: OfflineReplyBook) {
        self.book = book
    }

    public func complete(_ request: ChatRequest) async throws(LLMError) -> ChatCompletion {
        var text = book.reply(purpose: request.purpose, userText: request.lastUserText)
        let limit = max(0, request.maxTokens) * TokenEstimator.scalarsPerToken
        if text.unicodeScalars.count > limit {
            text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit)))
        }
        return ChatCompletion(text: text, usage: TokenEstimator.usage(for: request, replyText: text),
                              model: request.model, finishReason: "stop")
    }

    /// Hashed bag-of-words vectors, L2-normalised: texts sharing words point the same way,
    /// which is enough to exercise "relevant by meaning" selection offline.
    public func embed(_ request: EmbeddingRequest) async throws(LLMError) -> Embeddings {
        let hasher = UserHasher(salt: "embedding")
        let vectors = request.inputs.map { text -> [Float] in
            var vector = [Float](repeating: 0, count: Self.embeddingDimensions)
            for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                vector[Int(hasher.fnv1a(String(word)) % UInt64(Self.embeddingDimensions))] += 1
            }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? vector.map { $0 / norm } : vector
        }
        let tokens = request.inputs.reduce(0) { $0 + TokenEstimator.tokens(in: $1) }
        return Embeddings(vectors: vectors, usage: TokenUsage(promptTokens: tokens, completionTokens: 0, estimated: true),
                          model: request.model)
    }
}
