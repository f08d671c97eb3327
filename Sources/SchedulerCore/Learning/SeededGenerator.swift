import Foundation
import SharedValues

/// SplitMix64: a tiny, fast, seedable generator. A value, so whoever holds it owns its sequence;
/// nothing in the core reads global randomness.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Standard normal (Box-Muller; one draw per call keeps the sequence simple to reason about).
    public mutating func nextGaussian() -> Double {
        let u1 = max(nextUnit(), .leastNonzeroMagnitude)
        let u2 = nextUnit()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * .pi * u2)
    }
}

/// Seeds for exploration, derived from what identifies a placement request.
public enum ExplorationSeed {
    /// FNV-1a over the user, the task type's name and the request instant (whole seconds):
    /// the same request replayed gets the same seed; the next request gets a different one.
    public static func derive(userID: String, taskName: String, at instant: Date) -> UInt64 {
        var hash = StableHash()
        hash.mix(userID)
        hash.mix(0)
        hash.mix(taskName)
        hash.mix(0)
        let seconds = Int64(instant.timeIntervalSince1970.rounded(.down))
        withUnsafeBytes(of: seconds.littleEndian) { hash.mix($0) }
        return hash.value
    }
}
