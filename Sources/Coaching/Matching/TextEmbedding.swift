/// A vector for a short text, tagged with the embedding that produced it.
public struct EmbeddingVector: Sendable, Equatable, Codable {
    /// Which embedding made this vector (e.g. "hashed-ngram-v1", or a remote model's name).
    public var embeddingID: String
    public var values: [Float]

    public init(embeddingID: String, values: [Float]) {
        self.embeddingID = embeddingID
        self.values = values
    }

    /// Cosine similarity in [-1, 1]; nil when the vectors come from different embeddings or sizes,
    /// because such numbers would look meaningful and are not.
    public func cosine(_ other: EmbeddingVector) -> Double? {
        guard embeddingID == other.embeddingID, values.count == other.values.count else { return nil }
        var dot = 0.0, left = 0.0, right = 0.0
        for index in values.indices {
            let a = Double(values[index]), b = Double(other.values[index])
            dot += a * b
            left += a * a
            right += b * b
        }
        guard left > 0, right > 0 else { return 0 }
        return dot / (left.squareRoot() * right.squareRoot())
    }
}

/// Turns a text into a vector; implementations must be deterministic.
public protocol TextEmbedding: Sendable {
    var embeddingID: String { get }
    func embed(_ text: String) -> EmbeddingVector
    /// The cosine of `query` with each candidate where it is at least `floor`, nil elsewhere. An embedding
    /// may skip work for candidates it can prove fall below the floor (a blend with a costly part does).
    func similarities(of query: String, to candidates: [String], atLeast floor: Double) -> [Double?]
}

extension TextEmbedding {
    public func similarities(of query: String, to candidates: [String], atLeast floor: Double) -> [Double?] {
        let vector = embed(query)
        return candidates.map { candidate in vector.cosine(embed(candidate)).flatMap { $0 >= floor ? $0 : nil } }
    }
}
