/// A fixed set of feature vectors (the route examples) searched by cosine similarity.
///
/// Sparse rows are compared through a dense scratch copy of the query, dense rows directly;
/// either way one query costs one pass over the stored values.
public struct NearestRow: Sendable {
    private let rows: [FeatureVector]
    private let sparseNorms: [Float]
    private let denseNorms: [Float]
    private let sparseDimensions: Int

    public init(rows: [FeatureVector], sparseDimensions: Int) {
        self.rows = rows
        self.sparseDimensions = max(1, sparseDimensions)
        sparseNorms = rows.map { $0.values.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        denseNorms = rows.map { $0.dense.reduce(0) { $0 + $1 * $1 }.squareRoot() }
    }

    /// The index and cosine of the most similar row: by the dense part when the query has one, else the sparse part.
    public func nearest(to query: FeatureVector) -> (index: Int, similarity: Float)? {
        query.dense.isEmpty ? nearestSparse(query) : nearestDense(query)
    }

    private func nearestDense(_ query: FeatureVector) -> (index: Int, similarity: Float)? {
        let queryNorm = query.dense.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard queryNorm > 0 else { return nil }
        var best: (index: Int, similarity: Float)?
        for (index, row) in rows.enumerated() where row.dense.count == query.dense.count && denseNorms[index] > 0 {
            var dot: Float = 0
            for position in row.dense.indices { dot += row.dense[position] * query.dense[position] }
            let similarity = dot / (queryNorm * denseNorms[index])
            if best.map({ similarity > $0.similarity }) ?? true { best = (index, similarity) }
        }
        return best
    }

    private func nearestSparse(_ query: FeatureVector) -> (index: Int, similarity: Float)? {
        var scratch = [Float](repeating: 0, count: sparseDimensions)
        var queryNorm: Float = 0
        for (position, raw) in query.indices.enumerated() where raw >= 0 && Int(raw) < sparseDimensions {
            scratch[Int(raw)] += query.values[position]
        }
        for value in query.values { queryNorm += value * value }
        queryNorm = queryNorm.squareRoot()
        guard queryNorm > 0 else { return nil }
        var best: (index: Int, similarity: Float)?
        for (index, row) in rows.enumerated() where sparseNorms[index] > 0 {
            var dot: Float = 0
            for (position, raw) in row.indices.enumerated() where raw >= 0 && Int(raw) < sparseDimensions {
                dot += scratch[Int(raw)] * row.values[position]
            }
            let similarity = dot / (queryNorm * sparseNorms[index])
            if best.map({ similarity > $0.similarity }) ?? true { best = (index, similarity) }
        }
        return best
    }
}
