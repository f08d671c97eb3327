import CalendarFetch
import Foundation
import LLM
import StoreProtocols

// The words for calendar imports, feeds and the admin commands.
extension Phrasebook {
    func replies(_ outcome: CalendarOutcome) -> [Reply] {
        [Reply(text(outcome))]
    }

    private func text(_ outcome: CalendarOutcome) -> String {
        switch outcome {
        case .addressMissing:
            "Which calendar? Give its address, e.g. calendar import https://calendar.example.com/secret/basic.ics "
                + "(Google: Settings → your calendar → \"Secret address in iCal format\")."
        case .imported(let summary): text(summary)
        case .importFailed(let problem): text(problem)
        case .nothingToRemove: "No calendar is imported, so there is nothing to remove."
        case .removed: "Done: your imported calendar and its busy times are removed. I'll schedule as if that time were free."
        case .noCalendar:
            "No calendar imported. Try: calendar import https://… (your calendar's secret iCal address). For a feed of what I schedule: calendar feed"
        case .status(let source): status(source)
        case .feedsOff: "This bot does not publish calendar feeds (its web listener is off: [http] listen in bot.conf)."
        case .feedOnlyInPrivate: "Your feed address is private, so I only give it in a private message: /msg me calendar feed"
        case .feed(let address, let renewed):
            "\(renewed ? "Your old feed address no longer works. The new one" : "Your private calendar feed"): \(address) — subscribe to it in "
                + "Google Calendar (Other calendars → From URL), Apple Calendar or Thunderbird. Anyone with the link sees your schedule; "
                + "\"calendar feed reset\" replaces it."
        }
    }

    private func text(_ summary: CalendarImportSummary) -> String {
        let events = summary.events, blocks = summary.busyTimes
        var text = "Imported your calendar: \(events) event\(events == 1 ? "" : "s"), \(summary.recurringSeries) of them recurring series. "
        text += "\(blocks) busy time\(blocks == 1 ? "" : "s") in the next \(summary.horizonDays) days are now off limits, "
        text += "and I'll check for changes every \(TimeFormat.duration(summary.refreshMinutes))."
        if !summary.unsupportedParts.isEmpty {
            text += " (Some repeat rules use parts I don't expand (\(summary.unsupportedParts.joined(separator: ", "))); for those I block only the first time.)"
        }
        return text
    }

    private func text(_ problem: CalendarImportProblem) -> String {
        switch problem {
        case .badAddress(let error): "I can't import that: \(error)."
        case .noCalendarSent: "The server sent no calendar."
        case .fetchFailed(let url, let error): "I couldn't import \(url): \(error). Nothing was changed."
        case .unreadable(let url, let error): "\(url) is not a calendar I can read (\(error)). Nothing was changed."
        case .failed(let url): "I couldn't import \(url). Nothing was changed."
        case .notFetched: "I couldn't fetch that calendar. Nothing was changed."
        }
    }

    private func status(_ source: CalendarSource) -> String {
        var text = "Importing \(Phrasebook.describe(calendarAddress: source.url)): \(source.eventCount) events, \(source.seriesCount) recurring series"
        if let fetched = source.fetchedAt { text += ", last read \(format.dayAndClock(fetched))" }
        text += "."
        if let error = source.lastError { text += " The last refresh failed: \(error); I keep the busy times I had." }
        return text
    }

    /// A stored address without its secret query, or "your calendar" when it no longer parses.
    static func describe(calendarAddress stored: String) -> String {
        (try? CalendarURL.parse(stored))?.description ?? "your calendar"
    }

    // MARK: Admin

    func replies(_ outcome: AdminOutcome) -> [Reply] {
        switch outcome {
        case .notAdmin(let command): [Reply("\(command) is an admin command. Admins are listed in bot.conf.")]
        case .reloaded(let reload): [Reply(text(reload))]
        case .noCalls(let since): [Reply("No LLM calls since \(Phrasebook.utc.day(since)) (UTC).")]
        case .costs(let days, let report):
            [Reply((days == 1 ? "LLM costs today (UTC):\n" : "LLM costs, last \(days) days (UTC):\n") + report.renderTable(), isPreformatted: true)]
        }
    }

    private func text(_ reload: PromptReload) -> String {
        switch reload {
        case .fixed: "These prompts are fixed in code; nothing to reload."
        case .reloaded(let patterns, let routes, let examples): "Reloaded \(patterns) and \(routes)/ (\(examples) examples)."
        case .problems(let problems):
            "Reloaded, with problems (the previous version stays in force for those files):\n" + problems.joined(separator: "\n")
        }
    }

    /// Cost reports count UTC days, as the cost log does.
    private static var utc: TimeFormat { TimeFormat(timeZone: TimeZone(identifier: "UTC") ?? .current) }
}
