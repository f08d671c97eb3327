import SharedValues
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input to a linear model: a sparse part (hashed n-grams: few of many dimensions are non-zero)
/// and an optional dense part (a sentence embedding).
public struct FeatureVector: Sendable, Equatable {
    public var indices: [Int32]
    public var values: [Float]
    public var dense: [Float]

    public init(indices: [Int32] = [], values: [Float] = [], dense: [Float] = []) {
        self.indices = indices
        self.values = values
        self.dense = dense
    }
}

/// Multinomial logistic regression (softmax over classes) on sparse + dense features, trained by
/// stochastic gradient descent with L2 weight decay and class-balanced weights.
///
/// Pure and deterministic: the same samples and options always give the same weights, so a reload
/// that changes nothing changes no decision.
public struct SoftmaxRegression: Sendable, Equatable {
    public struct Options: Sendable, Equatable {
        public var epochs: Int
        public var learningRate: Float
        /// L2 strength; the notes' cross-validated 1e-4 for both representations.
        public var l2: Float
        /// Weigh each class by the inverse of its size, so a type with few examples is not drowned out.
        public var balanceClasses: Bool
        public var seed: UInt64

        public init(epochs: Int = 40, learningRate: Float = 2, l2: Float = 1e-4, balanceClasses: Bool = true, seed: UInt64 = 0x5EED) {
            self.epochs = epochs
            self.learningRate = learningRate
            self.l2 = l2
            self.balanceClasses = balanceClasses
            self.seed = seed
        }
    }

    public let classes: Int
    public let sparseDimensions: Int
    public let denseDimensions: Int
    /// Feature-major: the weights of feature `f` for every class are `[f * classes ..< (f + 1) * classes]`.
    private var sparseWeights: [Float]
    private var denseWeights: [Float]
    private var bias: [Float]

    public init(classes: Int, sparseDimensions: Int, denseDimensions: Int) {
        self.classes = max(1, classes)
        self.sparseDimensions = max(1, sparseDimensions)
        self.denseDimensions = max(0, denseDimensions)
        sparseWeights = [Float](repeating: 0, count: self.sparseDimensions * self.classes)
        denseWeights = [Float](repeating: 0, count: self.denseDimensions * self.classes)
        bias = [Float](repeating: 0, count: self.classes)
    }

    /// Trains on `samples` with class `labels[i]` in `0..<classes`. Samples with an out-of-range label are ignored.
    public static func train(_ samples: [FeatureVector], labels: [Int], classes: Int, sparseDimensions: Int,
                             denseDimensions: Int, options: Options = Options()) -> SoftmaxRegression {
        var model = SoftmaxRegression(classes: classes, sparseDimensions: sparseDimensions, denseDimensions: denseDimensions)
        let usable = zip(samples.indices, labels).filter { (0..<model.classes).contains($0.1) }.map(\.0)
        guard !usable.isEmpty else { return model }
        var counts = [Int](repeating: 0, count: model.classes)
        for index in usable { counts[labels[index]] += 1 }
        let present = counts.filter { $0 > 0 }.count
        let classWeight = counts.map { count -> Float in
            guard options.balanceClasses, count > 0 else { return 1 }
            return Float(usable.count) / Float(present * count)
        }
        var order = usable
        var random = SplitMix64(seed: options.seed)
        var step = 0
        let total = Float(max(1, options.epochs * usable.count))
        var scratch = [Float](repeating: 0, count: model.classes)
        for _ in 0..<max(1, options.epochs) {
            random.shuffle(&order)
            for index in order {
                // Linear decay to a tenth of the starting rate: large early steps, a settled end.
                let rate = options.learningRate * (1 - 0.9 * Float(step) / total)
                step += 1
                model.logits(samples[index], into: &scratch)
                SoftmaxRegression.softmax(&scratch)
                scratch[labels[index]] -= 1
                let weight = classWeight[labels[index]]
                for c in 0..<model.classes { scratch[c] *= weight }
                model.descend(samples[index], gradient: scratch, rate: rate, l2: options.l2)
            }
        }
        return model
    }

    /// Class probabilities, summing to 1.
    public func probabilities(_ x: FeatureVector) -> [Float] {
        var out = [Float](repeating: 0, count: classes)
        logits(x, into: &out)
        SoftmaxRegression.softmax(&out)
        return out
    }

    func logits(_ x: FeatureVector, into out: inout [Float]) {
        for c in 0..<classes { out[c] = bias[c] }
        sparseWeights.withUnsafeBufferPointer { weights in
            for (position, raw) in x.indices.enumerated() {
                let feature = Int(raw)
                guard feature >= 0, feature < sparseDimensions else { continue }
                let value = x.values[position]
                let base = feature * classes
                for c in 0..<classes { out[c] += weights[base + c] * value }
            }
        }
        let count = min(x.dense.count, denseDimensions)
        denseWeights.withUnsafeBufferPointer { weights in
            for feature in 0..<count {
                let value = x.dense[feature]
                let base = feature * classes
                for c in 0..<classes { out[c] += weights[base + c] * value }
            }
        }
    }

    private mutating func descend(_ x: FeatureVector, gradient: [Float], rate: Float, l2: Float) {
        let classes = self.classes
        let decay = 1 - rate * l2
        sparseWeights.withUnsafeMutableBufferPointer { weights in
            for (position, raw) in x.indices.enumerated() {
                let feature = Int(raw)
                guard feature >= 0, feature < sparseDimensions else { continue }
                let value = x.values[position]
                let base = feature * classes
                // Decay only the weights this sample touches: the usual lazy L2 for sparse inputs.
                for c in 0..<classes { weights[base + c] = weights[base + c] * decay - rate * gradient[c] * value }
            }
        }
        let count = min(x.dense.count, denseDimensions)
        denseWeights.withUnsafeMutableBufferPointer { weights in
            for feature in 0..<count {
                let value = x.dense[feature]
                let base = feature * classes
                for c in 0..<classes { weights[base + c] = weights[base + c] * decay - rate * gradient[c] * value }
            }
        }
        for c in 0..<classes { bias[c] -= rate * gradient[c] }
    }

    static func softmax(_ values: inout [Float]) {
        guard let top = values.max() else { return }
        var sum: Float = 0
        for index in values.indices {
            values[index] = exp(values[index] - top)
            sum += values[index]
        }
        for index in values.indices { values[index] /= sum }
    }
}
