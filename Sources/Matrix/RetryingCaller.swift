import Logging

/// Repeats retryable Matrix calls: backoff with jitter on network errors and 5xx, the server's
/// own delay on 429. Non-retryable errors (401, other 4xx) are thrown at once.
public struct RetryingCaller: Sendable {
    public var backoff: Backoff
    /// nil: keep trying until the task is cancelled (the sync loop); a number: give up after that
    /// many failures (sends, so a shutdown never waits on a dead server for long).
    public var maxAttempts: Int?
    let logger: Logger
    let sleep: @Sendable (Duration) async throws -> Void

    public init(backoff: Backoff = Backoff(), maxAttempts: Int? = nil, logger: Logger,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.backoff = backoff
        self.maxAttempts = maxAttempts
        self.logger = logger
        self.sleep = sleep
    }

    public func run<T: Sendable>(_ what: String, _ operation: @Sendable () async throws -> T) async throws -> T {
        var failures = 0
        while true {
            do {
                return try await operation()
            } catch let error as MatrixError where error.isRetryable {
                failures += 1
                if let maxAttempts, failures >= maxAttempts { throw error }
                let wait = delay(after: error, failures: failures)
                logger.warning("\(what) failed, retrying", metadata: [
                    "error": "\(error)", "attempt": "\(failures)", "wait_ms": "\(wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000)",
                ])
                try await sleep(wait)
            }
        }
    }

    func delay(after error: MatrixError, failures: Int) -> Duration {
        if case .rateLimited(let retryAfter?) = error {
            // A little extra so the server's bucket has surely refilled when we come back.
            return retryAfter + .milliseconds(50)
        }
        return backoff.delay(attempt: failures - 1)
    }
}
