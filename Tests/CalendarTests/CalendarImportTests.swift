import CalendarFetch
import Conversation
import Foundation
import Language
import SchedulerCore
import Storage
import Testing

/// An engine whose calendar fetcher may reach loopback (the peers run there), on a private database.
struct CalendarHarness {
    let store: SQLiteStore
    let engine: Engine
    let user = "@alice:example.org"
    let week = LocalWeek(timeZone: TimeZone(identifier: "UTC")!)

    init(allowPrivateHosts: Bool = true, maxBytes: Int = 1 << 20, timeout: Duration = .seconds(2), feedBaseURL: String? = nil) throws {
        store = try SQLiteStore()
        var settings = EngineSettings()
        settings.calendar = CalendarSettings(refreshMinutes: 60, feedBaseURL: feedBaseURL,
                                             fetcher: CurlCalendarFetcher(settings: CalendarFetchSettings(maxBytes: maxBytes, timeout: timeout,
                                                                                                          allowPrivateHosts: allowPrivateHosts)))
        engine = Engine(store: store, settings: settings)
        var profile = UserProfile(id: user, createdAt: Date(timeIntervalSince1970: 0))
        profile.onboarding = .done
        try store.write { [profile] in try $0.save(profile) }
    }

    /// 2026-11-`day` at hh:mm UTC; 23 Nov 2026 is a Monday.
    func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        week.calendar.date(from: DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute))!
    }

    func say(_ text: String, at date: Date, as who: String? = nil) async -> Response {
        await engine.handle(InboundMessage(network: .matrix, userID: who ?? user, roomID: "!room", text: text, receivedAt: date))
    }

    func busy(_ who: String? = nil) throws -> [ImportedBusy] {
        let all = DateInterval(start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 4_000_000_000))
        return try store.read { try $0.importedBusy(of: who ?? user, overlapping: all) }
    }

    func scheduled() throws -> [Event] {
        let all = DateInterval(start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 4_000_000_000))
        return try store.read { try $0.events(of: user, overlapping: all, statuses: [.scheduled]) }
    }
}

func weeklyMeeting(uid: String = "team-meeting", start: String, end: String, sequence: Int = 0) -> String {
    """
    BEGIN:VCALENDAR\r
    VERSION:2.0\r
    PRODID:-//test//EN\r
    BEGIN:VEVENT\r
    UID:\(uid)\r
    DTSTAMP:20261101T000000Z\r
    SEQUENCE:\(sequence)\r
    DTSTART;TZID=Europe/London:\(start)\r
    DTEND;TZID=Europe/London:\(end)\r
    RRULE:FREQ=WEEKLY;BYDAY=TU\r
    SUMMARY:Team meeting\r
    END:VEVENT\r
    END:VCALENDAR\r

    """
}

func overlaps(_ event: Event, _ start: Date, _ end: Date) -> Bool { event.start < end && event.end > start }

@Suite(.serialized) struct RadicaleImportTests {
    @Test func deepWorkNeverLandsOnTheMeetingAndAMoveIsPickedUpAtTheNextRefresh() async throws {
        let peers = try LoopbackPeers.running()
        let calendar = try await peers.makeCalendar(user: "alice", name: "work-\(UUID().uuidString.prefix(8))")
        try await peers.put(weeklyMeeting(start: "20261117T080000", end: "20261117T120000"), at: calendar + "team-meeting.ics")

        // Without the calendar, tomorrow's best two hours are inside the meeting: the test can fail.
        let blind = try CalendarHarness()
        _ = await blind.say("schedule deep work tomorrow for 2h", at: blind.at(23, 7))
        let blindEvent = try #require(try blind.scheduled().first)
        #expect(overlaps(blindEvent, blind.at(24, 8), blind.at(24, 12)))

        let h = try CalendarHarness()
        let imported = await h.say("calendar import \(calendar)", at: h.at(23, 7))
        #expect(imported.intent == .calendar)
        #expect(imported.replies.first?.text.contains("1 event, 1 of them recurring series") == true, "\(imported.replies)")
        let tuesday = try #require(try h.busy().first { $0.start == h.at(24, 8) })
        #expect(tuesday.end == h.at(24, 12))

        _ = await h.say("schedule deep work tomorrow for 2h", at: h.at(23, 7))
        let deep = try #require(try h.scheduled().first)
        #expect(!overlaps(deep, h.at(24, 8), h.at(24, 12)), "deep work at \(deep.start)")
        let agenda = await h.say("tomorrow", at: h.at(23, 7, 5))
        #expect(agenda.replies.first?.text.contains("Team meeting (from your calendar)") == true, "\(agenda.replies)")

        // The meeting moves to the afternoon on the server; the hourly refresh sees it.
        try await peers.put(weeklyMeeting(start: "20261117T130000", end: "20261117T170000", sequence: 1), at: calendar + "team-meeting.ics")
        _ = await h.engine.tick(.matrix, now: h.at(23, 7, 30))
        #expect(try h.busy().contains { $0.start == h.at(24, 8) }, "not refreshed before refresh_minutes")
        _ = await h.engine.tick(.matrix, now: h.at(23, 8, 1))
        let moved = try h.busy().filter { h.week.calendar.isDate($0.start, inSameDayAs: h.at(24, 0)) }
        #expect(moved.map(\.start) == [h.at(24, 13)])
        _ = await h.say("schedule review tomorrow for 2h", at: h.at(23, 8, 5))
        let review = try #require(try h.scheduled().first { $0.title.lowercased().contains("review") })
        #expect(!overlaps(review, h.at(24, 13), h.at(24, 17)), "review at \(review.start)")

        let off = await h.say("calendar import off", at: h.at(23, 9))
        #expect(off.replies.first?.text.contains("removed") == true)
        #expect(try h.busy().isEmpty)
    }
}

