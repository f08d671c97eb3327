import COpenBLAS

/// How the encoder multiplies a block of token activations by a weight matrix: `out = input · weightᵀ + bias`,
/// the whole sequence at once (tokens × in times in × out), which is where nearly all of its time goes.
public enum MatrixKernel: String, Sendable, CaseIterable {
    /// OpenBLAS `sgemm` on the calling thread. It picks vector code for the CPU it finds at run time (AVX2,
    /// AVX-512), which a portable Swift build may not assume.
    case openBLAS
    /// Plain Swift SIMD on the baseline x86-64 target: the reference the fast path is checked against.
    case portable

    /// One OpenBLAS thread: the bot embeds one message per chat turn, and its own tasks are the parallelism.
    /// Set once, before the first product.
    static let singleThreaded: Void = openblas_set_num_threads(1)

    /// `out[t, o] = bias[o] + Σ_i input[t, i] · weight[o, i]` for `rows` tokens.
    func multiply(_ input: UnsafePointer<Float>, _ layer: MiniLMEncoder.Linear, rows: Int, into out: UnsafeMutablePointer<Float>) {
        guard rows > 0, let weights = layer.weight.baseAddress, let bias = layer.bias.baseAddress else { return }
        switch self {
        case .openBLAS:
            MatrixKernel.singleThreaded
            let n = layer.inputs, m = layer.outputs
            for t in 0..<rows { (out + t * m).update(from: bias, count: m) }
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasint(rows), blasint(m), blasint(n),
                        1, input, blasint(n), weights, blasint(n), 1, out, blasint(m))
        case .portable:
            MatrixKernel.portableMultiply(input, weights: weights, bias: bias, inputs: layer.inputs, outputs: layer.outputs,
                                          rows: rows, into: out)
        }
    }

    /// Four tokens per pass over a weight row, so each row is loaded once per four tokens.
    /// Multiply then add, never `addProduct`: on the baseline x86-64 target that becomes a libm `fmaf` call per lane.
    static func portableMultiply(_ x: UnsafePointer<Float>, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                                 inputs n: Int, outputs m: Int, rows: Int, into y: UnsafeMutablePointer<Float>) {
        precondition(n % 8 == 0, "input width must be a multiple of 8")
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
