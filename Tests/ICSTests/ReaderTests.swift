import Foundation
import Testing
@testable import ICS

func calendar(_ body: String) -> String {
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n") + "END:VCALENDAR\r\n"
}

func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    return formatter.date(from: text)!
}

func occurrences(_ ics: String, from: String = "2026-01-01T00:00:00Z", to: String = "2027-06-01T00:00:00Z",
                 zone: String = "Europe/Berlin") throws -> [Occurrence] {
    let parsed = try CalendarReader.read(ics)
    return CalendarExpander(calendar: parsed, floatingZone: TimeZone(identifier: zone)!)
        .occurrences(in: DateInterval(start: utc(from), end: utc(to)))
}

@Suite struct ContentLineTests {
    @Test func unfoldsContinuationLinesAndReadsQuotedParameters() throws {
        let lines = try ContentLineReader.lines(of: "SUMMARY;X-A=\"a;b:c\";LANGUAGE=en:Team \r\n sync\r\n\tnow\r\nUID:1\n")
        #expect(lines.count == 2)
        #expect(lines[0].name == "SUMMARY")
        #expect(lines[0].parameters["X-A"] == "a;b:c")
        #expect(lines[0].value == "Team syncnow")
        #expect(lines[1].lineNumber == 4)
    }

    @Test func escapesRoundTrip() {
        let text = "a, b; c\\d\nnext"
        #expect(TextValue.unescape(TextValue.escape(text)) == text)
        #expect(TextValue.escape(text) == "a\\, b\\; c\\\\d\\nnext")
    }

    @Test func foldsAtSeventyFiveOctetsWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "é", count: 100)
        let folded = LineFolding.fold(line)
        for physical in folded.components(separatedBy: "\r\n") {
            #expect(physical.utf8.count <= 75)
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }
}

@Suite struct ParseErrorTests {
    @Test func namesTheLineOfABadStart() {
        let ics = calendar("BEGIN:VEVENT\nUID:x\nDTSTART:2026-11-24\nEND:VEVENT\n")
        #expect(throws: CalendarParseError(line: 6, reason: "DTSTART \"2026-11-24\" is not a date or date-time")) {
            try CalendarReader.read(ics)
        }
    }

    @Test func namesTheLineOfABadRule() {
        let ics = calendar("BEGIN:VEVENT\nUID:x\nDTSTART:20261124T090000Z\nRRULE:FREQ=SOMETIMES\nEND:VEVENT\n")
        #expect(throws: CalendarParseError(line: 7, reason: "RRULE: FREQ=SOMETIMES is not a frequency")) {
            try CalendarReader.read(ics)
        }
    }

    @Test func reportsACutOffFileAndAMismatchedEnd() {
        #expect(throws: CalendarParseError(line: 4, reason: "BEGIN:VEVENT is never closed (the file may be cut off)")) {
            try CalendarReader.read("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\n")
        }
        #expect(throws: CalendarParseError(line: 6, reason: "END:VCALENDAR closes BEGIN:VEVENT from line 4")) {
            try CalendarReader.read("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VCALENDAR\r\n")
        }
        #expect(throws: CalendarParseError(line: 1, reason: "this is not an iCalendar file (it does not start with BEGIN:VCALENDAR)")) {
            try CalendarReader.read("<html>not a calendar</html>")
        }
    }

    @Test func rejectsLinesWithoutAValue() {
        #expect(throws: CalendarParseError(line: 5, reason: "SUMMARY has no value (a ':' is missing)")) {
            try CalendarReader.read(calendar("BEGIN:VEVENT\nSUMMARY\nEND:VEVENT\n"))
        }
    }
}

