/// Another embedding reading each text inside a fixed sentence ("task: yoga"): a sentence encoder places a bare
/// two-word fragment poorly, and a task-shaped context makes names of the same kind of task land closer.
/// The vector's id names the template, so templated and plain vectors are never compared.
public struct TemplatedEmbedding: TextEmbedding {
    public let inner: any TextEmbedding
    public let prefix: String

    public init(_ inner: any TextEmbedding, prefix: String) {
        self.inner = inner
        self.prefix = prefix
    }

    public var embeddingID: String { "\(inner.embeddingID)+prefix(\(prefix))" }

    public func embed(_ text: String) -> EmbeddingVector {
        EmbeddingVector(embeddingID: embeddingID, values: inner.embed(prefix + text).values)
    }
}
