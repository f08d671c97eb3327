import Foundation
import HTTP

/// Fetches calendars over libcurl: every hop's host resolved and vetted, the connection pinned to the vetted
/// addresses, redirects followed by hand (each one vetted again), size and time bounded.
public struct CurlCalendarFetcher: CalendarFetching {
    public let settings: CalendarFetchSettings
    private let client: CurlHTTPClient

    public init(settings: CalendarFetchSettings = CalendarFetchSettings()) {
        self.settings = settings
        client = CurlHTTPClient(maxResponseBytes: settings.maxBytes, userAgent: "scheduler-bot calendar import")
    }

    public func fetch(_ url: CalendarURL, etag: String?, lastModified: String?) async throws(CalendarFetchError) -> CalendarFetchResult {
        var current = url
        for _ in 0...settings.maxRedirects {
            let response = try await send(current, etag: etag, lastModified: lastModified)
            switch response.status {
            case 304:
                return .notModified
            case 200..<300:
                guard let body = String(bytes: response.body, encoding: .utf8) ?? String(bytes: response.body, encoding: .isoLatin1),
                      !response.body.contains(0) else { throw .notText }
                return .fetched(body: body, etag: response.headers["ETag"], lastModified: response.headers["Last-Modified"])
            case 301, 302, 303, 307, 308:
                guard let location = response.headers["Location"],
                      let next = URL(string: location, relativeTo: URL(string: current.text))?.absoluteString else {
                    throw .httpStatus(response.status)
                }
                current = try CalendarURL.parse(next)
            default:
                throw .httpStatus(response.status)
            }
        }
        throw .tooManyRedirects
    }

    private func send(_ url: CalendarURL, etag: String?, lastModified: String?) async throws(CalendarFetchError) -> HTTPResponse {
        let addresses = try AddressPolicy.resolve(url.host, port: url.port)
        if !settings.allowPrivateHosts, addresses.contains(where: { !AddressPolicy.isPublic($0) }) {
            throw .privateAddress(host: url.host)
        }
        var fields = [("Accept", "text/calendar, text/plain;q=0.5, */*;q=0.1")]
        if let etag { fields.append(("If-None-Match", etag)) }
        if let lastModified { fields.append(("If-Modified-Since", lastModified)) }
        var request = HTTPRequest(url: url.text, headers: HTTPHeaders(fields), timeout: settings.timeout,
                                  connectTimeout: min(settings.timeout, .seconds(10)), followRedirects: false)
        let pinnedHost = url.host.contains(":") ? "[\(url.host)]" : url.host
        request.pinnedAddresses = [pinnedHost + ":\(url.port):" + addresses.map { $0.contains(":") ? "[\($0)]" : $0 }.joined(separator: ",")]
        do {
            return try await client.send(request)
        } catch let error as HTTPClientError {
            throw map(error)
        } catch {
            throw .network("\(error)")
        }
    }

    private func map(_ error: HTTPClientError) -> CalendarFetchError {
        switch error {
        case .responseTooLarge: .tooLarge(limitBytes: settings.maxBytes)
        case .timedOut: .timedOut(seconds: Int(settings.timeout.components.seconds))
        case .cannotResolveHost: .network("the host could not be resolved")
        case .cannotConnect: .network("could not connect")
        case .tls: .network("the TLS handshake failed")
        default: .network("transfer failed")
        }
    }
}
