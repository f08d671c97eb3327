/// Bounded retries with exponential backoff and jitter, honouring Retry-After.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts after the first; 0 disables retrying.
    public var maxRetries: Int
    public var baseDelay: Duration
    /// The longest single wait. A Retry-After beyond it ends retrying at once, so a caller is
    /// never held for minutes; the error carries the server's wait for the caller to defer.
    public var maxDelay: Duration

    public init(maxRetries: Int = 2, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8)) {
        self.maxRetries = max(0, maxRetries)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The wait before retry number `retry` (1-based), or nil to give up.
    /// Backoff is `min(maxDelay, baseDelay * 2^(retry-1))`, scaled by `0.5 + 0.5 * jitter`
    /// (jitter in 0...1), and never shorter than the server's Retry-After.
    public func delay(beforeRetry retry: Int, retryAfter: Duration?, jitter: Double) -> Duration? {
        guard retry >= 1, retry <= maxRetries else { return nil }
        if let retryAfter, retryAfter > maxDelay { return nil }
        let exponential = baseDelay * Double(1 << min(retry - 1, 20))
        let backoff = min(maxDelay, exponential) * (0.5 + 0.5 * min(max(jitter, 0), 1))
        return max(backoff, retryAfter ?? .zero)
    }
}
