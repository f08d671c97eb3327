import Foundation
import Testing
@testable import ICS

/// Our expansion against recurring-ical-events, and our feed against icalendar: independent readers of the RFC.
@Suite(.serialized) struct PeerTests {
    static let window = DateInterval(start: utc("2026-01-01T00:00:00Z"), end: utc("2028-01-01T00:00:00Z"))

    func compare(_ ics: String, zone: String = "Europe/Berlin", sourceLine: SourceLocation = #_sourceLocation) throws {
        let theirs = try Peer.expand(ics, from: PeerTests.window.start, to: PeerTests.window.end, zone: zone)
        let parsed = try CalendarReader.read(ics)
        let ours = CalendarExpander(calendar: parsed, floatingZone: TimeZone(identifier: zone)!)
            .occurrences(in: PeerTests.window)
            .map { [$0.uid, "\(Int($0.start.timeIntervalSince1970))", "\(Int($0.end.timeIntervalSince1970))"] }
        // Readers disagree on which zone an all-day date is in at the window's edges; compare well inside it.
        let inner = (Int(PeerTests.window.start.timeIntervalSince1970) + 2 * 86_400)..<(Int(PeerTests.window.end.timeIntervalSince1970) - 2 * 86_400)
        let byUID = { (rows: [[String]]) in Dictionary(grouping: rows.filter { inner.contains(Int($0[1]) ?? 0) }, by: { $0[0] }).mapValues { $0.sorted { $0.lexicographicallyPrecedes($1) } } }
        let mine = byUID(ours), reference = byUID(theirs)
        for uid in Set(mine.keys).union(reference.keys).sorted() where mine[uid] != reference[uid] {
            let source = ics.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:\(uid)\r\n") } ?? ""
            let a = Set(mine[uid] ?? []), b = Set(reference[uid] ?? [])
            Issue.record("\(uid): only ours \(a.subtracting(b).sorted { $0.lexicographicallyPrecedes($1) }), only recurring-ical-events \(b.subtracting(a).sorted { $0.lexicographicallyPrecedes($1) })\n\(source)", sourceLocation: sourceLine)
        }
    }

    @Test func handWrittenSeriesAcrossDaylightSavingChanges() throws {
        try compare(calendar("""
            BEGIN:VEVENT
            UID:ny-weekly-2am
            DTSTART;TZID=America/New_York:20260301T023000
            DTEND;TZID=America/New_York:20260301T033000
            RRULE:FREQ=WEEKLY;COUNT=40
            END:VEVENT
            BEGIN:VEVENT
            UID:berlin-daily-exdate
            DTSTART;TZID=Europe/Berlin:20260320T090000
            DTEND;TZID=Europe/Berlin:20260320T093000
            RRULE:FREQ=DAILY;UNTIL=20260410T070000Z
            EXDATE;TZID=Europe/Berlin:20260329T090000,20260330T090000
            END:VEVENT
            BEGIN:VEVENT
            UID:berlin-daily-exdate
            RECURRENCE-ID;TZID=Europe/Berlin:20260401T090000
            DTSTART;TZID=Europe/Berlin:20260401T150000
            DTEND;TZID=Europe/Berlin:20260401T160000
            END:VEVENT
            BEGIN:VEVENT
            UID:sydney-monthly-last-friday
            DTSTART;TZID=Australia/Sydney:20260130T083000
            DURATION:PT2H
            RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=18
            END:VEVENT
            BEGIN:VEVENT
            UID:utc-yearly
            DTSTART:20260315T120000Z
            DTEND:20260315T130000Z
            RRULE:FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU
            END:VEVENT
            BEGIN:VEVENT
            UID:floating-weekdays
            DTSTART:20261023T013000
            DTEND:20261023T023000
            RRULE:FREQ=WEEKLY;BYDAY=MO,FR,SU;COUNT=12
            END:VEVENT
            BEGIN:VEVENT
            UID:all-day-biweekly
            DTSTART;VALUE=DATE:20260105
            DTEND;VALUE=DATE:20260106
            RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20260601
            END:VEVENT
            BEGIN:VEVENT
            UID:ny-fall-back-overnight
            DTSTART;TZID=America/New_York:20261031T230000
            DTEND;TZID=America/New_York:20261101T030000
            RRULE:FREQ=DAILY;COUNT=3
            END:VEVENT

            """))
    }

    @Test func hundredsOfSeededRandomRules() throws {
        var random = SeededGenerator(seed: 20261201)
        for batch in 0..<6 {
            var body = ""
            for index in 0..<60 { body += RandomSeries.make("rand-\(batch)-\(index)", using: &random) }
            try compare(calendar(body), zone: batch % 2 == 0 ? "Europe/Berlin" : "America/New_York")
        }
    }

