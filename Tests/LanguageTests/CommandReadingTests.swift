import Foundation
import Testing
@testable import Language

/// How the grammar reads what people write: time words inside names, politeness, emoji, typos,
/// questions that mean commands, and the setting phrasing of time zones.
@Suite struct CommandReadingTests {
    let parser = CommandParser()
    let monday = context("2026-11-23 10:00")

    @Test(arguments: [
        ("schedule evening walk at 7pm", "evening walk", "2026-11-23T19:00:00+01:00"),
        ("schedule team lunch friday at 12:30", "team lunch", "2026-11-27T12:30:00+01:00"),
        ("book lunch with Jo tomorrow at 1pm", "lunch with Jo", "2026-11-24T13:00:00+01:00"),
        ("schedule night shift prep thursday 4pm", "night shift prep", "2026-11-26T16:00:00+01:00"),
        ("schedule friday demo prep on thursday at 3pm", "friday demo prep", "2026-11-26T15:00:00+01:00"),
        ("schedule \"plan the week\" sunday at 6pm", "plan the week", "2026-11-29T18:00:00+01:00"),
        ("put gym on my calendar tomorrow at 7am", "gym", "2026-11-24T07:00:00+01:00"),
        ("pls schedule gym tmrw 6pm thx", "gym", "2026-11-24T18:00:00+01:00"),
        ("📅 schedule dentist friday at 10", "dentist", "2026-11-27T10:00:00+01:00"),
        ("sched gym tomorrow 7pm", "gym", "2026-11-24T19:00:00+01:00"),
        ("remind me to call mom at 5", "call mom", "2026-11-23T17:00:00+01:00"),
    ])
    func scheduleKeepsTheName(text: String, task: String, start: String) throws {
        guard case .schedule(let request) = parser.parse(text, context: monday).command else {
            Issue.record("\(text) is not a schedule")
            return
        }
        #expect(request.task == task)
        #expect(iso(request.when?.start, monday) == start)
    }

