import Foundation
import SharedValues

/// The core's seeded generator (SplitMix64): nothing in the core reads global randomness.
public typealias SeededGenerator = SplitMix64

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