@Suite(.serialized) struct ImportInputTests {
    func importedAlready(_ h: CalendarHarness, _ peers: LoopbackPeers, name: String) async throws -> [ImportedBusy] {
        try await peers.put(weeklyMeeting(start: "20261117T080000", end: "20261117T090000"), at: "\(peers.quirks)/files/\(name)")
        _ = await h.say("calendar import \(peers.quirks)/files/\(name)", at: h.at(23, 7))
        let before = try h.busy()
        #expect(!before.isEmpty)
        return before
    }

    @Test func badInputIsNamedAndChangesNothing() async throws {
        let peers = try LoopbackPeers.running()
        let h = try CalendarHarness(maxBytes: 1 << 20, timeout: .seconds(1))
        let before = try await importedAlready(h, peers, name: "good-\(UUID().uuidString.prefix(6))")
        try await peers.put("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:tomorrow\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                            at: "\(peers.quirks)/files/broken.ics")
        let cases: [(String, String)] = [
            ("ftp://example.org/cal.ics", "only read http or https"),
            ("not a url at all", "does not look like a web address"),
            ("\(peers.quirks)/big", "larger than 1 MiB"),
            ("\(peers.quirks)/slow", "did not answer within 1 seconds"),
            ("\(peers.quirks)/files/broken.ics", "line 5: DTSTART \"tomorrow\" is not a date or date-time"),
            ("\(peers.quirks)/html", "does not start with BEGIN:VCALENDAR"),
            ("\(peers.quirks)/files/missing.ics", "HTTP 404"),
        ]
        for (url, expected) in cases {
            let reply = await h.say("calendar import \(url)", at: h.at(23, 7, 10))
            let text = reply.replies.map(\.text).joined(separator: " ")
            #expect(text.contains(expected), "\(url): \(text)")
            #expect(try h.busy() == before, "\(url) changed the busy times")
        }
    }

    @Test func privateAndLoopbackHostsAreRefusedUnlessAllowed() async throws {
        let peers = try LoopbackPeers.running()
        let strict = try CalendarHarness(allowPrivateHosts: false)
        for url in ["\(peers.quirks)/files/x.ics", "http://localhost:\(peers.quirksPort)/files/x.ics", "http://[::1]:\(peers.quirksPort)/x.ics",
                    "\(peers.quirks)/redirect?to=http://127.0.0.1:\(peers.quirksPort)/files/x.ics"] {
            let reply = await strict.say("calendar import \(url)", at: strict.at(23, 7))
            #expect(reply.replies.first?.text.contains("loopback or private network address") == true, "\(url): \(reply.replies)")
        }
        #expect(try strict.busy().isEmpty)
        #expect(try strict.store.read { try $0.calendarSource(of: strict.user) } == nil)
        // Judged without connecting anywhere: these never leave the machine.
        for address in ["10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::1"] {
            #expect(!AddressPolicy.isPublic(address), "\(address)")
        }
        for address in ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "172.32.0.1"] {
            #expect(AddressPolicy.isPublic(address), "\(address)")
        }
    }

    @Test func refreshIsAConditionalGetAndAFailureKeepsTheBlocks() async throws {
        let peers = try LoopbackPeers.running()
        let h = try CalendarHarness()
        let name = "conditional-\(UUID().uuidString.prefix(6))"
        let before = try await importedAlready(h, peers, name: name)
        _ = await h.engine.tick(.matrix, now: h.at(23, 8, 1))
        #expect(try await peers.stats(name) == ["200": 1, "304": 1])
        #expect(try h.busy() == before)
        // The file breaks on the server: the refresh fails, the old blocks stay, and status says why.
        try await peers.put("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", at: "\(peers.quirks)/files/\(name)")
        _ = await h.engine.tick(.matrix, now: h.at(23, 9, 2))
        #expect(try h.busy() == before)
        let status = await h.say("calendar", at: h.at(23, 9, 5))
        #expect(status.replies.first?.text.contains("The last refresh failed") == true, "\(status.replies)")
    }
}

@Suite(.serialized) struct ImportedHabitTests {
    @Test func aFlexibleHabitMovesOffAnImportedMeeting() async throws {
        let peers = try LoopbackPeers.running()
        let h = try CalendarHarness()
        _ = await h.say("deep work 3 times a week for 2h", at: h.at(23, 7))
        let placed = try h.scheduled()
        #expect(placed.count == 3)
        let target = try #require(placed.first)
        let name = "habit-\(UUID().uuidString.prefix(6)).ics"
        let stamp = { (date: Date) in
            let f = DateFormatter()
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            return f.string(from: date)
        }
        try await peers.put("""
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//test//EN\r
            BEGIN:VEVENT\r
            UID:offsite\r
            DTSTART:\(stamp(target.start.addingTimeInterval(-1800)))\r
            DTEND:\(stamp(target.end.addingTimeInterval(1800)))\r
            SUMMARY:Offsite\r
            END:VEVENT\r
            END:VCALENDAR\r

            """, at: "\(peers.quirks)/files/\(name)")
        _ = await h.say("calendar import \(peers.quirks)/files/\(name)", at: h.at(23, 7, 5))
        let after = try h.scheduled()
        #expect(after.count == 3, "\(after.map(\.start))")
        #expect(!after.contains { overlaps($0, target.start.addingTimeInterval(-1800), target.end.addingTimeInterval(1800)) })
    }
}