    @Test func aTimeWordIsTheNameWhenNothingElseIs() throws {
        #expect(parser.parse("schedule lunch tomorrow", context: monday).command
            == .schedule(ScheduleRequest(task: "lunch", when: TimeExpressionParser().parse("tomorrow", context: monday))))
    }

    @Test func knownNamesKeepTheirTimeWords() {
        let reading = parser.parse("schedule morning pages tomorrow", context: monday, knownNames: ["Morning Pages"])
        #expect(reading.task == "morning pages")
    }

    @Test(arguments: [("schedule gym friday 2-4pm", 120), ("book study session tomorrow 9-11am", 120), ("schedule call tomorrow 14:00-14:45", 45)])
    func aClockRangeIsTheDuration(text: String, minutes: Int) {
        #expect(parser.parse(text, context: monday).durationMinutes == minutes)
    }

    @Test(arguments: [
        ("what have I got on thursday?", AgendaScope.period, "2026-11-26T00:00:00+01:00" as String?),
        ("what do I have on friday?", .period, "2026-11-27T00:00:00+01:00"),
        ("show me today's plan", .today, "2026-11-23T00:00:00+01:00"),
        ("anything on saturday?", .period, "2026-11-28T00:00:00+01:00"),
        ("what's my schedule for tomorrow?", .tomorrow, "2026-11-24T00:00:00+01:00"),
        ("what's next", .next, nil),
        ("show me my schedule", .upcoming, nil),
    ])
    func agendaQuestions(text: String, scope: AgendaScope, start: String?) {
        guard case .agenda(let request) = parser.parse(text, context: monday).command else {
            Issue.record("\(text) is not agenda")
            return
        }
        #expect(request.scope == scope)
        #expect(iso(request.when?.start, monday) == start)
    }

    @Test(arguments: [
        ("set my timezone to Asia/Seoul", "Asia/Seoul"), ("my timezone is America/New_York", "America/New_York"),
        ("change my time zone to Asia/Tokyo", "Asia/Tokyo"), ("update timezone: America/Chicago", "America/Chicago"),
        ("set timezone to Australia/Sydney please", "Australia/Sydney"), ("timezone asia/seoul", "Asia/Seoul"),
        ("I'm in Asia/Seoul timezone now", "Asia/Seoul"),
    ])
    func timeZonePhrasing(text: String, zone: String) {
        #expect(parser.parse(text, context: monday).command == .timezone(name: zone))
    }

    @Test(arguments: [
        ("doen 8/10", IntentKind.done), ("mvoe gym to friday 6pm", .move), ("halp", .help), ("skp gym", .skip),
        ("scheduel dentist friday 10am", .schedule), ("cancle gym", .cancel), ("rseume", .resume),
    ])
    func typosInCommandWords(text: String, intent: IntentKind) {
        let reading = parser.parse(text, context: monday)
        #expect(reading.intent == intent)
        #expect(reading.correction != nil)
    }

    @Test(arguments: ["mode", "more", "books", "cancer", "gone", "dome"])
    func realWordsAreNotCorrected(word: String) {
        #expect(CommandWords.correction(for: word) == nil)
    }

    @Test(arguments: ["completely", "scheduler", "bookers", "cancelable"])
    func wordsDerivedFromACommandWordAreNotCorrected(word: String) {
        #expect(CommandWords.correction(for: word) == nil)
    }

    @Test func anAdverbOfACommandWordStaysChat() {
        #expect(parser.parse("I'm completely overwhelmed with work", context: monday).intent == .chat)
    }

    @Test(arguments: [
        ("can you move my run to 7?", IntentKind.move, "run"), ("reschedule gym for friday 6pm", .move, "gym"),
        ("could you book a massage on saturday at 11", .schedule, "massage"), ("not doing gym today", .skip, "gym"),
        ("I won't make it to yoga tomorrow", .skip, "yoga"), ("just did my workout, 7/10", .done, "workout"),
    ])
    func questionsAndPhrasesThatMeanCommands(text: String, intent: IntentKind, task: String) {
        let reading = parser.parse(text, context: monday)
        #expect(reading.intent == intent, "\(text)")
        #expect(reading.task == task, "\(text)")
    }

    @Test(arguments: [
        "done is better than perfect", "book club was fun last night", "I need to move house next month", "I'm done for today, so tired",
        "I moved my desk to the window", "im not doing great", "my schedule is crazy this week", "the evening walk was lovely yesterday",
        "can't make up my mind", "what's up", "what a day", "move on", "book it", "add it to the list", "remind me to breathe lol",
        "see you tomorrow", "done?",
        "all done for now", "almost finished", "homework done by friday", "block the noise", "set up my new desk",
        "I'm free tomorrow", "remind me about it later", "can't make the cut", "crushed by work this week",
        "I want to cancel my subscription", "we are so done", "busy day tomorrow", "happy friday", "home by 6pm", "change my mind",
        "done with this week honestly", "I'm back at 3pm", "meeting went long at 3pm?",
    ])
    func sentencesStayChat(text: String) {
        #expect(parser.parse(text, context: monday).intent == .chat, "\(text)")
    }

    @Test(arguments: [
        ("block 2 hours for deep work tomorrow morning", IntentKind.schedule, "deep work"),
        ("pencil in a call with Sam on thursday at 11", .schedule, "call with Sam"),
        ("make time for reading tonight", .schedule, "reading"),
        ("set up a call with the bank friday 10am", .schedule, "call with the bank"),
        ("just wrapped up deep work, pretty good", .done, "deep work"),
        ("crushed my run 9/10", .done, "run"),
        ("gym done 8/10", .done, "gym"),
        ("deep work finished, felt great", .done, "deep work"),
        ("my run done", .done, "run"),
        ("can't do piano today", .skip, "piano"),
        ("not going to make the swim tomorrow", .skip, "swim"),
        ("bailing on yoga tonight", .skip, "yoga"),
        ("gonna skip gym today", .skip, "gym"),
        ("I need to move gym to friday 6pm", .move, "gym"),
        ("can we move coffee with Lena to next monday at 3?", .move, "coffee with Lena"),
        ("bump standup to 10am", .move, "standup"),
        ("postpone the dentist to next week", .move, "dentist"),
        ("call off the team lunch", .cancel, "team lunch"),
        ("get rid of inbox zero", .cancel, "inbox zero"),
        ("change yoga to 6pm", .move, "yoga"),
        ("gym 7am tmrw", .schedule, "gym"),
        ("call mom at 5pm", .schedule, "call mom"),
        ("schedule something called inbox zero at 4pm", .schedule, "inbox zero"),
        ("won't make the check-in with my manager", .skip, "check-in with my manager"),
        ("stop the journaling habit", .stopHabit, "journaling"),
    ])
    func verbPhrasesAndWordOrderPeopleUse(text: String, intent: IntentKind, task: String) {
        let reading = parser.parse(text, context: monday)
        #expect(reading.intent == intent, "\(text)")
        #expect(reading.task == task, "\(text)")
    }

    @Test func aRatingAfterTheTaskAndDoneWordIsKept() {
        #expect(parser.parse("gym done 8/10", context: monday).command.fields.rating == 0.8)
    }

    @Test(arguments: [
        ("schedule date night saturday 8pm", "date night", "2026-11-28T20:00:00+01:00"),
        ("schedule the weekly report friday at 4", "weekly report", "2026-11-27T16:00:00+01:00"),
        ("book movie night friday at 7", "movie night", "2026-11-27T19:00:00+01:00"),
    ])
    func partsOfDayAndCadencesInsideNames(text: String, task: String, start: String) {
        guard case .schedule(let request) = parser.parse(text, context: monday).command else {
            Issue.record("\(text) is not a one-off schedule")
            return
        }
        #expect(request.task == task)
        #expect(iso(request.when?.start, monday) == start)
    }

    @Test func aCadenceWithoutOneDayStillMakesAHabit() {
        #expect(parser.parse("schedule daily standup at 9:30", context: monday).intent == .habit)
        #expect(parser.parse("gym weekly at 6pm", context: monday).intent == .habit)
    }

    @Test(arguments: ["what can i ask you", "how does this bot work", "what are your commands", "what can you do for me"])
    func questionsAboutTheBotAskForHelp(text: String) {
        #expect(parser.parse(text, context: monday).intent == .help, "\(text)")
    }

    @Test func settingsInOtherWords() {
        #expect(parser.parse("resume reminders", context: monday).command == .setting(.resume))
        #expect(parser.parse("pause reminders", context: monday).command == .setting(.mute))
        #expect(parser.parse("remind me 15 min before", context: monday).command == .setting(.reminders(leadMinutes: 15)))
        #expect(parser.parse("i'm free mon-fri 8am-6pm", context: monday).intent == .available)
    }

    @Test func myWeekIsThisWeek() {
        guard case .agenda(let request) = parser.parse("show me my week", context: monday).command else {
            Issue.record("not agenda")
            return
        }
        #expect(request.scope == .period)
        #expect(iso(request.when?.start, monday) == "2026-11-23T00:00:00+01:00")
    }
}

