#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The encoder's per-token arithmetic outside the matrix products (attention, LayerNorm, GELU), on raw
/// pointers with 8-wide SIMD: with bounds-checked array indexing these loops cost as much as the products.
/// Multiply then add, never `addProduct` (a libm `fmaf` call per lane on the baseline x86-64 target).
enum VectorMath {
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        let ar = UnsafeRawPointer(a), br = UnsafeRawPointer(b)
        var sum = SIMD8<Float>()
        var i = 0
        while i + 8 <= count {
            sum += ar.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * br.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        var total = sum.sum()
        while i < count { total += a[i] * b[i]; i += 1 }
        return total
    }

    /// `y += alpha · x`.
    static func addScaled(_ x: UnsafePointer<Float>, _ alpha: Float, into y: UnsafeMutablePointer<Float>, count: Int) {
        let xr = UnsafeRawPointer(x), yr = UnsafeMutableRawPointer(y)
        let scale = SIMD8<Float>(repeating: alpha)
        var i = 0
        while i + 8 <= count {
            let sum = yr.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) + xr.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * scale
            yr.storeBytes(of: sum, toByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count { y[i] += alpha * x[i]; i += 1 }
    }

    /// Scaled dot-product self-attention of one unpadded sequence (no mask), every head, into `context`.
    /// `q`, `k`, `v` and `context` are [tokens, heads × width]; `scores` holds `tokens` floats.
    static func attention(q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
                          context: UnsafeMutablePointer<Float>, scores: UnsafeMutablePointer<Float>,
                          tokens: Int, heads: Int, width: Int) {
        let h = heads * width
        let scale = 1 / Float(width).squareRoot()
        context.update(repeating: 0, count: tokens * h)
        for head in 0..<heads {
            let offset = head * width
            for t in 0..<tokens {
                var top = -Float.infinity
                for u in 0..<tokens {
                    scores[u] = dot(q + t * h + offset, k + u * h + offset, count: width) * scale
                    top = max(top, scores[u])
                }
                var sum: Float = 0
                for u in 0..<tokens {
                    scores[u] = expf(scores[u] - top)
                    sum += scores[u]
                }
                let row = context + t * h + offset
                for u in 0..<tokens { addScaled(v + u * h + offset, scores[u] / sum, into: row, count: width) }
            }
        }
    }

    /// `x = LayerNorm(x + residual)` per row of `width`, with the given gain and bias.
    static func addAndNormalise(_ x: UnsafeMutablePointer<Float>, adding residual: UnsafePointer<Float>?, rows: Int, width: Int,
                                gain: UnsafePointer<Float>, bias: UnsafePointer<Float>, epsilon: Float) {
        for row in 0..<rows {
            let r = x + row * width
            if let residual { addScaled(residual + row * width, 1, into: r, count: width) }
            var mean: Float = 0
            for d in 0..<width { mean += r[d] }
            mean /= Float(width)
            var variance: Float = 0
            for d in 0..<width {
                let centred = r[d] - mean
                variance += centred * centred
            }
            let inverse = 1 / (variance / Float(width) + epsilon).squareRoot()
            for d in 0..<width { r[d] = (r[d] - mean) * inverse * gain[d] + bias[d] }
        }
    }

    /// GELU with the exact error function, as the model was trained.
    static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count {
            let value = x[i]
            x[i] = 0.5 * value * (1 + erff(value * 0.70710678118654752))
        }
    }
}
