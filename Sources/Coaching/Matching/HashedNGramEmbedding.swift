import SchedulerCore
import SharedValues

/// The offline default embedding: concepts from the lexicon, words, and character trigrams,
/// each group normalised and weighted, hashed into a fixed number of dimensions. No model, no download.
///
/// Concepts carry most of the weight so "daily team sync" and "team standup" land together;
/// words and trigrams separate types the lexicon does not know and tolerate typos and plurals.
public struct HashedNGramEmbedding: TextEmbedding {
    public struct Weights: Sendable, Equatable {
        public var concepts: Double
        public var words: Double
        public var trigrams: Double

        public init(concepts: Double, words: Double, trigrams: Double) {
            self.concepts = concepts
            self.words = words
            self.trigrams = trigrams
        }

        public static let standard = Weights(concepts: 2, words: 0.7, trigrams: 0.6)
    }

    public let lexicon: ConceptLexicon
    public let dimensions: Int
    public let weights: Weights
    public var embeddingID: String { "hashed-ngram-v1-\(dimensions)" }

    public init(lexicon: ConceptLexicon = .minimal, dimensions: Int = 1024, weights: Weights = .standard) {
        self.lexicon = lexicon
        self.dimensions = max(16, dimensions)
        self.weights = weights
    }

    public func embed(_ text: String) -> EmbeddingVector {
        let words = TaskName.normalise(text).split(separator: " ").map(String.init)
        let (concepts, rest) = lexicon.read(words)
        let stems = rest.map(WordStem.stem)
        var values = [Double](repeating: 0, count: dimensions)
        add(concepts.map { "c:" + $0 }, weight: weights.concepts, to: &values)
        add(stems.map { "w:" + $0 }, weight: weights.words, to: &values)
        add(stems.flatMap(HashedNGramEmbedding.trigrams).map { "t:" + $0 }, weight: weights.trigrams, to: &values)
        return EmbeddingVector(embeddingID: embeddingID, values: values.map(Float.init))
    }

    /// Adds one feature group as a unit vector scaled by `weight`, so long names do not outweigh short ones.
    func add(_ features: [String], weight: Double, to values: inout [Double]) {
        guard !features.isEmpty, weight > 0 else { return }
        var group: [Int: Double] = [:]
        for feature in features {
            let hash = StableHash.value(feature)
            let sign: Double = (hash >> 63) == 0 ? 1 : -1
            group[Int(hash % UInt64(dimensions)), default: 0] += sign
        }
        let norm = group.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return }
        for (index, value) in group { values[index] += weight * value / norm }
    }

    /// "#run#" style boundary-marked trigrams of one word.
    static func trigrams(_ word: String) -> [String] {
        let marked = Array("#" + word + "#")
        guard marked.count >= 3 else { return [String(marked)] }
        return (0...(marked.count - 3)).map { String(marked[$0..<($0 + 3)]) }
    }
}
