import Conversation
import Foundation

/// The listener's answers, independent of the server library so they can be checked in-process.
public struct WebRoutes: Sendable {
    public struct Answer: Sendable, Equatable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]

        public static func == (a: Answer, b: Answer) -> Bool {
            a.status == b.status && a.body == b.body && a.headers.map { "\($0.0):\($0.1)" } == b.headers.map { "\($0.0):\($0.1)" }
        }

        public func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    /// Reasons the bot is not ready (empty: healthy): the store and every configured network.
    public typealias HealthCheck = @Sendable () async -> [String]
    /// Prometheus text of every metric the process collects.
    public typealias MetricsText = @Sendable () -> [UInt8]

    let feeds: any CalendarFeedSource
    let health: HealthCheck
    let metrics: MetricsText
    /// Nil: the feed source's own clock (replay's scripted one).
    let clock: @Sendable () -> Date?

    public init(feeds: any CalendarFeedSource, health: @escaping HealthCheck, metrics: @escaping MetricsText,
                clock: @escaping @Sendable () -> Date? = { Date() }) {
        self.feeds = feeds
        self.health = health
        self.metrics = metrics
        self.clock = clock
    }

    public func answer(method: String, path: String, headers: [String: String]) async -> Answer {
        let method = method.uppercased()
        guard method == "GET" || method == "HEAD" else {
            return Answer(status: 405, headers: [("Allow", "GET, HEAD"), ("Content-Type", "text/plain; charset=utf-8")], body: Array("method not allowed\n".utf8))
        }
        let answer: Answer
        switch path {
        case "/healthz": answer = await healthz()
        case "/metrics": answer = Answer(status: 200, headers: [("Content-Type", "text/plain; version=0.0.4; charset=utf-8")], body: metrics())
        default:
            if path.hasPrefix("/ics/"), path.hasSuffix(".ics") {
                answer = await feed(token: String(path.dropFirst("/ics/".count).dropLast(".ics".count)), headers: headers)
            } else {
                answer = WebRoutes.notFound
            }
        }
        return method == "HEAD" ? Answer(status: answer.status, headers: answer.headers, body: []) : answer
    }

    static let notFound = Answer(status: 404, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("not found\n".utf8))

    private func healthz() async -> Answer {
        let problems = await health()
        let text = problems.isEmpty ? "ok\n" : "unavailable: " + problems.joined(separator: "; ") + "\n"
        return Answer(status: problems.isEmpty ? 200 : 503, headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")],
                      body: Array(text.utf8))
    }

    /// A wrong, revoked or malformed token is the same 404 as any unknown path, so nothing about tokens leaks.
    private func feed(token: String, headers: [String: String]) async -> Answer {
        guard let feed = await feeds.calendarFeed(token: token, now: clock()) else { return WebRoutes.notFound }
        let lastModified = HTTPDate.format(feed.lastModified)
        var fields = [("ETag", feed.etag), ("Last-Modified", lastModified), ("Cache-Control", "private, max-age=300"),
                      ("X-Robots-Tag", "noindex")]
        if let tags = headers["if-none-match"] {
            if tags.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }).contains(where: { $0 == feed.etag || $0 == "*" || $0 == "W/" + feed.etag }) {
                return Answer(status: 304, headers: fields, body: [])
            }
        } else if let since = headers["if-modified-since"].flatMap(HTTPDate.parse), Int(feed.lastModified.timeIntervalSince1970) <= Int(since.timeIntervalSince1970) {
            return Answer(status: 304, headers: fields, body: [])
        }
        fields.insert(("Content-Type", "text/calendar; charset=utf-8"), at: 0)
        return Answer(status: 200, headers: fields, body: Array(feed.body.utf8))
    }
}

/// Where feeds come from: the engine.
public protocol CalendarFeedSource: Sendable {
    func calendarFeed(token: String, now: Date?) async -> CalendarFeed?
}

extension Engine: CalendarFeedSource {}

/// IMF-fixdate (RFC 9110 §5.6.7), always in GMT.
enum HTTPDate {
    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }
}
