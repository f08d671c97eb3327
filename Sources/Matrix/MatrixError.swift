/// Why a Matrix call failed, sorted by what the caller should do about it.
public enum MatrixError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 401 or M_UNKNOWN_TOKEN: retrying cannot help; the operator must fix the token.
    case unauthorized(errcode: String, message: String)
    /// 429: wait this long (from `retry_after_ms` or `Retry-After`), or back off when the server said nothing.
    case rateLimited(retryAfter: Duration?)
    /// 5xx, or no answer at all: worth retrying with backoff.
    case unavailable(detail: String)
    /// Any other 4xx: the request itself is wrong (not in the room, bad event); retrying repeats it.
    case rejected(status: Int, errcode: String, message: String)
    case malformedResponse(String)

    public var description: String {
        switch self {
        case .unauthorized(let errcode, let message):
            "the homeserver rejected the access token (\(errcode): \(message)); set a valid [matrix] access_token or password"
        case .rateLimited(let wait): "rate limited by the homeserver (retry after \(wait.map { "\($0)" } ?? "unknown"))"
        case .unavailable(let detail): "homeserver unavailable: \(detail)"
        case .rejected(let status, let errcode, let message): "request rejected (\(status) \(errcode)): \(message)"
        case .malformedResponse(let detail): "unexpected answer from the homeserver: \(detail)"
        }
    }

    var isUnauthorized: Bool {
        if case .unauthorized = self { return true }
        return false
    }

    var isRetryable: Bool {
        switch self {
        case .rateLimited, .unavailable: true
        case .unauthorized, .rejected, .malformedResponse: false
        }
    }
}
