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
    private let file: SafetensorsFile
    private let wordEmbeddings: UnsafeBufferPointer<Float>
    private let positionEmbeddings: UnsafeBufferPointer<Float>
    private let typeEmbeddings: UnsafeBufferPointer<Float>
    private let embeddingNorm: Norm
    private let layers: [Layer]

    public var dimensions: Int { configuration.hidden }

    /// Loads the weights (mapped, not read) and the vocabulary. The adapter finds the files; this only reads them.
    public convenience init(modelPath: String, vocabularyPath: String, configuration: Configuration = .miniLML6) throws {
        let vocabulary: String
        do { vocabulary = try String(contentsOfFile: vocabularyPath, encoding: .utf8) } catch {
            throw SafetensorsFile.LoadError(path: vocabularyPath, message: "cannot read the vocabulary")
        }
        try self.init(file: try SafetensorsFile(path: modelPath), tokenizer: try WordPieceTokenizer(vocabulary: vocabulary),
                      configuration: configuration)
    }

    public init(file: SafetensorsFile, tokenizer: WordPieceTokenizer, configuration: Configuration = .miniLML6) throws {
        self.file = file
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
        layerNorm(&x, rows: count, embeddingNorm)
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
    }

    private func apply(_ layer: Layer, to x: inout [Float], tokens: Int, scratch: inout Scratch) {
        let h = configuration.hidden
        MiniLMEncoder.multiply(x, layer.query, rows: tokens, into: &scratch.q)
        MiniLMEncoder.multiply(x, layer.key, rows: tokens, into: &scratch.k)
        MiniLMEncoder.multiply(x, layer.value, rows: tokens, into: &scratch.v)
        attention(&scratch, tokens: tokens)
        MiniLMEncoder.multiply(scratch.context, layer.attentionOut, rows: tokens, into: &scratch.projected)
        for index in 0..<(tokens * h) { x[index] += scratch.projected[index] }
        layerNorm(&x, rows: tokens, layer.attentionNorm)
        MiniLMEncoder.multiply(x, layer.intermediate, rows: tokens, into: &scratch.inner)
        for index in scratch.inner.indices {
            let value = scratch.inner[index]
            scratch.inner[index] = 0.5 * value * (1 + erff(value * 0.70710678118654752))
        }
        MiniLMEncoder.multiply(scratch.inner, layer.output, rows: tokens, into: &scratch.projected)
        for index in 0..<(tokens * h) { x[index] += scratch.projected[index] }
        layerNorm(&x, rows: tokens, layer.outputNorm)
    }

    /// Scaled dot-product self-attention per head; a single unpadded sentence needs no mask.
    private func attention(_ s: inout Scratch, tokens: Int) {
        let h = configuration.hidden, heads = configuration.heads, width = h / heads
        let scale = 1 / Float(width).squareRoot()
        for head in 0..<heads {
            let offset = head * width
            for t in 0..<tokens {
                var top = -Float.infinity
                for u in 0..<tokens {
                    var dot: Float = 0
                    for d in 0..<width { dot += s.q[t * h + offset + d] * s.k[u * h + offset + d] }
                    s.scores[u] = dot * scale
                    top = max(top, s.scores[u])
                }
                var sum: Float = 0
                for u in 0..<tokens {
                    s.scores[u] = expf(s.scores[u] - top)
                    sum += s.scores[u]
                }
                for d in 0..<width { s.context[t * h + offset + d] = 0 }
                for u in 0..<tokens {
                    let weight = s.scores[u] / sum
                    for d in 0..<width { s.context[t * h + offset + d] += weight * s.v[u * h + offset + d] }
                }
            }
        }
    }

    private func layerNorm(_ x: inout [Float], rows: Int, _ norm: Norm) {
        let h = configuration.hidden
        for row in 0..<rows {
            var mean: Float = 0
            for d in 0..<h { mean += x[row * h + d] }
            mean /= Float(h)
            var variance: Float = 0
            for d in 0..<h {
                let centred = x[row * h + d] - mean
                variance += centred * centred
            }
            let inverse = 1 / (variance / Float(h) + configuration.layerNormEpsilon).squareRoot()
            for d in 0..<h { x[row * h + d] = (x[row * h + d] - mean) * inverse * norm.gain[d] + norm.bias[d] }
        }
    }

    /// `out[t, o] = bias[o] + Σ_i input[t, i] · weight[o, i]`, four tokens per pass over a weight row.
    /// Multiply then add, never `addProduct`: on the baseline x86-64 target that becomes a libm `fmaf` call per lane.
    static func multiply(_ input: [Float], _ layer: Linear, rows: Int, into out: inout [Float]) {
        let n = layer.inputs, m = layer.outputs
        precondition(n % 8 == 0, "input width must be a multiple of 8")
        input.withUnsafeBufferPointer { xs in
            out.withUnsafeMutableBufferPointer { ys in
                guard let x = xs.baseAddress, let y = ys.baseAddress, let weights = layer.weight.baseAddress,
                      let bias = layer.bias.baseAddress else { return }
                let xr = UnsafeRawPointer(x), wr = UnsafeRawPointer(weights)
                for o in 0..<m {
                    let w = wr + o * n * 4
                    var t = 0
                    while t + 4 <= rows {
                        var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
                        let x0 = xr + t * n * 4, x1 = x0 + n * 4, x2 = x1 + n * 4, x3 = x2 + n * 4
                        var i = 0
                        while i < n {
                            let wv = w.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                            a0 += x0.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * wv
                            a1 += x1.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * wv
                            a2 += x2.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * wv
                            a3 += x3.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * wv
                            i += 8
                        }
                        y[t * m + o] = a0.sum() + bias[o]
                        y[(t + 1) * m + o] = a1.sum() + bias[o]
                        y[(t + 2) * m + o] = a2.sum() + bias[o]
                        y[(t + 3) * m + o] = a3.sum() + bias[o]
                        t += 4
                    }
                    while t < rows {
                        var a = SIMD8<Float>()
                        let xt = xr + t * n * 4
                        var i = 0
                        while i < n {
                            a += xt.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * w.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                            i += 8
                        }
                        y[t * m + o] = a.sum() + bias[o]
                        t += 1
                    }
                }
            }
        }
    }
}
