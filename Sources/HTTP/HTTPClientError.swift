/// Why an exchange produced no response. HTTP error statuses are not errors here: they are
/// responses, and the caller decides what a 429 or a 500 means.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL(String)
    /// A header name or value holds a control character (would allow header injection).
    case invalidHeader(name: String)
    case cannotResolveHost(detail: String)
    case cannotConnect(detail: String)
    case timedOut(detail: String)
    /// The body exceeded the client's cap; the transfer was stopped there.
    case responseTooLarge(limit: Int)
    case tls(detail: String)
    case cancelled
    /// The connection broke or the server answered something that is not HTTP.
    case transport(code: Int, detail: String)

    public var description: String {
        switch self {
        case .invalidURL(let url): "invalid URL: \(url)"
        case .invalidHeader(let name): "header \(name) contains a control character"
        case .cannotResolveHost(let detail): "cannot resolve host: \(detail)"
        case .cannotConnect(let detail): "cannot connect: \(detail)"
        case .timedOut(let detail): "timed out: \(detail)"
        case .responseTooLarge(let limit): "response body larger than \(limit) bytes"
        case .tls(let detail): "TLS failure: \(detail)"
        case .cancelled: "request cancelled"
        case .transport(let code, let detail): "transport error (curl \(code)): \(detail)"
        }
    }
}
