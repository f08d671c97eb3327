import Foundation
import Testing
@testable import Language

/// Follow-ups about the event just talked about read as a move of "it"; a time of day alone keeps the event's day.
@Suite struct FollowUpReadingTests {
    let parser = CommandParser()
    let monday = context("2026-11-23 10:00")

    @Test(arguments: [
        ("make it 3pm", "2026-11-23T15:00:00+01:00", true),
        ("actually make it 3pm", "2026-11-23T15:00:00+01:00", true),
        ("actually 4pm instead", "2026-11-23T16:00:00+01:00", true),
        ("can we do it at 4 instead?", "2026-11-23T16:00:00+01:00", true),
        ("I'd rather do it tomorrow", "2026-11-24T00:00:00+01:00", false),
        ("nah friday instead", "2026-11-27T00:00:00+01:00", false),
        ("change it to 5:30", "2026-11-23T17:30:00+01:00", true),
    ])
    func followUpIsAMoveOfIt(text: String, start: String, keepsDay: Bool) throws {
        let reading = parser.parse(text, context: monday)
        guard case .move(let request) = reading.command else { Issue.record("\(text) -> \(reading.intent)"); return }
        #expect(request.task == "it")
        #expect(request.to.map { iso($0.start, monday) } == start)
        #expect(request.keepsEventDay == keepsDay)
    }

    @Test(arguments: ["how about tomorrow?", "make it to the gym at 6", "it's raining at 3", "what about friday"])
    func withoutACueOrWithOtherWordsItIsNoFollowUp(text: String) {
        if case .move = parser.parse(text, context: monday).command { Issue.record("\(text) read as a move") }
    }

    @Test func aMoveToADayDoesNotKeepTheEventsDay() throws {
        guard case .move(let request) = parser.parse("move gym to friday 7pm", context: monday).command else {
            Issue.record("not a move"); return
        }
        #expect(!request.keepsEventDay)
        guard case .move(let clockOnly) = parser.parse("move gym to 7", context: monday).command else { Issue.record("not a move"); return }
        #expect(clockOnly.keepsEventDay)
    }

    @Test(arguments: ["plan my day", "plan tomorrow", "plan out the week"])
    func planningADayOrWeekIsItsAgenda(text: String) {
        #expect(parser.parse(text, context: monday).intent == .agenda)
    }

    @Test func planningAGoalStaysAPlan() {
        #expect(parser.parse("plan a trip to rome", context: monday).intent == .plan)
        #expect(parser.parse("plan my marathon training", context: monday).intent == .plan)
    }

    @Test(arguments: [("when's my next run", "run"), ("when do I have gym next?", "gym"), ("when is my next piano lesson", "piano lesson")])
    func whenIsMyNextTaskAsksForThatTasksNextEvent(text: String, task: String) throws {
        guard case .agenda(let request) = parser.parse(text, context: monday).command else { Issue.record("\(text) is no agenda"); return }
        #expect(request.scope == .next)
        #expect(request.task == task)
    }

    @Test(arguments: ["when's my next step?", "when is the deadline", "when am I most productive?", "when do I usually run best?"])
    func whenQuestionsAboutOtherThingsStayChat(text: String) {
        #expect(parser.parse(text, context: monday).intent == .chat)
    }

    @Test(arguments: ["is friday free?", "am I free friday afternoon?", "any free time tomorrow?", "is tomorrow afternoon busy"])
    func freeTimeQuestionsShowThatTime(text: String) throws {
        guard case .agenda(let request) = parser.parse(text, context: monday).command else { Issue.record("\(text) is no agenda"); return }
        #expect(request.when != nil)
    }

    @Test func sayingWhenYouAreFreeIsNoQuestion() {
        #expect(parser.parse("free friday 9-5", context: monday).intent == .available)
    }
}
