/// Flood control: a bucket of `capacity` tokens, one per line sent, refilled continuously.
///
/// Time is passed in (`now`), never read, so tests drive it with made-up instants.
public struct TokenBucket<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    public let capacity: Double
    public let refillPerSecond: Double
    private var tokens: Double
    private var updatedAt: Instant

    public init(capacity: Int, refillPerSecond: Double, now: Instant) {
        self.capacity = Double(max(capacity, 1))
        self.refillPerSecond = max(refillPerSecond, .leastNonzeroMagnitude)
        self.tokens = self.capacity
        self.updatedAt = now
    }

    /// Takes a token and returns `.zero`, or takes nothing and returns how long to wait for one.
    public mutating func take(now: Instant) -> Duration {
        refill(now: now)
        if tokens >= 1 {
            tokens -= 1
            return .zero
        }
        let seconds = (1 - tokens) / refillPerSecond
        return .nanoseconds(Int64((seconds * 1e9).rounded(.up)))
    }

    public mutating func available(now: Instant) -> Double {
        refill(now: now)
        return tokens
    }

    private mutating func refill(now: Instant) {
        guard now > updatedAt else { return }
        let elapsed = updatedAt.duration(to: now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        tokens = min(capacity, tokens + seconds * refillPerSecond)
        updatedAt = now
    }
}
