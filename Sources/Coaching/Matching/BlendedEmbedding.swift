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

    /// The cheap second part first: a blended cosine is at most `weight + (1 − weight) × cos(second)` (the first
    /// part's cosine is at most 1), so a candidate below the floor on that bound never costs the first part, and
    /// when no candidate clears it the first part (the sentence encoder) is not called at all.
    public func similarities(of query: String, to candidates: [String], atLeast floor: Double) -> [Double?] {
        let cheap = second.embed(query)
        let plausible = candidates.map { candidate -> Bool in
            guard let cosine = cheap.cosine(second.embed(candidate)) else { return false }
            // max(…, cosine) keeps the bound valid when the first part of a text is the zero vector.
            return max(weight + (1 - weight) * cosine, cosine) >= floor
        }
        guard plausible.contains(true) else { return candidates.map { _ in nil } }
        let vector = embed(query)
        return zip(candidates, plausible).map { candidate, plausible in
            guard plausible, let cosine = vector.cosine(embed(candidate)), cosine >= floor else { return nil }
            return cosine
        }
    }

    static func unit(_ values: [Float], scale: Double) -> [Float] {
        let norm = values.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
        guard norm > 0 else { return values.map { _ in 0 } }
        return values.map { Float(Double($0) / norm * scale) }
    }
}
