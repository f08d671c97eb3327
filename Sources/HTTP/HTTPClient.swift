/// Sends HTTP requests. A protocol so adapters and providers can be tested against fakes
/// as well as against a real loopback server through `CurlHTTPClient`.
public protocol HTTPClient: Sendable {
    /// Performs `request`; throws `HTTPClientError` when no response arrives. Cancelling the
    /// calling task stops the transfer and throws `HTTPClientError.cancelled`.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
