import Foundation
import Testing
@testable import SchedulerCore

@Suite struct OfflineInterpreterTests {
    let interpreter = OfflineInterpreter()

    @Test func mapsTheSeedsInsightsToAdjustments() {
        let adjustments = interpreter.interpret([
            "User mentioned loving morning coding sessions",
            "Friday afternoons are when user crashes",
            "Tuesday mornings are sweet spot for deep work",
        ])
        #expect(adjustments == [
            SyncAdjustment(dayPattern: .all, hourRange: [8, 9, 10, 11], modifier: 1.3, reason: "User mentioned loving morning coding sessions"),
            SyncAdjustment(dayPattern: .friday, hourRange: [13, 14, 15, 16], modifier: 0.7, reason: "Friday afternoons are when user crashes"),
            SyncAdjustment(dayPattern: .tuesday, hourRange: [8, 9, 10, 11], modifier: 1.3, reason: "Tuesday mornings are sweet spot for deep work"),
        ])
    }

    @Test func readsDetectorTextsClockTimesWeekendsAndWholeDays() {
        let slot = interpreter.interpret(["User consistently excels at Deep Coding on Tuesday 10:00"])
        #expect(slot.map(\.dayPattern) == [.tuesday] && slot.first?.hourRange == [10] && slot.first?.modifier == 1.3)
        let friday = interpreter.interpret(["User shows significant performance decline on Fridays"])
        #expect(friday.first?.dayPattern == .friday && friday.first?.hourRange == Array(0...23) && friday.first?.modifier == 0.7)
        let weekend = interpreter.interpret(["Gets tired on weekend evenings"])
        #expect(weekend.first?.dayPattern == .weekends && weekend.first?.hourRange == [17, 18, 19, 20])
        let lunch = interpreter.interpret(["User struggles with Deep Coding after lunch"])
        #expect(lunch.first?.hourRange == [13, 14, 15] && lunch.first?.modifier == 0.7)
        #expect(interpreter.interpret(["User shows strong morning energy patterns"]).first?.modifier == 1.3)
    }

    @Test func skipsTextsWithoutADirectionOrAPlaceInTheWeek() {
        #expect(interpreter.interpret(["User struggles with Team Sync after meetings"]).isEmpty)
        #expect(interpreter.interpret(["Monday mornings happen"]).isEmpty)
        #expect(interpreter.interpret(["Loves mornings but struggles in the morning"]).isEmpty)
        #expect(interpreter.interpret([""]).isEmpty)
    }

    @Test func isDeterministicDeduplicatedAndBounded() {
        let texts = ["Loves Monday mornings", "loves monday MORNINGS!"] + (0..<7).flatMap { day in
            (0..<3).map { "Struggles on \(WeekSlot.weekdayNames[day]) at \(8 + $0):00" }
        }
        let first = interpreter.interpret(texts)
        #expect(first == interpreter.interpret(texts))
        #expect(first.count == AdjustmentLimits().maxAdjustments)
        #expect(first.filter { $0.dayPattern == .monday && $0.hourRange == [8, 9, 10, 11] }.count == 1)
        #expect(AdjustmentValidator().validate(first) == .success(first))
    }
}
