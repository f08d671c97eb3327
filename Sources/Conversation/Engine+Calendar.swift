import SharedValues
import CalendarFetch
import Coaching
import Foundation
import ICS
import Language
import SchedulerCore
import StoreProtocols

/// What fetching and reading a calendar came to, decided before the message's transaction opens (the fetch is
/// network I/O and must not hold the database).
enum CalendarImport: Sendable {
    case read(url: CalendarURL, body: String, calendar: ParsedCalendar, etag: String?, lastModified: String?)
    case failed(CalendarImportProblem)
}

/// The published feed of one user's events, as the HTTP listener serves it.
public struct CalendarFeed: Sendable, Equatable {
    public var body: String
    public var etag: String
    public var lastModified: Date

    public init(body: String, etag: String, lastModified: Date) {
        self.body = body
        self.etag = etag
        self.lastModified = lastModified
    }
}

extension Engine {
    /// Fetches and reads the calendar a "calendar import <url>" names; nil for any other message.
    func prefetchCalendar(for text: MessageText) async -> CalendarImport? {
        guard case .importURL(let raw)? = CalendarCommand.parse(text.value), !raw.isEmpty else { return nil }
        let url: CalendarURL
        do { url = try CalendarURL.parse(raw) } catch { return .failed(.badAddress(error)) }
        let started = ContinuousClock.now
        do {
            let result = try await settings.calendar.fetcher.fetch(url, etag: nil, lastModified: nil)
            guard case .fetched(let body, let etag, let lastModified) = result else { return .failed(.noCalendarSent) }
            let calendar = try CalendarReader.read(body)
            metrics.calendarFetch(failed: false, seconds: started.duration(to: .now))
            return .read(url: url, body: body, calendar: calendar, etag: etag, lastModified: lastModified)
        } catch let error as CalendarFetchError {
            metrics.calendarFetch(failed: true, seconds: started.duration(to: .now))
            return .failed(.fetchFailed(url, error))
        } catch let error as CalendarParseError {
            metrics.calendarFetch(failed: true, seconds: started.duration(to: .now))
            return .failed(.unreadable(url, error))
        } catch {
            return .failed(.failed(url))
        }
    }

    func calendarCommand(_ command: CalendarCommand, fetched: CalendarImport?, _ turn: inout Turn) throws -> CalendarOutcome {
        turn.intent = .calendar
        switch command {
        case .importURL(let raw) where raw.isEmpty:
            return .addressMissing
        case .importURL:
            switch fetched {
            case .read(let url, let body, let calendar, let etag, let lastModified):
                let blocks = busyBlocks(from: calendar, zone: turn.user.timeZone, now: turn.now)
                let source = CalendarSource(userID: turn.user.id, url: url.text, etag: etag, lastModified: lastModified, fetchedAt: turn.now,
                                            nextFetchAt: turn.now.addingTimeInterval(Double(settings.calendar.refreshMinutes) * 60),
                                            eventCount: calendar.masterEvents.count, seriesCount: calendar.recurringSeriesCount, body: body)
                try turn.session.replaceCalendar(source, busy: blocks)
                return .imported(CalendarImportSummary(events: calendar.masterEvents.count, recurringSeries: calendar.recurringSeriesCount,
                                                       busyTimes: blocks.count, horizonDays: settings.calendar.horizonDays,
                                                       refreshMinutes: settings.calendar.refreshMinutes,
                                                       unsupportedParts: calendar.unsupported.keys.sorted()))
            case .failed(let problem):
                return .importFailed(problem)
            case nil:
                return .importFailed(.notFetched)
            }
        case .importOff:
            guard try turn.session.calendarSource(of: turn.user.id) != nil else { return .nothingToRemove }
            try turn.session.removeCalendar(of: turn.user.id)
            return .removed
        case .status:
            return try turn.session.calendarSource(of: turn.user.id).map(CalendarOutcome.status) ?? .noCalendar
        case .feed:
            return try feedAddress(reset: false, turn)
        case .feedReset:
            return try feedAddress(reset: true, turn)
        }
    }

    private func feedAddress(reset: Bool, _ turn: Turn) throws -> CalendarOutcome {
        guard let base = settings.calendar.feedBaseURL else { return .feedsOff }
        // Anyone holding the address reads the schedule: never hand it out where others read along.
        if turn.message.network == .irc, let room = turn.message.roomID, let first = room.first, "#&+!".contains(first) {
            return .feedOnlyInPrivate
        }
        var token = try turn.session.feedToken(of: turn.user.id)
        if token == nil || reset {
            let fresh = FeedToken.make()
            try turn.session.issueFeedToken(fresh, for: turn.user.id, at: turn.now)
            token = fresh
        }
        return .feed(address: base.trimmingCharacters(in: ["/"]) + "/ics/\(token ?? "").ics", renewed: reset)
    }

    /// The busy occurrences of a read calendar from a day back to the horizon, as rows for the store.
    func busyBlocks(from calendar: ParsedCalendar, zone: TimeZone, now: Date) -> [ImportedBusy] {
        let window = DateInterval(start: now.addingTimeInterval(-86_400), end: now.addingTimeInterval(Double(settings.calendar.horizonDays) * 86_400))
        return CalendarExpander(calendar: calendar, floatingZone: zone).busyOccurrences(in: window)
            .prefix(settings.calendar.maxBusyBlocks)
            .map { ImportedBusy(start: $0.start, end: max($0.end, $0.start), title: $0.title.isEmpty ? "busy" : $0.title) }
    }

    // MARK: Refresh

