import Foundation
import Testing
@testable import Language

@Suite struct HabitGrammarTests {
    let parser = CommandParser()
    let monday = context("2026-11-23 10:00")

    func habit(_ text: String) -> RecurrenceRequest? {
        guard case .habit(let request) = parser.parse(text, context: monday).command else { return nil }
        return request
    }

    @Test func theThreeExamplesOfTheIssue() throws {
        let gym = try #require(habit("schedule gym 3 times a week"))
        #expect(gym == RecurrenceRequest(task: "gym", timesPerWeek: 3))
        let standup = try #require(habit("standup every weekday at 9:30 for 15 min"))
        #expect(standup == RecurrenceRequest(task: "standup", weekdays: [1, 2, 3, 4, 5], minuteOfDay: 570, durationMinutes: 15))
        let deepWork = try #require(habit("deep work every morning for 2h"))
        #expect(deepWork == RecurrenceRequest(task: "deep work", weekdays: Array(0...6), windowStartMinute: 0, windowEndMinute: 720,
                                              durationMinutes: 120))
        #expect(parser.parse("deep work every morning for 2h", context: monday).intent == .habit)
    }

    @Test(arguments: [
        ("gym twice a week", "gym", nil as [Int]?, 2 as Int?, nil as Int?),
        ("add yoga once a week", "yoga", nil, 1, nil),
        ("book swim 3x per week", "swim", nil, 3, nil),
        ("schedule reading three times a week for 30 min", "reading", nil, 3, nil),
        ("run every mon, wed and fri at 7am for 45 min", "run", [1, 3, 5], nil, 420),
        ("meditate daily at 7am for 10 min", "meditate", Array(0...6), nil, 420),
        ("meditate daily at 7 for 10 min", "meditate", Array(0...6), nil, 1140),
        ("schedule review every friday at 4pm", "review", [5], nil, 960),
        ("schedule piano every day at 18:00", "piano", Array(0...6), nil, 1080),
        ("schedule planning every week", "planning", nil, 1, nil),
    ])
    func recurrences(text: String, task: String, days: [Int]?, count: Int?, minute: Int?) throws {
        let request = try #require(habit(text), "\(text)")
        #expect(request.task == task)
        #expect(request.weekdays == days)
        #expect(request.timesPerWeek == count)
        #expect(request.minuteOfDay == minute)
    }

    @Test func howOftenIsNeverReadAsHowLong() throws {
        #expect(try #require(habit("schedule gym 3 times a week")).durationMinutes == nil)
        #expect(try #require(habit("schedule gym 3 times a week for 90 min")).durationMinutes == 90)
        #expect(try #require(habit("gym 3 times a week in the evening")).windowStartMinute == 18 * 60)
    }

    @Test(arguments: [
        "I feel tired every morning",
        "why is it raining every day",
        "every morning is hard",
        "schedule gym tomorrow at 6pm",
        "done 8",
        "8",
    ])
    func chatAndOtherCommandsAreNotHabits(text: String) {
        #expect(parser.parse(text, context: monday).intent != .habit, "\(text)")
    }

    @Test func aHabitWithoutATaskAsksWhat() {
        let command = parser.parse("schedule every weekday at 9", context: monday)
        #expect(command.intent == .habit)
        #expect(command.problem == .missing(.habit))
    }
}

@Suite struct ProactiveSettingsGrammarTests {
    let parser = CommandParser()
    let monday = context("2026-11-23 10:00")

    @Test(arguments: [
        ("reminders 15 min", IntentKind.reminders, ProactiveSetting.reminders(leadMinutes: 15)),
        ("remind me 5 minutes before", .reminders, .reminders(leadMinutes: 5)),
        ("reminders on", .reminders, .reminders(leadMinutes: 10)),
        ("reminders off", .reminders, .reminders(leadMinutes: nil)),
        ("no reminders please", .reminders, .reminders(leadMinutes: nil)),
        ("daily plan at 8", .dailyPlan, .dailyPlan(minuteOfDay: 480)),
        ("daily plan at 7", .dailyPlan, .dailyPlan(minuteOfDay: 420)),
        ("daily plan at 7:30pm", .dailyPlan, .dailyPlan(minuteOfDay: 1170)),
        ("daily plan off", .dailyPlan, .dailyPlan(minuteOfDay: nil)),
        ("weekly review on", .weeklyReview, .weeklyReview(on: true)),
        ("weekly review off", .weeklyReview, .weeklyReview(on: false)),
        ("quiet hours 22-07", .quietHours, .quietHours(startMinute: 1320, endMinute: 420)),
        ("quiet hours 11pm to 6:30am", .quietHours, .quietHours(startMinute: 1380, endMinute: 390)),
        ("quiet hours off", .quietHours, .quietHoursOff),
        ("message limit 4", .messageLimit, .messageLimit(perDay: 4)),
        ("unanswered missed", .unanswered, .unansweredCountsAsMissed(true)),
        ("unanswered unknown", .unanswered, .unansweredCountsAsMissed(false)),
    ])
    func settings(text: String, intent: IntentKind, request: ProactiveSetting) {
        let command = parser.parse(text, context: monday)
        #expect(command.intent == intent, "\(text)")
        #expect(command.command == .setting(request), "\(text)")
    }

    @Test(arguments: ["habits", "show my habits"])
    func habitsAreListed(text: String) {
        #expect(parser.parse(text, context: monday).command == .habits)
    }

    @Test(arguments: ["stop", "Stop!", "mute", "quiet", "be quiet", "stop messaging me", "please stop", "shh"])
    func bareStopMutes(text: String) {
        #expect(parser.parse(text, context: monday).command == .setting(.mute), "\(text)")
    }

    @Test(arguments: ["resume", "unmute"])
    func resumeUnmutes(text: String) {
        #expect(parser.parse(text, context: monday).command == .setting(.resume))
    }

    @Test func stopWithANameEndsAHabit() {
        for (text, name) in [("stop gym", "gym"), ("stop habit deep work", "deep work"), ("end habit standup", "standup")] {
            let command = parser.parse(text, context: monday)
            #expect(command.command == .stopHabit(name: name), "\(text)")
        }
    }

    @Test func intentRawValuesAreTheReplayContract() {
        #expect(IntentKind.stopHabit.rawValue == "stop_habit")
        #expect(IntentKind.dailyPlan.rawValue == "daily_plan")
        #expect(IntentKind.quietHours.rawValue == "quiet_hours")
    }
}
