import CalendarFetch
import Foundation

/// The user's own calendar: how often an imported one is fetched again, how far ahead it is expanded, and where
/// the feed of what the bot schedules is published.
public struct CalendarSettings: Sendable {
    /// Minutes between fetches of an imported calendar (conditional GET).
    public var refreshMinutes: Int
    /// Days ahead an imported calendar's occurrences are stored (the slot finder looks 7 ahead).
    public var horizonDays: Int
    /// Imported occurrences kept per user, so one huge calendar cannot fill the database.
    public var maxBusyBlocks: Int
    /// `<public_url>/ics/<token>.ics` is the feed address; nil when the bot serves no HTTP.
    public var feedBaseURL: String?
    /// Days of past events the feed keeps, and days ahead it shows.
    public var feedPastDays: Int
    public var feedFutureDays: Int
    public var fetcher: any CalendarFetching

    public init(refreshMinutes: Int = 60, horizonDays: Int = 60, maxBusyBlocks: Int = 5000, feedBaseURL: String? = nil,
                feedPastDays: Int = 30, feedFutureDays: Int = 180, fetcher: any CalendarFetching = CurlCalendarFetcher()) {
        self.refreshMinutes = refreshMinutes
        self.horizonDays = horizonDays
        self.maxBusyBlocks = maxBusyBlocks
        self.feedBaseURL = feedBaseURL
        self.feedPastDays = feedPastDays
        self.feedFutureDays = feedFutureDays
        self.fetcher = fetcher
    }
}
