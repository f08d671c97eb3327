import Foundation
import HTTP
import SharedValues

/// The client-server API calls the bot makes, over any `HTTPClient`. Each call is one request;
/// retrying is `RetryingCaller`'s job. The access token travels only in the Authorization header,
/// never in a URL, so transport errors (which may quote URLs) cannot leak it.
public struct MatrixAPI: Sendable {
    public let homeserver: String
    let http: any HTTPClient
    var accessToken: String?
    /// Short calls (send, join); the long-poll gets its own, longer limit.
    var requestTimeout: Duration = .seconds(30)

    public init(homeserver: String, http: any HTTPClient, accessToken: String? = nil) {
        self.homeserver = homeserver.hasSuffix("/") ? String(homeserver.dropLast()) : homeserver
        self.http = http
        self.accessToken = accessToken
    }

    public func call(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: JSON? = nil,
                     timeout: Duration? = nil) async throws -> JSON {
        var headers: HTTPHeaders = ["Accept": "application/json"]
        if let accessToken { headers.add(name: "Authorization", value: "Bearer \(accessToken)") }
        if body != nil { headers.add(name: "Content-Type", value: "application/json") }
        let request = HTTPRequest(method: method, url: homeserver + path + Self.queryString(query), headers: headers,
                                  body: body?.bytes, timeout: timeout ?? requestTimeout)
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch HTTPClientError.cancelled {
            throw CancellationError()
        } catch let error as HTTPClientError {
            throw MatrixError.unavailable(detail: error.description)
        }
        return try Self.interpret(response)
    }

    /// Maps a response to its JSON body or to the `MatrixError` that says what to do next.
    static func interpret(_ response: HTTPResponse) throws -> JSON {
        let json = try? JSON.parse(response.body)
        let errcode = json?["errcode"]?.string ?? ""
        let message = String((json?["error"]?.string ?? response.text).prefix(300))
        if response.isSuccess {
            guard let json else { throw MatrixError.malformedResponse("a \(response.status) answer that is not JSON") }
            return json
        }
        if response.status == 401 || errcode == "M_UNKNOWN_TOKEN" || errcode == "M_MISSING_TOKEN" {
            throw MatrixError.unauthorized(errcode: errcode.isEmpty ? "HTTP \(response.status)" : errcode, message: message)
        }
        if response.status == 429 || errcode == "M_LIMIT_EXCEEDED" {
            let fromBody = json?["retry_after_ms"]?.int.map { Duration.milliseconds($0) }
            throw MatrixError.rateLimited(retryAfter: fromBody ?? response.retryAfter())
        }
        if response.status >= 500 { throw MatrixError.unavailable(detail: "HTTP \(response.status) \(errcode)") }
        throw MatrixError.rejected(status: response.status, errcode: errcode, message: message)
    }

    static func queryString(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { "\(pathEscape($0.0))=\(pathEscape($0.1))" }.joined(separator: "&")
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters (room ids contain `!` and `:`).
    public static func pathEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
