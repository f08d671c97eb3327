import Foundation

/// Fetches a user's published calendar. A protocol so the engine never sees transport.
public protocol CalendarFetching: Sendable {
    /// A conditional GET when `etag` or `lastModified` is known.
    func fetch(_ url: CalendarURL, etag: String?, lastModified: String?) async throws(CalendarFetchError) -> CalendarFetchResult
}

public enum CalendarFetchResult: Sendable, Equatable {
    case notModified
    case fetched(body: String, etag: String?, lastModified: String?)
}

public struct CalendarFetchSettings: Sendable {
    /// Larger files are refused: a calendar of years of events is a few MiB.
    public var maxBytes: Int
    public var timeout: Duration
    /// Hosts resolving to loopback or private ranges are refused unless an admin allows them (self-hosted CalDAV).
    public var allowPrivateHosts: Bool
    public var maxRedirects: Int

    public init(maxBytes: Int = 5 << 20, timeout: Duration = .seconds(20), allowPrivateHosts: Bool = false, maxRedirects: Int = 5) {
        self.maxBytes = maxBytes
        self.timeout = timeout
        self.allowPrivateHosts = allowPrivateHosts
        self.maxRedirects = maxRedirects
    }
}

/// Why a calendar could not be fetched, worded for the user (no secret part of the URL is ever repeated).
public enum CalendarFetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case notHTTP(scheme: String)
    case malformedURL
    case privateAddress(host: String)
    case cannotResolve(host: String)
    case tooLarge(limitBytes: Int)
    case timedOut(seconds: Int)
    case httpStatus(Int)
    case tooManyRedirects
    case notText
    case network(String)

    public var description: String {
        switch self {
        case .notHTTP(let scheme): "that is a \(scheme): link; I can only read http or https calendar addresses"
        case .malformedURL: "that does not look like a web address (try the https link your calendar app shows under \"secret address in iCal format\")"
        case .privateAddress(let host): "\(host) is a loopback or private network address, which I do not fetch"
        case .cannotResolve(let host): "I could not find the host \(host)"
        case .tooLarge(let limit): "the calendar is larger than \(limit / (1 << 20)) MiB, the most I read"
        case .timedOut(let seconds): "the server did not answer within \(seconds) seconds"
        case .httpStatus(let status): "the server answered HTTP \(status)" + (status == 401 || status == 403 || status == 404 ? " (is the link still valid and public?)" : "")
        case .tooManyRedirects: "the address redirects too many times"
        case .notText: "the answer is not text, so it cannot be a calendar"
        case .network(let detail): "the connection failed (\(detail))"
        }
    }
}

/// A validated calendar address: http(s) only, `webcal:` read as https (what calendar apps hand out).
public struct CalendarURL: Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let scheme: String
    public let host: String
    public let port: Int

    public static func parse(_ raw: String) throws(CalendarFetchError) -> CalendarURL {
        var candidate = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(["<", ">"]))
        if candidate.lowercased().hasPrefix("webcal://") { candidate = "https://" + candidate.dropFirst("webcal://".count) }
        guard let components = URLComponents(string: candidate), let scheme = components.scheme?.lowercased() else {
            throw .malformedURL
        }
        guard scheme == "http" || scheme == "https" else { throw .notHTTP(scheme: scheme) }
        guard let host = components.host, !host.isEmpty else { throw .malformedURL }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65535).contains(port) else { throw .malformedURL }
        return CalendarURL(text: candidate, scheme: scheme, host: host.trimmingCharacters(in: ["[", "]"]), port: port)
    }

    /// Scheme, host and path without the query, which often holds the calendar's secret.
    public var description: String {
        guard var components = URLComponents(string: text) else { return "\(scheme)://\(host)" }
        components.query = nil
        components.user = nil
        components.password = nil
        return components.string ?? "\(scheme)://\(host)"
    }
}
