import Foundation
import Testing
@testable import SchedulerCore

@Suite struct DeliveryPolicyTests {
    let clock = Clock("Europe/Berlin")
    let policy = DeliveryPolicy()

    func nudge(_ kind: NudgeKind, due: Date, expires: Date? = nil) -> Nudge {
        Nudge(userID: "u", kind: kind, eventID: 1, dueAt: due, expiresAt: expires, createdAt: due.addingTimeInterval(-86_400))
    }

    func context(_ now: Date, _ preferences: ProactivePreferences = ProactivePreferences(), sent: Int = 0, open: Bool = false,
                 eventStart: Date? = nil) -> DeliveryContext {
        DeliveryContext(now: now, week: clock.week, preferences: preferences, sentToday: sent, hasOpenFollowUp: open, eventStart: eventStart)
    }

    @Test func onTimeMessagesAreSent() {
        let due = clock.at(2026, 11, 24, 8, 50)
        #expect(policy.decide(nudge(.reminder, due: due), context(due, eventStart: clock.at(2026, 11, 24, 9))) == .send)
        #expect(policy.decide(nudge(.followUp, due: due, expires: clock.at(2026, 11, 24, 22)), context(due)) == .send)
    }

    @Test func lateRemindersAreDroppedSoARestartNeverSendsABurst() {
        let due = clock.at(2026, 11, 24, 8, 50)
        let start = clock.at(2026, 11, 24, 9)
        #expect(policy.decide(nudge(.reminder, due: due), context(due.addingTimeInterval(5 * 60), eventStart: start)) == .send)
        #expect(policy.decide(nudge(.reminder, due: due), context(start, eventStart: start)) == .drop(.late))
        #expect(policy.decide(nudge(.dailyPlan, due: due), context(due.addingTimeInterval(2 * 3600))) == .drop(.late))
        #expect(policy.decide(nudge(.followUp, due: due, expires: clock.at(2026, 11, 24, 22)), context(clock.at(2026, 11, 24, 22))) == .expire)
    }

    @Test func quietHoursDropRemindersAndDeferFollowUpsToTheMorning() {
        let late = clock.at(2026, 11, 24, 22, 30)
        #expect(policy.decide(nudge(.reminder, due: late), context(late, eventStart: late.addingTimeInterval(600))) == .drop(.quietHours))
        let followUp = nudge(.followUp, due: late, expires: clock.at(2026, 11, 25, 22))
        #expect(policy.decide(followUp, context(late)) == .wait(until: clock.at(2026, 11, 25, 7)))
        // Custom quiet hours 23-06: 22:30 is fine.
        let custom = ProactivePreferences(quietHours: DayWindow(startMinute: 23 * 60, endMinute: 6 * 60))
        #expect(policy.decide(followUp, context(late, custom)) == .send)
    }

    @Test func theDailyCapDropsRemindersAndDefersFollowUpsToTomorrow() {
        let now = clock.at(2026, 11, 24, 15)
        let capped = ProactivePreferences(dailyCap: 3)
        #expect(policy.decide(nudge(.reminder, due: now), context(now, capped, sent: 3, eventStart: now.addingTimeInterval(600))) == .drop(.dailyCap))
        #expect(policy.decide(nudge(.reminder, due: now), context(now, capped, sent: 2, eventStart: now.addingTimeInterval(600))) == .send)
        let followUp = nudge(.followUp, due: now, expires: clock.at(2026, 11, 25, 22))
        #expect(policy.decide(followUp, context(now, capped, sent: 3)) == .wait(until: clock.at(2026, 11, 25, 7)))
        // A follow-up whose day ends before tomorrow morning expires instead of waiting.
        let sameDay = nudge(.followUp, due: now, expires: clock.at(2026, 11, 24, 22))
        #expect(policy.decide(sameDay, context(now, capped, sent: 3)) == .expire)
    }

    @Test func mutedUsersGetNothing() {
        let now = clock.at(2026, 11, 24, 15)
        let muted = ProactivePreferences(isMuted: true)
        for kind in NudgeKind.allCases {
            #expect(policy.decide(nudge(kind, due: now, expires: now.addingTimeInterval(3600)), context(now, muted, eventStart: now.addingTimeInterval(600))) == .drop(.muted))
        }
    }

    @Test func aSecondFollowUpQueuesBehindTheOpenOne() {
        let now = clock.at(2026, 11, 24, 15)
        #expect(policy.decide(nudge(.followUp, due: now, expires: clock.at(2026, 11, 24, 22)), context(now, open: true)) == .hold)
        #expect(policy.decide(nudge(.reminder, due: now), context(now, open: true, eventStart: now.addingTimeInterval(600))) == .send)
    }
}
