import Dispatch
import SentenceEncoder
import Synchronization

/// The local sentence encoder as a `TextEmbedding`, with a cache of recent texts: chat repeats itself
/// ("ok", "how am I doing?"), and the route examples are embedded once however often they are retrained.
public final class SentenceEmbedding: TextEmbedding, @unchecked Sendable {
    // Unchecked: the encoder is immutable and the cache is behind a Mutex.
    public let encoder: MiniLMEncoder
    public let capacity: Int
    private let cache: Mutex<Cache>

    struct Cache {
        var vectors: [String: [Float]] = [:]
        var order: [String] = []
        var next = 0
    }

    public init(encoder: MiniLMEncoder, capacity: Int = 8192) {
        self.encoder = encoder
        self.capacity = max(1, capacity)
        cache = Mutex(Cache())
    }

    public var embeddingID: String { encoder.identifier }

    public func embed(_ text: String) -> EmbeddingVector {
        if let hit = cache.withLock({ $0.vectors[text] }) { return EmbeddingVector(embeddingID: embeddingID, values: hit) }
        let values = encoder.embed(text)
        remember(text, values)
        return EmbeddingVector(embeddingID: embeddingID, values: values)
    }

    /// Embeds the texts not yet cached on every core, so start-up and reloads pay once, in parallel.
    public func warm(_ texts: [String]) {
        let missing = Array(Set(texts.filter { text in cache.withLock { $0.vectors[text] == nil } }))
        guard !missing.isEmpty else { return }
        let results = Mutex([[Float]?](repeating: nil, count: missing.count))
        DispatchQueue.concurrentPerform(iterations: missing.count) { index in
            let vector = encoder.embed(missing[index])
            results.withLock { $0[index] = vector }
        }
        let vectors = results.withLock { $0 }
        for (text, vector) in zip(missing, vectors) { if let vector { remember(text, vector) } }
    }

    public var cachedCount: Int { cache.withLock { $0.vectors.count } }

    /// Every cached text and vector, for an adapter to keep on disk between runs.
    public func snapshot() -> [(text: String, vector: [Float])] {
        cache.withLock { cache in cache.order.compactMap { text in cache.vectors[text].map { (text, $0) } } }
    }

    /// Vectors computed earlier by this same encoder (the adapter checks the identifier); wrong sizes are skipped.
    public func preload(_ entries: [(text: String, vector: [Float])]) {
        for entry in entries where entry.vector.count == encoder.dimensions { remember(entry.text, entry.vector) }
    }

    /// Oldest-first eviction once full: a ring over insertion order.
    private func remember(_ text: String, _ values: [Float]) {
        cache.withLock { cache in
            guard cache.vectors[text] == nil else { return }
            if cache.order.count < capacity {
                cache.order.append(text)
            } else {
                cache.vectors[cache.order[cache.next]] = nil
                cache.order[cache.next] = text
                cache.next = (cache.next + 1) % capacity
            }
            cache.vectors[text] = values
        }
    }
}
