/// Texts to embed in one call.
public struct EmbeddingRequest: Sendable, Hashable {
    public var model: String
    public var inputs: [String]

    public init(model: String, inputs: [String]) {
        self.model = model
        self.inputs = inputs
    }
}

/// One vector per input, in input order.
public struct Embeddings: Sendable, Hashable {
    public var vectors: [[Float]]
    public var usage: TokenUsage
    public var model: String

    public init(vectors: [[Float]], usage: TokenUsage, model: String) {
        self.vectors = vectors
        self.usage = usage
        self.model = model
    }
}
