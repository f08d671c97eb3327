import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// all-MiniLM-L6-v2 (a 6-layer BERT, hidden size 384) as a sentence encoder: tokenise, run the
/// post-LayerNorm transformer, mean-pool over the tokens and L2-normalise, as sentence-transformers does.
///
/// Immutable after loading and safe to share across threads: every call works in its own buffers.
public final class MiniLMEncoder: @unchecked Sendable {
    // Unchecked: the weights are read-only pointers into a mapping owned by `file`, which lives as long as self.
    public struct Configuration: Sendable, Equatable {
        public var layers: Int
        public var hidden: Int
        public var heads: Int
        public var intermediate: Int
        public var maxPositions: Int
        public var layerNormEpsilon: Float
        /// sentence-transformers' limit for this model (its tokenizer.json says 128; the model card's 256 is what the reference uses).
        public var maxTokens: Int

        public static let miniLML6 = Configuration(layers: 6, hidden: 384, heads: 12, intermediate: 1536, maxPositions: 512,
                                                   layerNormEpsilon: 1e-12, maxTokens: 256)
    }

    struct Linear {
        var weight: UnsafeBufferPointer<Float> // [out, in]
        var bias: UnsafeBufferPointer<Float>
        var inputs: Int
        var outputs: Int
    }

    struct Norm {
        var gain: UnsafeBufferPointer<Float>
        var bias: UnsafeBufferPointer<Float>
    }

    struct Layer {
        var query: Linear, key: Linear, value: Linear, attentionOut: Linear
        var attentionNorm: Norm
        var intermediate: Linear, output: Linear
        var outputNorm: Norm
    }

    public let configuration: Configuration
    public let tokenizer: WordPieceTokenizer
    /// Names this model's vectors, so they are never compared with another encoder's.
    public let identifier: String
    /// Where the matrix products run; both kernels give the same vectors to within float rounding.
    public let kernel: MatrixKernel
    private let file: SafetensorsFile
    private let wordEmbeddings: UnsafeBufferPointer<Float>
    private let positionEmbeddings: UnsafeBufferPointer<Float>
    private let typeEmbeddings: UnsafeBufferPointer<Float>
    private let embeddingNorm: Norm
    private let layers: [Layer]

    public var dimensions: Int { configuration.hidden }

    /// Loads the weights (mapped, not read) and the vocabulary. The adapter finds the files; this only reads them.
    public convenience init(modelPath: String, vocabularyPath: String, configuration: Configuration = .miniLML6,
                            kernel: MatrixKernel = .openBLAS) throws {
        let vocabulary: String
        do { vocabulary = try String(contentsOfFile: vocabularyPath, encoding: .utf8) } catch {
            throw SafetensorsFile.LoadError(path: vocabularyPath, message: "cannot read the vocabulary")
        }
        try self.init(file: try SafetensorsFile(path: modelPath), tokenizer: try WordPieceTokenizer(vocabulary: vocabulary),
                      configuration: configuration, kernel: kernel)
    }

    public init(file: SafetensorsFile, tokenizer: WordPieceTokenizer, configuration: Configuration = .miniLML6,
                kernel: MatrixKernel = .openBLAS) throws {
        self.file = file
        self.kernel = kernel
        self.tokenizer = tokenizer
        self.configuration = configuration
        let h = configuration.hidden, inner = configuration.intermediate
        wordEmbeddings = try file.floats("embeddings.word_embeddings.weight", shape: [tokenizer.vocabularySize, h])
        positionEmbeddings = try file.floats("embeddings.position_embeddings.weight", shape: [configuration.maxPositions, h])
        typeEmbeddings = try file.floats("embeddings.token_type_embeddings.weight", shape: [2, h])
        func norm(_ prefix: String) throws -> Norm {
            Norm(gain: try file.floats(prefix + ".weight", shape: [h]), bias: try file.floats(prefix + ".bias", shape: [h]))
        }
        func linear(_ prefix: String, _ inputs: Int, _ outputs: Int) throws -> Linear {
            Linear(weight: try file.floats(prefix + ".weight", shape: [outputs, inputs]),
                   bias: try file.floats(prefix + ".bias", shape: [outputs]), inputs: inputs, outputs: outputs)
        }
        embeddingNorm = try norm("embeddings.LayerNorm")
        layers = try (0..<configuration.layers).map { index in
            let p = "encoder.layer.\(index)."
            return Layer(query: try linear(p + "attention.self.query", h, h), key: try linear(p + "attention.self.key", h, h),
                         value: try linear(p + "attention.self.value", h, h),
                         attentionOut: try linear(p + "attention.output.dense", h, h),
                         attentionNorm: try norm(p + "attention.output.LayerNorm"),
                         intermediate: try linear(p + "intermediate.dense", h, inner), output: try linear(p + "output.dense", inner, h),
                         outputNorm: try norm(p + "output.LayerNorm"))
        }
        identifier = "all-MiniLM-L6-v2/\(h)d/\(file.byteCount)b"
    }

