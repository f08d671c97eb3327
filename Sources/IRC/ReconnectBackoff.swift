/// Exponential backoff between reconnect attempts: min, 2·min, 4·min ... capped at max.
/// Reset after a connection that reached registration, so one blip does not cost minutes.
public struct ReconnectBackoff: Sendable, Equatable {
    public let minimum: Duration
    public let maximum: Duration
    private var failures = 0

    public init(minimum: Duration, maximum: Duration) {
        self.minimum = minimum
        self.maximum = max(maximum, minimum)
    }

    public mutating func nextDelay() -> Duration {
        defer { failures += 1 }
        let factor = 1 << min(failures, 30)
        let delay = minimum * factor
        return delay > maximum ? maximum : delay
    }

    public mutating func reset() { failures = 0 }
}
