import ArgumentParser
import CalendarFetch
import Conversation
import Foundation
import ICS
import SharedValues
import WebFace

/// `scheduler-bot bench-calendar`: fetch (libcurl over loopback), parse and expand a large seeded calendar, as
/// "calendar import" and each refresh do.
struct BenchCalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-calendar",
        abstract: "Time fetching, reading and expanding a seeded calendar of many events and recurring series.")

    @Option(help: "Events in the calendar, recurring series included.") var events = 2000
    @Option(help: "How many of them are recurring series.") var series = 100
    @Option(help: "Days of occurrences to expand (the import horizon).") var horizonDays = 60
    @Option(help: "Timed runs (the first, warm-up run is not counted).") var runs = 5
    @Option(help: "Random seed.") var seed: UInt64 = 7
    @Flag(help: "Print one JSON object.") var json = false
    @Option(help: "Also write the generated calendar to this file.") var writeCalendar: String?

    func validate() throws {
        guard events > 0, (0...events).contains(series), runs > 0 else { throw ValidationError("need events > 0, 0 <= series <= events, runs > 0") }
    }

    func run() async throws {
        let now = Date()
        let text = SeededCalendar(events: events, series: series, seed: seed).text(around: now)
        if let writeCalendar { try Data(text.utf8).write(to: URL(fileURLWithPath: writeCalendar)) }
        let listener = try WebListener(listen: "127.0.0.1:0", routes: WebRoutes(feeds: FixedFeed(body: text), health: { [] }, metrics: { [] }))
        let port = try await listener.start()
        let fetcher = CurlCalendarFetcher(settings: CalendarFetchSettings(maxBytes: 64 << 20, allowPrivateHosts: true))
        let url = try CalendarURL.parse("http://127.0.0.1:\(port)/ics/\(String(repeating: "b", count: 32)).ics")
        var fetch: [Double] = [], parse: [Double] = [], expand: [Double] = []
        var occurrences = 0
        let horizon = DateInterval(start: now, end: now.addingTimeInterval(Double(horizonDays) * 86_400))
        for run in 0...runs {
            let clock = ContinuousClock()
            var body = ""
            let fetched = try await clock.measure {
                guard case .fetched(let text, _, _) = try await fetcher.fetch(url, etag: nil, lastModified: nil) else { return }
                body = text
            }
            var calendar: ParsedCalendar?
            let parsed = try clock.measure { calendar = try CalendarReader.read(body) }
            guard let calendar else { throw ValidationError("the generated calendar did not parse") }
            let expanded = clock.measure {
                occurrences = CalendarExpander(calendar: calendar, floatingZone: TimeZone(identifier: "Europe/Berlin") ?? .gmt)
                    .busyOccurrences(in: horizon).count
            }
            guard run > 0 else { continue }
            fetch.append(fetched.milliseconds)
            parse.append(parsed.milliseconds)
            expand.append(expanded.milliseconds)
        }
        await listener.stop()
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        if json {
            printFlushed(#"{"events":\#(events),"series":\#(series),"bytes":\#(text.utf8.count),"occurrences":\#(occurrences),"fetch_ms":\#(median(fetch)),"parse_ms":\#(median(parse)),"expand_ms":\#(median(expand))}"#)
        } else {
            printFlushed("""
                calendar: \(events) events (\(series) recurring series), \(text.utf8.count / 1024) KiB; \(occurrences) busy occurrences in \(horizonDays) days
                median of \(runs) runs (max): fetch \(format(median(fetch))) ms (\(format(fetch.max() ?? 0))), parse \(format(median(parse))) ms (\(format(parse.max() ?? 0))), expand \(format(median(expand))) ms (\(format(expand.max() ?? 0)))
                """)
        }
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}

/// Serves one calendar for any token.
struct FixedFeed: CalendarFeedSource {
    let body: String
    func calendarFeed(token: String, now: Date?) async -> CalendarFeed? {
        CalendarFeed(body: body, etag: "\"bench\"", lastModified: Date(timeIntervalSince1970: 0))
    }
}

/// A calendar like an exported work calendar: single meetings over the past and next half year, and recurring
/// series (weekly, daily, monthly by weekday) with exceptions and moved occurrences.
struct SeededCalendar {
    let events: Int
    let series: Int
    let seed: UInt64

    func text(around now: Date) -> String {
        var random = SplitMix64(seed: seed)
        let zones = ["Europe/Berlin", "America/New_York", "Europe/London"]
        let today = CivilDate(dayNumber: Int(now.timeIntervalSince1970) / 86_400)
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//scheduler-bot//bench//EN"]
        func stamp(_ date: CivilDate, _ hour: Int, _ minute: Int) -> String {
            CalendarWriter.format(.floating(CivilDateTime(date: date, hour: hour, minute: minute)))
        }
        for index in 0..<events {
            let zone = zones[Int(random.next() % UInt64(zones.count))]
            let day = today.adding(days: Int(random.next() % 365) - 182)
            let hour = 8 + Int(random.next() % 10), minute = [0, 15, 30, 45][Int(random.next() % 4)]
            let length = [30, 45, 60, 90][Int(random.next() % 4)]
            let end = CivilDateTime(localSeconds: CivilDateTime(date: day, hour: hour, minute: minute).localSeconds + Int64(length * 60))
            lines += ["BEGIN:VEVENT", "UID:bench-\(index)@example.org", "DTSTAMP:20260101T000000Z", "SUMMARY:Meeting \(index)",
                      "DTSTART;TZID=\(zone):" + stamp(day, hour, minute), "DTEND;TZID=\(zone):" + CalendarWriter.format(.floating(end))]
            if index < series {
                let rules = ["FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
                             "FREQ=MONTHLY;BYDAY=1TH", "FREQ=WEEKLY;COUNT=30", "FREQ=MONTHLY;BYMONTHDAY=15"]
                lines.append("RRULE:" + rules[index % rules.count])
                lines.append("EXDATE;TZID=\(zone):" + stamp(day.adding(days: 7), hour, minute))
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