    /// The unit-length sentence vector of `text`.
    public func embed(_ text: String) -> [Float] {
        embed(tokens: tokenizer.encode(text, maxTokens: min(configuration.maxTokens, configuration.maxPositions)))
    }

    public func embed(tokens: [Int32]) -> [Float] {
        let h = configuration.hidden, count = tokens.count
        var x = [Float](repeating: 0, count: count * h)
        for (position, token) in tokens.enumerated() {
            let row = Int(token) < tokenizer.vocabularySize ? Int(token) : Int(tokenizer.unknownID)
            for d in 0..<h {
                x[position * h + d] = wordEmbeddings[row * h + d] + positionEmbeddings[position * h + d] + typeEmbeddings[d]
            }
        }
        addAndNormalise(&x, adding: nil, rows: count, embeddingNorm)
        var scratch = Scratch(tokens: count, configuration: configuration)
        for layer in layers { apply(layer, to: &x, tokens: count, scratch: &scratch) }
        var pooled = [Float](repeating: 0, count: h)
        for position in 0..<count { for d in 0..<h { pooled[d] += x[position * h + d] } }
        var norm: Float = 0
        for d in 0..<h {
            pooled[d] /= Float(count)
            norm += pooled[d] * pooled[d]
        }
        let scale = norm > 0 ? 1 / norm.squareRoot() : 0
        return pooled.map { $0 * scale }
    }

    struct Scratch {
        var q, k, v, context, projected, inner: [Float]
        var scores: [Float]

        init(tokens: Int, configuration: Configuration) {
            let h = configuration.hidden
            q = [Float](repeating: 0, count: tokens * h)
            k = q; v = q; context = q; projected = q
            inner = [Float](repeating: 0, count: tokens * configuration.intermediate)
            scores = [Float](repeating: 0, count: tokens)
        }

        mutating func withPointers(_ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>,
                                            UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Void) {
            q.withUnsafeBufferPointer { q in k.withUnsafeBufferPointer { k in v.withUnsafeBufferPointer { v in
                context.withUnsafeMutableBufferPointer { context in scores.withUnsafeMutableBufferPointer { scores in
                    guard let q = q.baseAddress, let k = k.baseAddress, let v = v.baseAddress,
                          let context = context.baseAddress, let scores = scores.baseAddress else { return }
                    body(q, k, v, context, scores)
                }}
            }}}
        }
    }

    private func apply(_ layer: Layer, to x: inout [Float], tokens: Int, scratch: inout Scratch) {
        let h = configuration.hidden, heads = configuration.heads
        multiply(x, layer.query, rows: tokens, into: &scratch.q)
        multiply(x, layer.key, rows: tokens, into: &scratch.k)
        multiply(x, layer.value, rows: tokens, into: &scratch.v)
        scratch.withPointers { q, k, v, context, scores in
            VectorMath.attention(q: q, k: k, v: v, context: context, scores: scores, tokens: tokens, heads: heads, width: h / heads)
        }
        multiply(scratch.context, layer.attentionOut, rows: tokens, into: &scratch.projected)
        addAndNormalise(&x, adding: scratch.projected, rows: tokens, layer.attentionNorm)
        multiply(x, layer.intermediate, rows: tokens, into: &scratch.inner)
        scratch.inner.withUnsafeMutableBufferPointer { inner in
            if let base = inner.baseAddress { VectorMath.gelu(base, count: inner.count) }
        }
        multiply(scratch.inner, layer.output, rows: tokens, into: &scratch.projected)
        addAndNormalise(&x, adding: scratch.projected, rows: tokens, layer.outputNorm)
    }

    /// `x = LayerNorm(x + residual)`, or of `x` alone.
    private func addAndNormalise(_ x: inout [Float], adding residual: [Float]?, rows: Int, _ norm: Norm) {
        let h = configuration.hidden, epsilon = configuration.layerNormEpsilon
        guard let gain = norm.gain.baseAddress, let bias = norm.bias.baseAddress else { return }
        x.withUnsafeMutableBufferPointer { xs in
            guard let base = xs.baseAddress else { return }
            if let residual {
                residual.withUnsafeBufferPointer { rs in
                    VectorMath.addAndNormalise(base, adding: rs.baseAddress, rows: rows, width: h, gain: gain, bias: bias, epsilon: epsilon)
                }
            } else {
                VectorMath.addAndNormalise(base, adding: nil, rows: rows, width: h, gain: gain, bias: bias, epsilon: epsilon)
            }
        }
    }

    /// One projection of the whole sequence through the chosen kernel.
    private func multiply(_ input: [Float], _ layer: Linear, rows: Int, into out: inout [Float]) {
        input.withUnsafeBufferPointer { xs in
            out.withUnsafeMutableBufferPointer { ys in
                guard let x = xs.baseAddress, let y = ys.baseAddress else { return }
                kernel.multiply(x, layer, rows: rows, into: y)
            }
        }
    }
}
