import SharedValues
import SentenceEncoder

/// Turns a message into classifier features: hashed words, word pairs, character n-grams and a few
/// shape cues (length, question mark), plus a sentence embedding when an encoder is available.
///
/// Character n-grams carry typos and inflections ("procrastinatng"); the embedding carries meaning that shares
/// no words with any example ("I can't get myself to start anything").
public struct RouteFeaturizer: Sendable {
    public static let sparseDimensions = 1 << 15

    public let normaliser: ChatNormaliser
    public let embedding: (any TextEmbedding)?
    /// The embedding's share against the four unit-length sparse groups.
    public let denseWeight: Float

    public init(normaliser: ChatNormaliser, embedding: (any TextEmbedding)? = nil, denseWeight: Float = 1) {
        self.normaliser = normaliser
        self.embedding = embedding
        self.denseWeight = denseWeight
    }

    /// The embedding's size, fixed by one probe, or 0 without an encoder.
    public var denseDimensions: Int { embedding.map { $0.embed("hello").values.count } ?? 0 }

    public func features(_ text: String) -> FeatureVector {
        var vector = sparse(text)
        if let embedding { vector.dense = embedding.embed(text).values.map { $0 * denseWeight } }
        return vector
    }

    public func sparse(_ text: String) -> FeatureVector {
        let words = normaliser.words(text)
        var groups: [(weight: Float, features: [String])] = []
        groups.append((1.0, words.map { "w:" + $0 }))
        groups.append((0.6, zip(words, words.dropFirst()).map { "b:" + $0 + " " + $1 }))
        let joined = Array(" " + words.joined(separator: " ") + " ")
        var grams: [String] = []
        for size in 3...4 where joined.count >= size {
            for start in 0...(joined.count - size) { grams.append(String(joined[start..<(start + size)])) }
        }
        groups.append((1.0, grams.map { "c:" + $0 }))
        groups.append((0.5, RouteFeaturizer.shape(text, wordCount: words.count)))
        var accumulated: [Int32: Float] = [:]
        for (weight, features) in groups where !features.isEmpty {
            // Presence, not counts: a word said forty times says no more than once, and pasted repetition
            // must not outweigh what the message asks.
            var group: [Int32: Float] = [:]
            for feature in features {
                let hash = StableHash.value(feature)
                group[Int32(truncatingIfNeeded: hash % UInt64(RouteFeaturizer.sparseDimensions))] = 1
            }
            let norm = group.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for (index, value) in group { accumulated[index, default: 0] += weight * value / norm }
        }
        let sorted = accumulated.sorted { $0.key < $1.key }
        return FeatureVector(indices: sorted.map(\.key), values: sorted.map(\.value))
    }

    /// How long the message is and whether it asks or exclaims: phatic messages are short, coaching long.
    static func shape(_ text: String, wordCount: Int) -> [String] {
        let length: String = switch wordCount {
        case 0...1: "1"
        case 2: "2"
        case 3...4: "3-4"
        case 5...8: "5-8"
        case 9...16: "9-16"
        default: "17+"
        }
        var out = ["len:" + length]
        if text.contains("?") { out.append("mark:?") }
        if text.contains("!") { out.append("mark:!") }
        return out
    }
}
