/// Decides whether a requested task name is one of the user's existing task types, by meaning.
public struct TaskTypeMatcher: Sendable {
    public static let defaultThreshold = 0.8
    /// The sentence encoder's share when blended with the hashed embedding, and the threshold for that blend:
    /// chosen on Tests/LearningTests/Pairs/task-pairs.tsv (precision 0.978, recall 1.000 there).
    public static let encoderBlendWeight = 0.3
    public static let encoderThreshold = 0.725

    public struct Match: Sendable, Equatable {
        /// Index into the candidates given.
        public var index: Int
        public var similarity: Double
    }

    public let embedding: any TextEmbedding
    public var threshold: Double

    public init(embedding: any TextEmbedding = HashedNGramEmbedding(), threshold: Double = TaskTypeMatcher.defaultThreshold) {
        self.embedding = embedding
        self.threshold = threshold
    }

    public func similarity(_ a: String, _ b: String) -> Double {
        embedding.embed(a).cosine(embedding.embed(b)) ?? 0
    }

    /// The most similar candidate at or above the threshold. Candidates embedded by another embedding
    /// are skipped, never compared; ties go to the earlier candidate.
    public func bestMatch(for name: String, among candidates: [EmbeddingVector]) -> Match? {
        TaskTypeMatcher.bestMatch(query: embedding.embed(name), among: candidates, threshold: threshold)
    }

    /// The same decision for a query embedded elsewhere (e.g. by a remote embeddings endpoint, which is async).
    public static func bestMatch(query: EmbeddingVector, among candidates: [EmbeddingVector],
                                 threshold: Double = defaultThreshold) -> Match? {
        var best: Match?
        for (index, candidate) in candidates.enumerated() {
            guard let similarity = query.cosine(candidate), similarity >= threshold else { continue }
            if best.map({ similarity > $0.similarity }) ?? true { best = Match(index: index, similarity: similarity) }
        }
        return best
    }

    /// The same decision on names: the embedding may skip the costly part for candidates that cannot reach
    /// the threshold, so a new kind of task costs no sentence-encoder call when nothing is close.
    public func bestMatch(for name: String, amongNames names: [String]) -> Match? {
        var best: Match?
        for (index, similarity) in embedding.similarities(of: name, to: names, atLeast: threshold).enumerated() {
            guard let similarity else { continue }
            if best.map({ similarity > $0.similarity }) ?? true { best = Match(index: index, similarity: similarity) }
        }
        return best
    }
}
