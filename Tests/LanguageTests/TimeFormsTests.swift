import Foundation
import Testing
@testable import Language

/// Forms added after the third labelled batch was scored (so not counted in its figures).
@Suite struct TimeFormsTests {
    /// Duckling's reference: Tuesday 2013-02-12 04:30 at UTC-02:00.
    let tuesday: TimeContext = {
        let zone = TimeZone(secondsFromGMT: -7200) ?? .current
        return TimeContext(now: localDate("2013-02-12 04:30", zone), timeZone: zone, dateOrder: .monthFirst)
    }()

    @Test(arguments: [
        ("next week same time", "2013-02-19T04:30:00-02:00", TimeGrain.minute),
        ("next month same time", "2013-03-12T04:30:00-02:00", .minute),
        ("friday week", "2013-02-22T00:00:00-02:00", .day),
        ("friday week at 3pm", "2013-02-22T15:00:00-02:00", .hour),
        ("tuesday fortnight", "2013-02-26T00:00:00-02:00", .day),
        ("feb 20 96", "1996-02-20T00:00:00-02:00", .day),
        ("march 3rd, '99", "1999-03-03T00:00:00-02:00", .day),
        ("last day of the year", "2013-12-31T00:00:00-02:00", .day),
        ("the first day of next year", "2014-01-01T00:00:00-02:00", .day),
        ("the last day of 2014", "2014-12-31T00:00:00-02:00", .day),
        ("four-fifteen", "2013-02-12T16:15:00-02:00", .minute),
        ("4 fifteen pm", "2013-02-12T16:15:00-02:00", .minute),
        ("eight-oh-five pm", "2013-02-12T20:05:00-02:00", .minute),
        ("early monday morning", "2013-02-18T00:00:00-02:00", .hour),
        ("late friday night", "2013-02-15T21:00:00-02:00", .hour),
        ("the weekend before last", "2013-02-01T18:00:00-02:00", .hour),
        ("last week of the year", "2013-12-30T00:00:00-02:00", .week),
        ("a year ago today", "2012-02-12T00:00:00-02:00", .day),
    ])
    func reads(text: String, start: String, grain: TimeGrain) throws {
        let time = try #require(TimeExpressionParser().parse(text, context: tuesday), "\(text)")
        #expect(iso(time.start, tuesday) == start, "\(text)")
        #expect(time.grain == grain, "\(text)")
    }

    @Test func fromATimeForADurationIsAStartAndALengthNotAnOpenInterval() throws {
        for text in ["from 3pm for 2 hours", "for 2 hours from 3pm"] {
            let scan = TimeExpressionParser().scan(text, context: tuesday)
            let time = try #require(scan.time, "\(text)")
            #expect(iso(time.start, tuesday) == "2013-02-12T15:00:00-02:00")
            #expect(time.open == nil && time.end == nil, "\(text)")
            #expect(scan.durationMinutes == 120)
        }
        #expect(TimeExpressionParser().parse("from 3pm", context: tuesday)?.open == .after)
        #expect(TimeExpressionParser().parse("last day of school", context: tuesday) == nil)
    }

    @Test func aWeekdayBeforeAWeekNounIsStillThatWeekday() throws {
        let time = try #require(TimeExpressionParser().parse("friday week planning", context: tuesday))
        #expect(iso(time.start, tuesday) == "2013-02-15T00:00:00-02:00")
    }
}
