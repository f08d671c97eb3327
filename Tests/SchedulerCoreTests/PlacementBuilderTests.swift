import Foundation
import Testing
@testable import SchedulerCore

@Suite struct PlacementBuilderTests {
    let clock = Clock()

    func event(_ id: Int64, _ hour: Int, _ minutes: Int, _ status: Event.Status, type: Int64 = 1) -> Event {
        let start = clock.at(2026, 11, 23, hour)
        return Event(id: id, userID: "u", taskTypeID: type, title: "e\(id)", start: start,
                     end: start.addingTimeInterval(Double(minutes) * 60), status: status, createdAt: start)
    }

    @Test func everyOutcomeButCancelledHoldsItsTimeAndOnlyWhatHappenedNeedsRest() {
        let events = [event(1, 9, 60, .scheduled), event(2, 11, 60, .done), event(3, 13, 60, .skipped),
                      event(4, 15, 60, .cancelled), event(5, 17, 60, .scheduled)]
        let blocks = PlacementBuilder.busyBlocks(for: events, restAfter: [1: 30], excluding: [5])
        #expect(blocks.map(\.title) == ["e1", "e2", "e3"])
        #expect(blocks.map(\.recoveryMinutes) == [30, 30, 0])
    }

    @Test func everyPlacementScoresWithTheLearnersWeekAndTheTypesRest() {
        var user = UserProfile(id: "u", createdAt: clock.at(2026, 11, 1, 0))
        user.energy.energy[WeekSlot(weekday: 1, hour: 20)] = 0.9
        let type = TaskType(userID: "u", displayName: "deep coding", category: .focused)
        let window = DateInterval(start: clock.at(2026, 11, 23, 8), end: clock.at(2026, 11, 24, 8))
        let builder = PlacementBuilder(learner: FixedHoursLearner())
        let request = builder.request(for: type, durationMinutes: 45, window: window, user: user, busy: [], now: window.start)
        #expect(request.habit == FixedHoursLearner().preferred)
        #expect(request.energy == user.energy.energy)
        #expect(request.durationMinutes == 45 && request.window == window)
        #expect(request.recoveryMinutes == 30, "focused work is demanding")
        #expect(request.availability == user.availability && request.timeZone == user.timeZone)
    }

    @Test func somethingDoneUnplannedTakesTheFreeRunJustBeforeNow() {
        let now = clock.at(2026, 11, 23, 12)
        let meeting = BusyBlock(start: clock.at(2026, 11, 23, 10), end: clock.at(2026, 11, 23, 11, 30))
        let free = PlacementBuilder.latestFreeInterval(endingBy: now, minutes: 60, busy: [meeting])
        #expect(free == DateInterval(start: clock.at(2026, 11, 23, 11, 30), end: now))
        // An event still running at `now` pushes the record before it.
        let running = BusyBlock(start: clock.at(2026, 11, 23, 11, 45), end: clock.at(2026, 11, 23, 12, 30))
        let before = PlacementBuilder.latestFreeInterval(endingBy: now, minutes: 60, busy: [meeting, running])
        #expect(before == DateInterval(start: clock.at(2026, 11, 23, 11, 30), end: clock.at(2026, 11, 23, 11, 45)))
        #expect(PlacementBuilder.latestFreeInterval(endingBy: now, minutes: 30, busy: []).duration == 1800)
    }

    @Test func somethingDoneRightAfterAnotherRecordGoesBeforeIt() {
        let now = clock.at(2026, 11, 23, 12)
        let justLogged = BusyBlock(start: clock.at(2026, 11, 23, 11), end: now)
        let free = PlacementBuilder.latestFreeInterval(endingBy: now, minutes: 60, busy: [justLogged])
        #expect(free == DateInterval(start: clock.at(2026, 11, 23, 10), end: clock.at(2026, 11, 23, 11)))
        #expect(PlacementBuilder.latestFreeInterval(endingBy: now, minutes: 0, busy: []).duration > 0)
    }
}
