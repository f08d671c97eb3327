/// Why a provider produced no answer. Messages never contain the API key.
public enum LLMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No usable endpoint or offline replies (a configuration problem).
    case notConfigured(String)
    case timedOut
    /// 429 after the allowed retries, or a Retry-After longer than the policy will wait.
    case rateLimited(retryAfter: Duration?)
    /// 5xx after the allowed retries.
    case serverError(status: Int, message: String)
    /// Any other non-success status (bad key, bad request): retrying would not help.
    case rejected(status: Int, message: String)
    /// No HTTP exchange happened: refused, unresolvable, TLS failure, broken connection.
    case unreachable(String)
    /// The server answered 2xx with something that is not the expected JSON.
    case invalidResponse(String)
    case cancelled

    public var description: String {
        switch self {
        case .notConfigured(let reason): "LLM not configured: \(reason)"
        case .timedOut: "LLM request timed out"
        case .rateLimited(let wait): "LLM rate limited" + (wait.map { " (retry after \($0))" } ?? "")
        case .serverError(let status, let message): "LLM server error \(status): \(message)"
        case .rejected(let status, let message): "LLM request rejected with \(status): \(message)"
        case .unreachable(let reason): "LLM endpoint unreachable: \(reason)"
        case .invalidResponse(let reason): "LLM answer unusable: \(reason)"
        case .cancelled: "LLM request cancelled"
        }
    }

    /// How the cost log records a call that failed this way.
    public var outcome: CallOutcome {
        self == .timedOut ? .timeout : .error
    }

    /// Worth another attempt after a pause (rate limits, server errors, a refused connection).
    /// Timeouts are not retried: the user is already waiting for the whole timeout.
    var isRetryable: Bool {
        switch self {
        case .rateLimited, .serverError, .unreachable: true
        default: false
        }
    }
}
