import Testing
@testable import SchedulerCore

@Suite struct WeekSlotTests {
    @Test func tuesdayTenIsFiftyEight() {
        #expect(WeekSlot(weekday: 2, hour: 10).index == 58)
        #expect(WeekSlot(index: 58)?.weekday == 2)
        #expect(WeekSlot(index: 168) == nil)
    }
}
