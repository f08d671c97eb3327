/// Exponential backoff with jitter: attempt n waits a random time in [d/2, d] where
/// d = min(cap, base * 2^n). The random source is injected so tests can pin it.
public struct Backoff: Sendable {
    public var base: Duration
    public var cap: Duration
    /// Returns a value in [0, 1).
    public var random: @Sendable () -> Double

    public init(base: Duration = .milliseconds(500), cap: Duration = .seconds(30),
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.base = base
        self.cap = cap
        self.random = random
    }

    public func delay(attempt: Int) -> Duration {
        let exponent = min(max(attempt, 0), 30)
        let ceiling = min(cap, base * (1 << exponent))
        // Half fixed, half random: never hammer, yet spread clients that failed together.
        let fraction = 0.5 + 0.5 * min(max(random(), 0), 1)
        return ceiling * fraction
    }
}