@Suite struct CivilTimeTests {
    @Test func dayNumbersRoundTripAndWeekdaysAreRight() {
        for number in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: number).dayNumber == number)
        }
        #expect(CivilDate(year: 2026, month: 11, day: 24).weekday == .tuesday)
        #expect(CivilDate(year: 2000, month: 2, day: 29).weekday == .tuesday)
        #expect(CivilDate(year: 1601, month: 1, day: 1).weekday == .monday)
    }

    @Test func wallTimesInAGapMoveForwardAndRepeatedOnesTakeTheFirst() {
        let newYork = SystemZone(TimeZone(identifier: "America/New_York")!)
        let gap = CivilDateTime(date: CivilDate(year: 2026, month: 3, day: 8), hour: 2, minute: 30)
        #expect(newYork.instant(of: gap) == Int64(utc("2026-03-08T07:30:00Z").timeIntervalSince1970))
        let repeated = CivilDateTime(date: CivilDate(year: 2026, month: 11, day: 1), hour: 1, minute: 30)
        #expect(newYork.instant(of: repeated) == Int64(utc("2026-11-01T05:30:00Z").timeIntervalSince1970))
    }
}

@Suite struct RecurrenceTests {
    func starts(_ rule: String, _ start: String, zone: String = "America/New_York", from: String = "1997-01-01T00:00:00Z",
                to: String = "2000-01-01T00:00:00Z") throws -> [String] {
        let ics = calendar("BEGIN:VEVENT\nUID:r\nDTSTART;TZID=\(zone):\(start)\nDURATION:PT1H\nRRULE:\(rule)\nEND:VEVENT\n")
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return try occurrences(ics, from: from, to: to).map { formatter.string(from: $0.start) }
    }

    // Examples from RFC 5545 §3.8.5.3.
    @Test func everyOtherWeekOnTuesdayAndThursdayForEight() throws {
        #expect(try starts("FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", "19970902T090000") == [
            "1997-09-02 09:00", "1997-09-04 09:00", "1997-09-16 09:00", "1997-09-18 09:00",
            "1997-09-30 09:00", "1997-10-02 09:00", "1997-10-14 09:00", "1997-10-16 09:00",
        ])
    }

    @Test func monthlyOnTheFirstAndLastSunday() throws {
        #expect(try starts("FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", "19970907T090000") == [
            "1997-09-07 09:00", "1997-09-28 09:00", "1997-11-02 09:00", "1997-11-30 09:00", "1998-01-04 09:00",
            "1998-01-25 09:00", "1998-03-01 09:00", "1998-03-29 09:00", "1998-05-03 09:00", "1998-05-31 09:00",
        ])
    }

    @Test func lastWorkdayOfTheMonthWithSetPosition() throws {
        #expect(try starts("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=4", "19970930T090000") == [
            "1997-09-30 09:00", "1997-10-31 09:00", "1997-11-28 09:00", "1997-12-31 09:00",
        ])
    }

    @Test func fridayTheThirteenthAndYearlyInJuneAndJuly() throws {
        #expect(try starts("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=3", "19980213T090000") == [
            "1998-02-13 09:00", "1998-03-13 09:00", "1998-11-13 09:00",
        ])
        #expect(try starts("FREQ=YEARLY;COUNT=6;BYMONTH=6,7", "19970610T090000") == [
            "1997-06-10 09:00", "1997-07-10 09:00", "1998-06-10 09:00", "1998-07-10 09:00", "1999-06-10 09:00", "1999-07-10 09:00",
        ])
    }

    @Test func untilIsInclusiveAndInUTC() throws {
        #expect(try starts("FREQ=DAILY;UNTIL=19970904T130000Z", "19970902T090000") == [
            "1997-09-02 09:00", "1997-09-03 09:00", "1997-09-04 09:00",
        ])
    }

    @Test func weeklyMeetingKeepsItsWallTimeAcrossDaylightSaving() throws {
        let times = try starts("FREQ=WEEKLY;COUNT=4", "20261022T090000", zone: "Europe/Berlin", from: "2026-10-01T00:00:00Z", to: "2026-12-01T00:00:00Z")
        #expect(times == ["2026-10-22 09:00", "2026-10-29 09:00", "2026-11-05 09:00", "2026-11-12 09:00"])
        let ics = calendar("BEGIN:VEVENT\nUID:r\nDTSTART;TZID=Europe/Berlin:20261022T090000\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;COUNT=2\nEND:VEVENT\n")
        let found = try occurrences(ics)
        #expect(found.map(\.start) == [utc("2026-10-22T07:00:00Z"), utc("2026-10-29T08:00:00Z")])
    }

    @Test func unsupportedPartsKeepTheFirstOccurrenceAndAreCounted() throws {
        let ics = calendar("BEGIN:VEVENT\nUID:h\nDTSTART:20260105T090000Z\nRRULE:FREQ=HOURLY;COUNT=5\nEND:VEVENT\n")
        let parsed = try CalendarReader.read(ics)
        #expect(parsed.unsupported == ["FREQ=HOURLY": 1])
        #expect(try occurrences(ics).count == 1)
    }
}

