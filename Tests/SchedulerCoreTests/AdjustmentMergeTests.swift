import Foundation
import Testing
@testable import SchedulerCore

@Suite struct AdjustmentMergeTests {
    @Test func tuesdayTenFollowsTheSeedsWorkedExample() {
        var habit = WeekGrid(repeating: 0.5)
        habit[WeekSlot(weekday: 2, hour: 10)] = 0.7
        let merged = AdjustmentMerge.apply([SyncAdjustment(dayPattern: .tuesday, hourRange: [9, 10, 11], modifier: 1.4, reason: "")], to: habit)
        // 0.7 * 0.7 + (0.7 * 1.4) * 0.3 = 0.784 (seed 000).
        #expect(abs(merged[58] - 0.784) < 1e-12)
        #expect(abs(merged[WeekSlot(weekday: 2, hour: 9)] - (0.5 * 0.7 + 0.5 * 1.4 * 0.3)) < 1e-12)
        #expect(merged[WeekSlot(weekday: 3, hour: 10)] == 0.5)
        #expect(merged[WeekSlot(weekday: 2, hour: 12)] == 0.5)
    }

    @Test func dayPatternsCoverTheirDaysAndOverlapsCompoundInOrder() {
        let habit = WeekGrid(repeating: 0.6)
        let merged = AdjustmentMerge.apply([
            SyncAdjustment(dayPattern: .weekends, hourRange: [20], modifier: 0.5, reason: ""),
            SyncAdjustment(dayPattern: .all, hourRange: [20], modifier: 0.5, reason: ""),
        ], to: habit)
        let once = 0.6 * 0.7 + 0.6 * 0.5 * 0.3
        let twice = once * 0.7 + once * 0.5 * 0.3
        #expect(abs(merged[WeekSlot(weekday: 0, hour: 20)] - twice) < 1e-12)
        #expect(abs(merged[WeekSlot(weekday: 6, hour: 20)] - twice) < 1e-12)
        #expect(abs(merged[WeekSlot(weekday: 3, hour: 20)] - once) < 1e-12)
        #expect(DayPattern.weekdays.weekdays == [1, 2, 3, 4, 5])
    }

    @Test func resultsStayInsideZeroToOne() {
        let merged = AdjustmentMerge.apply([SyncAdjustment(dayPattern: .all, hourRange: Array(0...23), modifier: 1.5, reason: "")],
                                           to: WeekGrid(repeating: 0.99))
        #expect(merged.values.allSatisfy { $0 == 1 })
        #expect(AdjustmentMerge.apply([], to: WeekGrid(repeating: 0.3)) == WeekGrid(repeating: 0.3))
    }
}