/// Taking back, dropping and re-rating what was just done, in the words people use for it.
@Suite struct TakingBackReadingTests {
    let parser = CommandParser()
    let monday = context("2026-11-23 10:00")

    @Test(arguments: ["ctrl z", "ctrl+z", "Cmd-Z", "take back that", "undo the last thing", "undo what I just did", "I take it back",
                      "revert my last change", "oops, take that back"])
    func undoInOtherWords(text: String) {
        #expect(parser.parse(text, context: monday).command == .undo, "\(text)")
    }

    /// A dismissal of "that" takes back a change only just after one (the engine decides); the grammar marks it so.
    @Test(arguments: ["scratch that", "nvm that", "never mind that", "Nevermind that!", "forget about that", "ignore that", "oops scratch that"])
    func dismissalsOfThatAreTakeBacksOfWhatWasJustDone(text: String) {
        let command = parser.parse(text, context: monday).command
        #expect(command == .neverMind, "\(text)")
        #expect(command.intent == .undo)
    }

    /// Bare "never mind" or "forget it" drops a question or a topic; questions about undo ask how.
    @Test(arguments: ["nvm", "never mind", "forget it", "oh never mind", "what did I undo?", "how do I undo that", "scratch that idea",
                      "never mind that meeting, it went fine", "i did that", "cancel that"])
    func dismissalsOfTheTalkStayTalk(text: String) {
        let command = parser.parse(text, context: monday).command
        #expect(command != .undo && command != .neverMind, "\(text)")
    }

    @Test(arguments: [("give it a 6", 0.6), ("I'd give it a 6", 0.6), ("call it a 6", 0.6), ("make it an 8 actually", 0.8),
                      ("make it a 4 instead", 0.4), ("rating: 7", 0.7), ("rate it 5", 0.5), ("make it a 4", 0.4)])
    func newRatingsInOtherWords(text: String, rating: Double) {
        #expect(parser.parse(text, context: monday).command == .rerate(rating: rating), "\(text)")
    }

    @Test(arguments: ["make it 4", "give it 5 minutes", "at 4 instead", "give me a 5 minute break", "call at 6", "make it a 4 hour block"])
    func numbersThatAreNoRatingStayWhatTheyAre(text: String) {
        if case .rerate = parser.parse(text, context: monday).command { Issue.record("\(text) read as a new rating") }
    }

    @Test(arguments: ["move yoga to same hour friday", "move yoga to friday, same hour", "push yoga to friday at the same hour"])
    func sameHourIsSameTime(text: String) {
        guard case .move(let request) = parser.parse(text, context: monday).command else {
            Issue.record("\(text) is not a move")
            return
        }
        #expect(request.task == "yoga")
        #expect(request.keepsEventTime, "\(text)")
        #expect(iso(request.to?.start, monday)?.hasPrefix("2026-11-27") == true, "\(text)")
    }
}
