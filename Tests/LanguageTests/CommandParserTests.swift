import Foundation
import Testing
@testable import Language

@Suite struct CommandParserTests {
    let parser = CommandParser()
    let monday = context("2026-11-23 10:00")

    @Test(arguments: [
        ("schedule gym tmrw evening", "gym", "2026-11-24T18:00:00+01:00", nil as Int?),
        ("book 1:1 with Sam next tue at 3:30pm for 45 min", "1:1 with Sam", "2026-12-01T15:30:00+01:00", 45),
        ("schedule 3 calls at 4pm", "3 calls", "2026-11-23T16:00:00+01:00", nil),
        ("schedule review of Q4 plan tomorrow", "review of Q4 plan", "2026-11-24T00:00:00+01:00", nil),
        ("tomorrow 9am schedule standup 15min", "standup", "2026-11-24T09:00:00+01:00", 15),
        ("add deep coding friday for 2h", "deep coding", "2026-11-27T00:00:00+01:00", 120),
        ("put Gym on Sat 8am", "Gym", "2026-11-28T08:00:00+01:00", nil),
        ("please schedule a call with Tom next week", "call with Tom", "2026-11-30T00:00:00+01:00", nil),
        ("Schedule write report in 2 hours for 90 min", "write report", "2026-11-23T12:00:00+01:00", 90),
    ])
    func schedule(text: String, task: String, start: String, duration: Int?) {
        let command = parser.parse(text, context: monday)
        #expect(command.intent == .schedule)
        #expect(command.task == task)
        #expect(iso(command.when?.start, monday) == start)
        #expect(command.durationMinutes == duration)
        #expect(command.problem == nil)
    }

    @Test func scheduleAloneAsksWhat() {
        let command = parser.parse("schedule", context: monday)
        #expect(command.intent == .schedule)
        #expect(command.problem == .missing(.task))
        #expect(command.unreadable?.message == "What should I schedule? For example: schedule gym tomorrow 6pm for 1h")
    }

    @Test func unreadableTimeIsReportedWithWhatWasUnderstood() {
        let command = parser.parse("schedule gym at 25pm", context: monday)
        #expect(command.task == "gym")
        #expect(command.when == nil)
        #expect(command.problem == .impossible(ImpossibleValue("25pm", .clock)))
        #expect(command.unreadable?.message.contains("25pm") == true)
    }

    @Test func planWithAClockTimeSchedulesAndPlanWithAGoalAsksForAPlan() {
        let timed = parser.parse("plan review between 2 and 4", context: monday)
        #expect(timed.intent == .schedule)
        #expect(timed.task == "review")
        #expect(parser.parse("plan gym tomorrow at 6pm", context: monday).intent == .schedule)
        let goal = parser.parse("plan my week for a CS master's application", context: monday)
        #expect(goal.intent == .plan)
        #expect(goal.task == "my week for a CS master's application")
        #expect(parser.parse("plan fresh a marathon training block", context: monday).command == .plan(PlanRequest(goal: "a marathon training block", wantsFresh: true)))
        #expect(parser.parse("plan", context: monday).problem != nil)
    }

    @Test(arguments: [
        ("done!! 9/10 felt sharp", nil as String?, 0.9 as Double?, "felt sharp" as String?),
        ("done", nil, nil, nil),
        ("finished deep coding 8/10", "deep coding", 0.8, nil),
        ("did it 7", nil, 0.7, nil),
        ("done gym great workout", "gym", 0.9, "great workout"),
        ("done with the report, felt ok", "report", 0.6, "felt ok"),
        ("finished standup: meh", "standup", 0.4, "meh"),
        ("done 3/5", nil, 0.6, nil),
        ("done reading - terrible focus", "reading", 0.1, "terrible focus"),
        ("completed gym rating 10", "gym", 1.0, nil),
        ("done 3 calls, tired", "3 calls", nil, "tired"),
    ])
    func done(text: String, task: String?, rating: Double?, note: String?) {
        let command = parser.parse(text, context: monday)
        #expect(command.intent == .done)
        #expect(command.task == task)
        #expect(command.rating == rating)
        #expect(command.note == note)
    }

    @Test(arguments: [
        ("skip gym", "gym", nil as String?),
        ("missed standup, overslept", "standup", "overslept"),
        ("skipped", nil, nil),
    ])
    func skip(text: String, task: String?, note: String?) {
        let command = parser.parse(text, context: monday)
        #expect(command.intent == .skip)
        #expect(command.task == task)
        #expect(command.note == note)
    }

