/// Two embeddings side by side, each unit length and scaled so that the cosine of two blended vectors is
/// `weight × cos(first) + (1 − weight) × cos(second)`: the sentence encoder's sense of meaning with the
/// lexicon's synonyms and the n-grams' tolerance of typos, in one vector that names both parts.
public struct BlendedEmbedding: TextEmbedding {
    public let first: any TextEmbedding
    public let second: any TextEmbedding
    public let weight: Double

    public init(_ first: any TextEmbedding, _ second: any TextEmbedding, weight: Double) {
        self.first = first
        self.second = second
        self.weight = min(1, max(0, weight))
    }

    public var embeddingID: String { "blend(\(weight)):\(first.embeddingID)+\(second.embeddingID)" }

    public func embed(_ text: String) -> EmbeddingVector {
        EmbeddingVector(embeddingID: embeddingID,
                        values: BlendedEmbedding.unit(first.embed(text).values, scale: weight.squareRoot())
                            + BlendedEmbedding.unit(second.embed(text).values, scale: (1 - weight).squareRoot()))
    }

    static func unit(_ values: [Float], scale: Double) -> [Float] {
        let norm = values.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
        guard norm > 0 else { return values.map { _ in 0 } }
        return values.map { Float(Double($0) / norm * scale) }
    }
}
