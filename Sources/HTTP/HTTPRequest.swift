/// One HTTP exchange to perform. Timeouts are per request so a 30 s Matrix long-poll and a
/// 2 s health check can share one client.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    public var url: String
    public var headers: HTTPHeaders
    public var body: [UInt8]?
    /// Whole-exchange limit, from connecting to the last body byte.
    public var timeout: Duration
    public var connectTimeout: Duration
    public var followRedirects: Bool
    /// `host:port:address` entries libcurl uses instead of resolving (CURLOPT_RESOLVE): a caller that vetted the
    /// addresses pins the connection to them, so a second lookup cannot lead elsewhere.
    public var pinnedAddresses: [String] = []

    public init(
        method: HTTPMethod = .get,
        url: String,
        headers: HTTPHeaders = [:],
        body: [UInt8]? = nil,
        timeout: Duration = .seconds(30),
        connectTimeout: Duration = .seconds(10),
        followRedirects: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.followRedirects = followRedirects
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so a tiny positive timeout never becomes "no timeout" (0 in libcurl).
    var wholeMillisecondsRoundedUp: Int {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(max(1, millis))
    }
}