@Suite struct SeriesEditsTests {
    let series = """
        BEGIN:VEVENT
        UID:standup
        SUMMARY:Standup\\, daily
        DTSTART;TZID=Europe/Berlin:20260105T093000
        DTEND;TZID=Europe/Berlin:20260105T094500
        RRULE:FREQ=DAILY;COUNT=5
        EXDATE;TZID=Europe/Berlin:20260107T093000
        END:VEVENT
        BEGIN:VEVENT
        UID:standup
        RECURRENCE-ID;TZID=Europe/Berlin:20260108T093000
        DTSTART;TZID=Europe/Berlin:20260108T140000
        DTEND;TZID=Europe/Berlin:20260108T141500
        SUMMARY:Standup (moved)
        END:VEVENT
        BEGIN:VEVENT
        UID:standup
        RECURRENCE-ID;TZID=Europe/Berlin:20260109T093000
        DTSTART;TZID=Europe/Berlin:20260109T093000
        DTEND;TZID=Europe/Berlin:20260109T094500
        STATUS:CANCELLED
        END:VEVENT
        BEGIN:VEVENT
        UID:holiday
        DTSTART;VALUE=DATE:20260106
        TRANSP:TRANSPARENT
        SUMMARY:Epiphany
        END:VEVENT

        """

    @Test func exdatesOverridesCancellationsAndFreeTime() throws {
        let found = try occurrences(calendar(series))
        let busy = found.filter(\.isBusy)
        #expect(busy.map(\.start) == [utc("2026-01-05T08:30:00Z"), utc("2026-01-06T08:30:00Z"), utc("2026-01-08T13:00:00Z")])
        #expect(busy.first?.title == "Standup, daily")
        #expect(busy.last?.title == "Standup (moved)")
        let holiday = try #require(found.first { $0.uid == "holiday" })
        #expect(!holiday.isBusy && holiday.isAllDay)
        #expect(holiday.start == utc("2026-01-05T23:00:00Z") && holiday.end == utc("2026-01-06T23:00:00Z"))
        let parsed = try CalendarReader.read(calendar(series))
        #expect(parsed.masterEvents.count == 2 && parsed.recurringSeriesCount == 1)
    }

    @Test func customVTimeZoneIsUsedForUnknownNames() throws {
        let ics = calendar("""
            BEGIN:VTIMEZONE
            TZID:Office Time
            BEGIN:STANDARD
            DTSTART:19701025T030000
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
            END:STANDARD
            BEGIN:DAYLIGHT
            DTSTART:19700329T020000
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
            END:DAYLIGHT
            END:VTIMEZONE
            BEGIN:VEVENT
            UID:o
            DTSTART;TZID=Office Time:20260701T090000
            DTEND;TZID=Office Time:20260701T100000
            END:VEVENT
            BEGIN:VEVENT
            UID:w
            DTSTART;TZID=Office Time:20261201T090000
            DTEND;TZID=Office Time:20261201T100000
            END:VEVENT

            """)
        #expect(try occurrences(ics).map(\.start) == [utc("2026-07-01T07:00:00Z"), utc("2026-12-01T08:00:00Z")])
    }
}
