import CalendarFetch
import Conversation
import Foundation

extension App {
    /// `[calendar]` and `[http]` mapped onto the engine's calendar settings.
    func calendarSettings() -> CalendarSettings {
        let fetch = CalendarFetchSettings(maxBytes: config.integer("calendar", "max_kilobytes") * 1024,
                                          timeout: .seconds(config.integer("calendar", "timeout_seconds")),
                                          allowPrivateHosts: config.boolean("calendar", "allow_private_hosts"))
        return CalendarSettings(refreshMinutes: config.integer("calendar", "refresh_minutes"),
                                horizonDays: config.integer("calendar", "horizon_days"),
                                feedBaseURL: feedBaseURL, fetcher: CurlCalendarFetcher(settings: fetch))
    }

    /// `[http] public_url`, else `http://<listen>`; nil when the listener is off.
    var feedBaseURL: String? {
        let listen = config.string("http", "listen")
        guard !listen.isEmpty else { return nil }
        let configured = config.string("http", "public_url")
        return configured.isEmpty ? "http://" + listen : configured
    }
}
