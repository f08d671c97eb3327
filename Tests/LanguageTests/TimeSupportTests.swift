import Foundation
import SharedValues
import Testing
@testable import Language

@Suite struct TimeSupportTests {
    @Test func civilCalendarAgreesWithFoundationOverFourHundredYears() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        for day in stride(from: -80_000, through: 80_000, by: 997) {
            let date = Date(timeIntervalSince1970: TimeInterval(day) * 86_400)
            let c = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let (y, m, d) = CivilCalendar.date(ofDay: day)
            #expect([y, m, d] == [c.year, c.month, c.day])
            #expect(CivilCalendar.dayNumber(year: y, month: m, day: d) == day)
            #expect(CivilCalendar.weekday(ofDay: day) == (c.weekday ?? 0) - 1)
        }
    }

    @Test func zoneOffsetsHandleTheSpringGapAndTheAutumnOverlap() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let zone = ZoneOffsets(timeZone: berlin, around: localDate("2026-06-01 12:00", berlin))
        let gap = CivilCalendar.dayNumber(year: 2026, month: 3, day: 29) * 86_400 + 150 * 60  // 02:30, skipped
        #expect(ISO8601.format(Date(timeIntervalSince1970: TimeInterval(zone.utc(fromLocal: gap))), zone: zone)
                == "2026-03-29T03:30:00+02:00")
        let overlap = CivilCalendar.dayNumber(year: 2026, month: 10, day: 25) * 86_400 + 150 * 60  // 02:30, twice
        #expect(ISO8601.format(Date(timeIntervalSince1970: TimeInterval(zone.utc(fromLocal: overlap))), zone: zone)
                == "2026-10-25T02:30:00+02:00")
    }

    @Test func zoneOffsetsMatchFoundationAcrossTheTable() throws {
        let zoneNames = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/Sao_Paulo"]
        for name in zoneNames {
            let tz = try #require(TimeZone(identifier: name))
            let reference = Date(timeIntervalSince1970: 1_790_000_000)
            let zone = ZoneOffsets(timeZone: tz, around: reference)
            for hours in stride(from: -20_000, through: 30_000, by: 37) {
                let instant = reference.addingTimeInterval(TimeInterval(hours) * 3600)
                #expect(zone.offset(atUTC: Int(instant.timeIntervalSince1970)) == tz.secondsFromGMT(for: instant), "\(name)")
            }
        }
    }

    @Test(arguments: [
        ("2026-11-23T08:00:00Z", 1_795_420_800.0 as Double?),
        ("2026-11-23T09:00:00+01:00", 1_795_420_800),
        ("2026-11-23T06:00:00-02:00", 1_795_420_800),
        ("2026-11-23T08:00:00.250Z", 1_795_420_800),
        ("2026-11-23T08:00Z", 1_795_420_800),
        ("2026-02-30T08:00:00Z", nil),
        ("yesterday", nil),
        ("2026-11-23T25:00:00Z", nil),
    ])
    func iso8601Parsing(text: String, seconds: Double?) {
        #expect(ISO8601.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test func zoneNamesAcceptIANAAndOffsets() {
        #expect(ZoneName.timeZone("Europe/Berlin")?.identifier == "Europe/Berlin")
        #expect(ZoneName.timeZone("-02:00")?.secondsFromGMT() == -7200)
        #expect(ZoneName.timeZone("+0530")?.secondsFromGMT() == 19_800)
        #expect(ZoneName.timeZone("UTC")?.secondsFromGMT() == 0)
        #expect(ZoneName.timeZone("Mars/Olympus") == nil)
    }

    @Test func parseTimeJSONUsesTheOffsetAtEachInstant() {
        let ctx = context("2026-10-24 12:00")
        let json = TimeExpressionParser().scan("from tomorrow to monday", context: ctx).json(in: ctx.offsets)
        #expect(json == #"{"start":"2026-10-25T00:00:00+02:00","end":"2026-10-27T00:00:00+01:00","grain":"day"}"#)
        let none = TimeExpressionParser().scan("call mom", context: ctx).json(in: ctx.offsets)
        #expect(none == #"{"error":"no time found"}"#)
        let both = TimeExpressionParser().scan("tomorrow 9am for 2h", context: ctx).json(in: ctx.offsets)
        #expect(both == #"{"start":"2026-10-25T09:00:00+01:00","end":null,"grain":"hour","duration_minutes":120}"#)
    }

    @Test func scanReportsWhereTimeWasRead() {
        let text = "gym tomorrow at 6pm with Sam at 25pm"
        let scan = TimeExpressionParser().scan(text, context: context("2026-11-23 10:00"))
        #expect(scan.matchedRanges.map { String(text[$0]) } == ["tomorrow", "at 6pm"])
        #expect(scan.unreadableRanges.map { String(text[$0]) } == ["at 25pm"])
    }

    @Test func jsonStringsAreEscaped() {
        #expect(JSONObjectWriter.quoted("a \"b\"\\\n\u{1}") == #""a \"b\"\\\n\u0001""#)
    }

    @Test func durationsAndRatingsOnTheirOwn() {
        #expect(DurationParser().minutes(in: "an hour and a half") == 90)
        #expect(DurationParser().minutes(in: "tomorrow") == nil)
        #expect(RatingParser().rating(in: "felt great") == 0.9)
        #expect(RatingParser().rating(in: "7/10") == 0.7)
        #expect(RatingParser().rating(in: "not good") == 0.3)
        #expect(RatingParser().rating(in: "nothing here") == nil)
    }
}
