import Foundation

/// The user's imported calendar (busy blocks and where they come from) and the private feed of what the bot
/// scheduled, inside the same transactions as everything else.
public protocol CalendarStoreSession {
    func calendarSource(of userID: String) throws -> CalendarSource?
    /// Replaces the user's source and its busy blocks in one go (a refresh or a new import).
    func replaceCalendar(_ source: CalendarSource, busy: [ImportedBusy]) throws
    /// Records a fetch that changed no blocks: not modified, or a failure kept in `lastError`.
    func updateCalendarSource(_ source: CalendarSource) throws
    /// "calendar import off": the source and every block it brought.
    func removeCalendar(of userID: String) throws
    /// Sources whose next fetch is due at `instant`, soonest first.
    func calendarSourcesDue(at instant: Date, limit: Int) throws -> [CalendarSource]
    /// Imported blocks of a user that meet the interval, by start.
    func importedBusy(of userID: String, overlapping interval: DateInterval) throws -> [ImportedBusy]

    /// The user's live feed token, if any.
    func feedToken(of userID: String) throws -> String?
    /// Revokes any live token of the user and makes `token` the live one.
    func issueFeedToken(_ token: String, for userID: String, at instant: Date) throws
    /// The user a live token belongs to (nil for unknown or revoked tokens).
    func feedUser(forToken token: String) throws -> String?
    /// The user's events around `interval` as the feed publishes them, with their revision.
    func feedEvents(of userID: String, overlapping interval: DateInterval) throws -> [FeedEventRow]
}

/// Where a user's busy times come from, and how the last fetch went.
public struct CalendarSource: Sendable, Equatable {
    public var userID: String
    public var url: String
    public var etag: String?
    public var lastModified: String?
    public var fetchedAt: Date?
    public var nextFetchAt: Date
    public var lastError: String?
    public var eventCount: Int
    public var seriesCount: Int
    public var failures: Int
    /// The calendar text last read.
    public var body: String?

    public init(userID: String, url: String, etag: String? = nil, lastModified: String? = nil, fetchedAt: Date? = nil,
                nextFetchAt: Date, lastError: String? = nil, eventCount: Int = 0, seriesCount: Int = 0, failures: Int = 0,
                body: String? = nil) {
        self.body = body
        self.userID = userID
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.fetchedAt = fetchedAt
        self.nextFetchAt = nextFetchAt
        self.lastError = lastError
        self.eventCount = eventCount
        self.seriesCount = seriesCount
        self.failures = failures
    }
}

/// One occurrence from the user's own calendar that holds their time.
public struct ImportedBusy: Sendable, Equatable {
    public var start: Date
    public var end: Date
    public var title: String

    public init(start: Date, end: Date, title: String) {
        self.start = start
        self.end = end
        self.title = title
    }
}

/// An event of the bot's as the feed publishes it.
public struct FeedEventRow: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var start: Date
    public var end: Date
    public var status: String
    /// Bumped by the database whenever start, end or status change.
    public var sequence: Int
    public var modifiedAt: Date

    public init(id: Int64, title: String, start: Date, end: Date, status: String, sequence: Int, modifiedAt: Date) {
        self.id = id
        self.title = title
        self.start = start
        self.end = end
        self.status = status
        self.sequence = sequence
        self.modifiedAt = modifiedAt
    }
}