    @Test func icalendarReadsOurFeedWithTheSameInstants() throws {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let events = [
            FeedEvent(uid: "ev-1@scheduler-bot", title: "Deep work; focus, please \\ now", start: utc("2026-03-28T08:00:00Z"),
                      end: utc("2026-03-28T10:00:00Z"), sequence: 2),
            FeedEvent(uid: "ev-2@scheduler-bot", title: "Across the change", start: utc("2026-03-29T00:30:00Z"),
                      end: utc("2026-03-29T01:30:00Z")),
            FeedEvent(uid: "ev-3@scheduler-bot", title: String(repeating: "Long title ", count: 12), start: utc("2026-10-25T00:30:00Z"),
                      end: utc("2026-10-25T02:00:00Z"), sequence: 1, isCancelled: true),
        ]
        let text = CalendarWriter(name: "Scheduled", timeZone: zone).document(events, stamp: utc("2026-03-01T00:00:00Z"))
        let theirs = try Peer.feed(text)
        #expect(theirs.count == 3)
        for (event, read) in zip(events, theirs) {
            #expect(read["uid"] as? String == event.uid)
            #expect(read["summary"] as? String == event.title)
            #expect((read["start"] as? Int) == Int(event.start.timeIntervalSince1970))
            #expect((read["end"] as? Int) == Int(event.end.timeIntervalSince1970))
            #expect(read["tzid"] as? String == "Europe/Berlin")
            #expect(read["aware"] as? Bool == true)
            #expect(read["sequence"] as? Int == event.sequence)
            #expect(read["status"] as? String == (event.isCancelled ? "CANCELLED" : "CONFIRMED"))
            #expect(read["stamp"] as? Bool == true)
        }
        // Our reader agrees with our writer too.
        let ours = CalendarExpander(calendar: try CalendarReader.read(text), floatingZone: .gmt).occurrences(in: PeerTests.window)
        #expect(ours.map(\.start) == events.map(\.start))
    }
}

/// Random recurring VEVENTs over the parts the reader supports, in zones with and without daylight saving.
enum RandomSeries {
    static func make(_ uid: String, using random: inout SeededGenerator) -> String {
        let zones = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "UTC", "floating"]
        let zone = zones.randomElement(using: &random)!
        let allDay = Int.random(in: 0..<8, using: &random) == 0
        let day = CivilDate(dayNumber: CivilDate(year: 2026, month: 1, day: 1).dayNumber + Int.random(in: 0..<365, using: &random))
        let start = CivilDateTime(date: day, hour: [1, 2, 3, 9, 12, 17, 23].randomElement(using: &random)!,
                                  minute: [0, 15, 30, 45].randomElement(using: &random)!)
        func stamp(_ time: CivilDateTime) -> String {
            if allDay { return ";VALUE=DATE:" + CalendarWriter.format(.date(time.date)) }
            switch zone {
            case "UTC": return ":" + CalendarWriter.format(.utc(time))
            case "floating": return ":" + CalendarWriter.format(.floating(time))
            default: return ";TZID=\(zone):" + CalendarWriter.format(.floating(time))
            }
        }
        let minutes = allDay ? 1440 * Int.random(in: 1...2, using: &random) : [15, 30, 60, 90, 180].randomElement(using: &random)!
        let end = CivilDateTime(localSeconds: start.localSeconds + Int64(minutes * 60))
        var lines = ["BEGIN:VEVENT", "UID:\(uid)", "DTSTART" + stamp(start), "DTEND" + stamp(end), "RRULE:" + rule(start, allDay: allDay, zone: zone, using: &random)]
        if Bool.random(using: &random) {
            let skipped = CivilDateTime(localSeconds: start.localSeconds + 86_400 * Int64([1, 7, 14, 28].randomElement(using: &random)!))
            lines.append("EXDATE" + stamp(skipped))
        }
        lines.append("END:VEVENT")
        return lines.joined(separator: "\n") + "\n"
    }

    static func rule(_ start: CivilDateTime, allDay: Bool, zone: String, using random: inout SeededGenerator) -> String {
        let frequency = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"].randomElement(using: &random)!
        var parts = ["FREQ=\(frequency)"]
        if Bool.random(using: &random) { parts.append("INTERVAL=\(Int.random(in: 2...3, using: &random))") }
        let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        let ordinals = frequency == "MONTHLY" || frequency == "YEARLY"
        switch Int.random(in: 0..<6, using: &random) {
        case 0, 1:
            let chosen = days.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))
            let withOrdinals = ordinals && Bool.random(using: &random)
            parts.append("BYDAY=" + chosen.map { (withOrdinals ? "\([1, 2, 3, -1, -2].randomElement(using: &random)!)" : "") + $0 }.joined(separator: ","))
            if frequency == "MONTHLY", chosen.count > 1, !withOrdinals, Bool.random(using: &random) {
                parts.append("BYSETPOS=\([1, 2, -1].randomElement(using: &random)!)")
            }
        case 2 where frequency != "WEEKLY":
            parts.append("BYMONTHDAY=" + [1, 10, 15, 28, 30, 31, -1, -2].shuffled(using: &random).prefix(2).map(String.init).joined(separator: ","))
        case 3 where frequency == "YEARLY" || frequency == "MONTHLY" || frequency == "DAILY":
            parts.append("BYMONTH=" + Array(1...12).shuffled(using: &random).prefix(3).map(String.init).joined(separator: ","))
            if frequency != "DAILY", Bool.random(using: &random) { parts.append("BYDAY=" + days.randomElement(using: &random)!) }
        default:
            break
        }
        switch Int.random(in: 0..<3, using: &random) {
        case 0: parts.append("COUNT=\(Int.random(in: 1...25, using: &random))")
        case 1:
            let until = CivilDateTime(localSeconds: start.localSeconds + 86_400 * Int64(Int.random(in: 20...500, using: &random)))
            parts.append("UNTIL=" + (allDay ? CalendarWriter.format(.date(until.date)) : zone == "floating" ? CalendarWriter.format(.floating(until)) : CalendarWriter.format(.utc(until))))
        default:
            break
        }
        return parts.joined(separator: ";")
    }
}