    /// Fetches every imported calendar that is due (conditional GET), outside any transaction, then stores what
    /// changed. A failed refresh keeps the old busy times and backs off.
    func refreshCalendars(now: Date) async {
        guard let due = try? store.read({ try $0.calendarSourcesDue(at: now, limit: 32) }) else { return }
        // Ticks of several networks may overlap: a calendar already being fetched is left to that fetch.
        let fresh = due.filter { !refreshing.contains($0.userID) }
        guard !fresh.isEmpty else { return }
        refreshing.formUnion(fresh.map(\.userID))
        defer { refreshing.subtract(fresh.map(\.userID)) }
        // Fetched side by side, so a tick waits for the slowest server rather than the sum of them.
        let fetcher = settings.calendar.fetcher, metrics = self.metrics
        let outcomes = await withTaskGroup(of: (CalendarSource, Refetch).self) { group in
            for source in fresh { group.addTask { (source, await Engine.refetch(source, fetcher: fetcher, metrics: metrics)) } }
            var results: [(CalendarSource, Refetch)] = []
            for await result in group { results.append(result) }
            return results
        }
        for (source, outcome) in outcomes {
            do {
                try store.write { session in
                    guard let current = try session.calendarSource(of: source.userID), current.url == source.url,
                          let user = try session.user(source.userID) else { return }
                    try apply(outcome, to: current, zone: user.timeZone, now: now, session)
                }
            } catch {
                logger.error("could not store a calendar refresh", metadata: ["error": "\(error)"])
            }
        }
    }

    private enum Refetch: Sendable {
        case unchanged
        case read(body: String, calendar: ParsedCalendar, etag: String?, lastModified: String?)
        case failed(String)
    }

    private static func refetch(_ source: CalendarSource, fetcher: any CalendarFetching, metrics: EngineMetrics) async -> Refetch {
        let started = ContinuousClock.now
        do {
            let url = try CalendarURL.parse(source.url)
            let hasBody = source.body != nil
            let result = try await fetcher.fetch(url, etag: hasBody ? source.etag : nil, lastModified: hasBody ? source.lastModified : nil)
            metrics.calendarFetch(failed: false, seconds: started.duration(to: .now))
            switch result {
            case .notModified: return .unchanged
            case .fetched(let body, let etag, let lastModified):
                return .read(body: body, calendar: try CalendarReader.read(body), etag: etag, lastModified: lastModified)
            }
        } catch let error as CalendarParseError {
            metrics.calendarFetch(failed: true, seconds: started.duration(to: .now))
            return .failed("the calendar no longer parses (\(error))")
        } catch {
            metrics.calendarFetch(failed: true, seconds: started.duration(to: .now))
            return .failed("\(error)")
        }
    }

    private func apply(_ outcome: Refetch, to source: CalendarSource, zone: TimeZone, now: Date, _ session: any StoreSession) throws {
        var next = source
        next.nextFetchAt = now.addingTimeInterval(Double(settings.calendar.refreshMinutes) * 60)
        switch outcome {
        case .unchanged:
            next.lastError = nil
            next.failures = 0
            // The horizon moves on even when the calendar does not.
            guard let body = source.body, let calendar = try? CalendarReader.read(body) else { return try session.updateCalendarSource(next) }
            try session.replaceCalendar(next, busy: busyBlocks(from: calendar, zone: zone, now: now))
        case .read(let body, let calendar, let etag, let lastModified):
            next.body = body
            next.etag = etag
            next.lastModified = lastModified
            next.fetchedAt = now
            next.lastError = nil
            next.failures = 0
            next.eventCount = calendar.masterEvents.count
            next.seriesCount = calendar.recurringSeriesCount
            try session.replaceCalendar(next, busy: busyBlocks(from: calendar, zone: zone, now: now))
        case .failed(let reason):
            next.lastError = reason
            next.failures = source.failures + 1
            // Back off up to six refresh periods while the server keeps failing.
            next.nextFetchAt = now.addingTimeInterval(Double(settings.calendar.refreshMinutes * min(6, next.failures + 1)) * 60)
            try session.updateCalendarSource(next)
        }
    }

    // MARK: Feed

    /// The feed a token opens, or nil when the token is unknown or revoked (the listener answers 404 either way).
    /// `now` nil: the clock of the latest message or tick (replay drives a scripted clock).
    public func calendarFeed(token: String, now: Date?) async -> CalendarFeed? {
        guard FeedToken.isWellFormed(token) else { return nil }
        let now = now ?? latestClock ?? Date()
        let found: (UserProfile, [FeedEventRow])? = try? store.read { session in
            guard let userID = try session.feedUser(forToken: token), let user = try session.user(userID) else { return nil }
            let window = DateInterval(start: now.addingTimeInterval(-Double(settings.calendar.feedPastDays) * 86_400),
                                      end: now.addingTimeInterval(Double(settings.calendar.feedFutureDays) * 86_400))
            return (user, try session.feedEvents(of: userID, overlapping: window))
        }
        guard let (user, rows) = found else { return nil }
        let events = rows.map { row in
            FeedEvent(uid: "event-\(row.id)@scheduler-bot", title: row.title, start: row.start, end: row.end, sequence: row.sequence,
                      isCancelled: row.status == Event.Status.cancelled.rawValue, lastModified: row.modifiedAt,
                      description: row.status == Event.Status.done.rawValue ? "Done" : row.status == Event.Status.skipped.rawValue ? "Skipped" : nil)
        }
        let lastModified = rows.map(\.modifiedAt).max() ?? Date(timeIntervalSince1970: 0)
        let body = CalendarWriter(name: "scheduler-bot", timeZone: user.timeZone).document(events, stamp: lastModified)
        return CalendarFeed(body: body, etag: "\"" + StableHash.hex(body) + "\"", lastModified: lastModified)
    }
}

/// Feed tokens: 192 random bits, URL-safe, so an address cannot be guessed or enumerated.
enum FeedToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<24).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.count == 32 && token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
