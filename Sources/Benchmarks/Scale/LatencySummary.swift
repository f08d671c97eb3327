/// Nearest-rank percentiles of a set of latencies, in microseconds.
public struct LatencySummary: Sendable, Equatable {
    public var count: Int
    public var p50: Double
    public var p99: Double
    public var max: Double
    public var mean: Double

    public init(microseconds samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        p50 = LatencySummary.percentile(0.50, of: sorted)
        p99 = LatencySummary.percentile(0.99, of: sorted)
        max = sorted.last ?? 0
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
    }

    /// The smallest sample with at least `fraction` of the samples at or below it.
    static func percentile(_ fraction: Double, of sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }
}

extension Duration {
    var microseconds: Double {
        Double(components.seconds) * 1e6 + Double(components.attoseconds) / 1e12
    }
}
