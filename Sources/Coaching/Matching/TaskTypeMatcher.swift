import SchedulerCore

/// Decides whether a requested task name is one of the user's existing task types, by meaning.
public struct TaskTypeMatcher: Sendable {
    public static let defaultThreshold = 0.8
    /// The sentence encoder's share when blended with the hashed embedding, and the threshold for that blend.
    public static let encoderBlendWeight = 0.3
    public static let encoderThreshold = 0.725
    /// How the encoder reads a task name, and the similarity at which its reading alone decides a match the blend
    /// missed: both chosen by 5-fold cross-validation on the tuning pairs (Tests/LearningTests/Pairs).
    public static let encoderTemplate = "task: "
    public static let encoderConfidentThreshold = 0.83
    /// Where the lexicon cannot place every word of two names that share a word, the encoder's agreement needed:
    /// chosen by 5-fold cross-validation (F0.5) on the tuning pairs, like the threshold above.
    public static let sharedWordEncoderAgreement = 0.8

    /// A second opinion that matches on its own when it is sure: the sentence encoder knows names the lexicon
    /// does not ("make dinner" for "cook dinner"), while the blend keeps the lexicon's say everywhere else.
    public struct SecondOpinion: Sendable {
        public let embedding: any TextEmbedding
        public let threshold: Double

        public init(embedding: any TextEmbedding, threshold: Double) {
            self.embedding = embedding
            self.threshold = threshold
        }
    }

    /// Names that share a word where one adds words the lexicon cannot place are often another kind of task
    /// ("teeth cleaning" for "cleaning", "physical" or "retail therapy" for "therapy"):
    /// the shared word lifts the hashed similarity, so the blend's match there needs the encoder to agree.
    public struct SharedWordCheck: Sendable {
        public let lexicon: HashedNGramEmbedding
        public let encoder: any TextEmbedding
        /// At or above this hashed similarity the lexicon has placed every word and decides alone.
        public let lexiconAgreement: Double
        public let encoderAgreement: Double

        public init(lexicon: HashedNGramEmbedding, encoder: any TextEmbedding, lexiconAgreement: Double = 0.95,
                    encoderAgreement: Double = TaskTypeMatcher.sharedWordEncoderAgreement) {
            self.lexicon = lexicon
            self.encoder = encoder
            self.lexiconAgreement = lexiconAgreement
            self.encoderAgreement = encoderAgreement
        }

        /// Whether a match the blend found stands: names that share no word, or whose other words the lexicon
        /// places (as "sync" and "standup" beside a shared "team"), need nothing more.
        public func confirms(_ a: String, _ b: String) -> Bool {
            let first = contentStems(a), second = contentStems(b)
            guard !first.isDisjoint(with: second) else { return true }
            if (lexicon.embed(a).cosine(lexicon.embed(b)) ?? 0) >= lexiconAgreement { return true }
            let added = first.symmetricDifference(second)
            if added.allSatisfy(isPlaced) { return true }
            return (encoder.embed(a).cosine(encoder.embed(b)) ?? 0) >= encoderAgreement
        }

        public func sharesWord(_ a: String, _ b: String) -> Bool {
            !contentStems(a).isDisjoint(with: contentStems(b))
        }

        /// A word the lexicon knows as (part of) a concept.
        private func isPlaced(_ stem: String) -> Bool {
            !lexicon.lexicon.read([stem]).concepts.isEmpty
        }

        private func contentStems(_ name: String) -> Set<String> {
            Set(TaskName.normalise(name).split(separator: " ").map(String.init)
                .filter { !lexicon.lexicon.stopWords.contains($0) }.map(WordStem.stem))
        }
    }

    public struct Match: Sendable, Equatable {
        /// Index into the candidates given.
        public var index: Int
        public var similarity: Double
    }

    public let embedding: any TextEmbedding
    public var threshold: Double
    public let secondOpinion: SecondOpinion?
    public let sharedWordCheck: SharedWordCheck?
    /// WordNet's word-by-word reading, when its files are there: it decides where it is sure, before the embedding.
    public let nameComparison: NameComparison?

    public init(embedding: any TextEmbedding = HashedNGramEmbedding(), threshold: Double = TaskTypeMatcher.defaultThreshold,
                secondOpinion: SecondOpinion? = nil, sharedWordCheck: SharedWordCheck? = nil, nameComparison: NameComparison? = nil) {
        self.embedding = embedding
        self.threshold = threshold
        self.secondOpinion = secondOpinion
        self.sharedWordCheck = sharedWordCheck
        self.nameComparison = nameComparison
    }

    /// The same matcher reading names with WordNet too.
    public func withNameComparison(_ comparison: NameComparison?) -> TaskTypeMatcher {
        TaskTypeMatcher(embedding: embedding, threshold: threshold, secondOpinion: secondOpinion,
                        sharedWordCheck: sharedWordCheck, nameComparison: comparison)
    }

    /// The bot's matcher with a sentence encoder: the encoder reading names as tasks, blended with the lexicon's
    /// hashed embedding at `threshold`, and on its own from `encoderConfidentThreshold`.
    public static func withEncoder(_ encoder: any TextEmbedding, lexicon: ConceptLexicon,
                                   threshold: Double = TaskTypeMatcher.encoderThreshold) -> TaskTypeMatcher {
        let reading = TemplatedEmbedding(encoder, prefix: encoderTemplate)
        let hashed = HashedNGramEmbedding(lexicon: lexicon)
        return TaskTypeMatcher(embedding: BlendedEmbedding(reading, hashed, weight: encoderBlendWeight),
                               threshold: threshold,
                               secondOpinion: SecondOpinion(embedding: reading, threshold: encoderConfidentThreshold),
                               sharedWordCheck: SharedWordCheck(lexicon: hashed, encoder: reading))
    }

    /// Whether the two names are the same kind of task, as `bestMatch` decides.
    public func matches(_ a: String, _ b: String) -> Bool {
        bestMatch(for: a, amongNames: [b]) != nil
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

    /// The same decision on names, then the second opinion when the embedding found nothing. The embedding may
    /// skip its costly part for candidates that cannot reach the threshold, so without a second opinion a new
    /// kind of task costs no sentence-encoder call when nothing is close.
    public func bestMatch(for name: String, amongNames names: [String]) -> Match? {
        let verdicts = names.map { nameComparison?.verdict(name, $0) ?? .undecided }
        var similarities = embedding.similarities(of: name, to: names, atLeast: threshold)
        for index in similarities.indices {
            switch verdicts[index] {
            case .otherKind: similarities[index] = nil
            case .sameKind: similarities[index] = max(similarities[index] ?? threshold, threshold)
            case .undecided:
                if let sharedWordCheck, similarities[index] != nil, !sharedWordCheck.confirms(name, names[index]) {
                    similarities[index] = nil
                }
            }
        }
        if let match = TaskTypeMatcher.best(similarities) { return match }
        guard let secondOpinion else { return nil }
        var opinions = secondOpinion.embedding.similarities(of: name, to: names, atLeast: secondOpinion.threshold)
        for index in opinions.indices where verdicts[index] == .otherKind { opinions[index] = nil }
        return TaskTypeMatcher.best(opinions)
    }

    private static func best(_ similarities: [Double?]) -> Match? {
        var best: Match?
        for (index, similarity) in similarities.enumerated() {
            guard let similarity else { continue }
            if best.map({ similarity > $0.similarity }) ?? true { best = Match(index: index, similarity: similarity) }
        }
        return best
    }
}