    @Test(arguments: [
        ("agenda", AgendaScope.upcoming), ("today", .today), ("Tomorrow?", .tomorrow), ("what's next", .next),
        ("whats next?", .next), ("what's on today", .today), ("agenda tomorrow", .tomorrow), ("show my agenda", .upcoming),
    ])
    func agenda(text: String, scope: AgendaScope) {
        let command = parser.parse(text, context: monday)
        #expect(command.intent == .agenda)
        guard case .agenda(let request) = command.command else { return }
        #expect(request.scope == scope)
    }

    @Test func cancelAndMove() {
        let cancel = parser.parse("cancel gym tomorrow", context: monday)
        #expect(cancel.intent == .cancel && cancel.task == "gym")
        #expect(iso(cancel.when?.start, monday) == "2026-11-24T00:00:00+01:00")

        let move = parser.parse("move deep work to friday morning", context: monday)
        #expect(move.intent == .move && move.task == "deep work")
        #expect(iso(move.when?.start, monday) == "2026-11-27T00:00:00+01:00")
        #expect(iso(move.when?.end, monday) == "2026-11-27T12:00:00+01:00")

        let fromTo = parser.parse("move gym from monday to friday 6pm", context: monday)
        #expect(fromTo.task == "gym")
        #expect(iso(fromTo.when?.start, monday) == "2026-11-27T18:00:00+01:00")

        let nowhere = parser.parse("move gym", context: monday)
        #expect(nowhere.problem == .missing(.destination))
        #expect(nowhere.unreadable?.message.hasPrefix("When should I move \"gym\" to?") == true)
    }

    @Test func timezone() {
        let known = parser.parse("timezone America/New_York", context: monday)
        #expect(known.command == .timezone(name: "America/New_York"))
        let unknown = parser.parse("timezone Mars/Olympus", context: monday)
        #expect(unknown.intent == .timezone && unknown.problem == .unknownTimeZone("Mars/Olympus"))
    }

    @Test(arguments: [
        ("available weekdays 9-17", [1, 2, 3, 4, 5], 540, 1020),
        ("available mon,tue 08:00-12:00", [1, 2], 480, 720),
        ("available sat off", [6], 0, 0),
        ("available mon-fri 9am to 5:30pm", [1, 2, 3, 4, 5], 540, 1050),
        ("available weekends 10-14", [6, 0], 600, 840),
        ("available 8-20", [0, 1, 2, 3, 4, 5, 6], 480, 1200),
    ])
    func available(text: String, days: [Int], from: Int, to: Int) {
        let command = parser.parse(text, context: monday)
        #expect(command.command == .available(AvailabilityRequest(weekdays: days, fromMinute: from, toMinute: to)))
    }

    @Test(arguments: [
        ("shedule gym", IntentKind.schedule, "shedule -> schedule"),
        ("agneda", .agenda, "agneda -> agenda"),
        ("cancle gym", .cancel, "cancle -> cancel"),
        ("finsihed 8/10", .done, "finsihed -> finished"),
        ("timezon Europe/Paris", .timezone, "timezon -> timezone"),
    ])
    func nearMissIsCorrected(text: String, intent: IntentKind, correction: String) {
        let command = parser.parse(text, context: monday)
        #expect(command.intent == intent)
        #expect(command.correction == correction)
    }

    @Test(arguments: ["hello there", "cancer research is cool", "what do you think about my week?", "books are great", ""])
    func otherTextIsChat(text: String) {
        #expect(parser.parse(text, context: monday).intent == .chat)
    }

    @Test func helpIsRecognised() {
        #expect(parser.parse("help", context: monday).intent == .help)
        #expect(parser.parse("?", context: monday).intent == .help)
        #expect(parser.parse("help me please", context: monday).intent == .help)
    }

    @Test func helpWithARequestIsCoachingChat() {
        #expect(parser.parse("help me plan my week", context: monday).intent == .chat)
        #expect(parser.parse("help me with my motivation", context: monday).intent == .chat)
    }

    @Test func jsonKeepsTheContractOrder() {
        let json = parser.parse("schedule gym tomorrow 6pm for 1h", context: monday).json(in: monday.offsets)
        #expect(json == #"{"intent":"schedule","task":"gym","when":{"start":"2026-11-24T18:00:00+01:00","end":null,"grain":"hour"},"duration_minutes":60,"rating":null,"note":null}"#)
    }
}
