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

/// Shapes of commands an independent writer used that the grammar had not seen: each test names the general form.
@Suite struct OtherShapesOfCommandsTests {
    let parser = CommandParser()
    let monday = context("2026-11-23 10:00")

    func reading(_ text: String) -> Reading { parser.parse(text, context: monday) }

    @Test(arguments: [
        ("laundry this arvo", "laundry", "2026-11-23T12:00:00+01:00"), ("pay rent on the 1st", "pay rent", "2026-12-01T00:00:00+01:00"),
        ("swim in a couple of hours", "swim", "2026-11-23T12:00:00+01:00"), ("bike ride tomorrow morning 🚴", "bike ride", "2026-11-24T00:00:00+01:00"),
        ("vet appointment for biscuit next tuesday 10:15", "vet appointment for biscuit", "2026-12-01T10:15:00+01:00"),
        ("cleaning the flat sunday arvo 2 hrs", "cleaning the flat", "2026-11-29T12:00:00+01:00"),
        ("1:1 with Ravi wed 2-2:30", "1:1 with Ravi", "2026-11-25T14:00:00+01:00"),
        ("wendsday 10am code review", "code review", "2026-11-25T10:00:00+01:00"),
    ])
    func aTaskWithATimePreciseEnoughToBookSchedulesIt(text: String, task: String, start: String) {
        guard case .schedule(let request) = reading(text).command else { Issue.record("\(text) is not a schedule"); return }
        #expect(request.task == task, "\(text)")
        #expect(iso(request.when?.start, monday) == start, "\(text)")
    }

    @Test(arguments: ["busy day tomorrow", "happy friday", "friday night vibes", "monday blues", "good morning", "tired this morning",
                      "dinner was great tonight, thanks", "love mondays", "sunny this afternoon", "school starts on the 3rd",
                      "talk later tonight"])
    func aBareDayOrAFeelingWithATimeStaysChat(text: String) {
        #expect(reading(text).intent == .chat, "\(text)")
    }

    @Test func aLengthSaidMakesABareDayBookable() {
        #expect(reading("study session 45 min tonight").command.fields == CommandFields(
            task: "study session", when: TimeExpressionParser().parse("tonight", context: monday), durationMinutes: 45))
        #expect(reading("essay friday").intent == .chat)
    }

    @Test(arguments: [("yoga → 7pm pls", "yoga"), ("standup -> 9:30", "standup"), ("slide the code review to after lunch", "code review"),
                      ("rebook physio for the 10th at 2", "physio"), ("moving bike ride to tmrw evening, rain today", "bike ride"),
                      ("actually put the dentist on the 4th instead", "dentist"), ("Reschedule the vet to half 9.", "vet")])
    func movesInOtherWords(text: String, task: String) {
        guard case .move(let request) = reading(text).command else { Issue.record("\(text) is not a move"); return }
        #expect(request.task == task, "\(text)")
        #expect(request.to != nil, "\(text)")
    }

    @Test func aMoveMayNameTheEventByItsTimeOnly() {
        guard case .move(let request) = reading("move my 3pm to 4").command else { Issue.record("not a move"); return }
        #expect(request.task.isEmpty)
        #expect(iso(request.from?.start, monday) == "2026-11-23T15:00:00+01:00")
        #expect(iso(request.to?.start, monday) == "2026-11-23T16:00:00+01:00")
    }

    @Test(arguments: ["I moved to Berlin last year", "moving house next month is stressing me", "take the dog for a walk", "forget it",
                      "push-ups or planks, which is better?", "did my best today, that's what counts", "reminder to self: be kinder to myself"])
    func phrasesThatOnlyLookLikeCommandsStayChat(text: String) {
        #expect(reading(text).intent == .chat, "\(text)")
    }

    @Test func takingWithoutOffIsNoCancel() {
        #expect(reading("take the dog for a walk at 5").intent != .cancel)
    }

    @Test(arguments: [("take the massage off friday", "massage"), ("forget the grocery run", "grocery run"), ("clear the study session ❌", "study session"),
                      ("nix the team retro, manager's out", "team retro"), ("pls cancel physio, clinic called", "physio")])
    func cancelsInOtherWordsAndWithAReason(text: String, task: String) {
        guard case .cancel(let choice) = reading(text).command else { Issue.record("\(text) is not a cancel"); return }
        #expect(choice.task == task, "\(text)")
    }

    @Test func cancellingEverythingInATimeNamesNoTask() {
        guard case .cancel(let choice) = reading("cancel everything tomorrow afternoon").command else { Issue.record("not a cancel"); return }
        #expect(choice.task == nil)
        #expect(choice.when != nil)
    }

    @Test func aReasonAfterABookingIsNotItsNameOrTime() {
        guard case .schedule(let request) = reading("put 3h of taxes on the 28th pls, has to be done by end of the month").command else {
            Issue.record("not a schedule")
            return
        }
        #expect(request.task == "taxes")
        #expect(request.durationMinutes == 180)
        #expect(iso(request.when?.start, monday) == "2026-11-28T00:00:00+01:00")
        // A time after the comma is still the booking's.
        #expect(iso(reading("schedule gym tomorrow, 6pm").when?.start, monday) == "2026-11-24T18:00:00+01:00")
    }

    @Test(arguments: [
        ("gym ✅", "gym", nil as Double?), ("call with mom ✔️", "call with mom", nil), ("grocery run ✅✅", "grocery run", nil),
        ("just got back from the dentist", "dentist", nil), ("back from physio, it was ok 3 out of 5", "physio", 0.6),
        ("i went to the gym this morning", "gym", nil), ("did 40 min of stretching", "stretching", nil), ("5k run done, 28 min", "5k run", nil),
        ("yoga was great ⭐⭐⭐⭐⭐", "yoga", 1.0), ("swim done, 45 mins, 4 stars", "swim", 0.8), ("mark guitar practice as done", "guitar practice", nil),
        ("finished reading for 30 min", "reading", nil),
    ])
    func reportsInOtherWords(text: String, task: String, rating: Double?) {
        guard case .done(let report) = reading(text).command else { Issue.record("\(text) is not done"); return }
        #expect(report.task == task, "\(text)")
        #expect(report.rating == rating, "\(text)")
    }

    @Test func aTimeEndingADoneTaskIsWhenItHappened() {
        guard case .done(let report) = reading("did my meditation this morning").command else { Issue.record("not done"); return }
        #expect(report.task == "meditation")
        #expect(iso(report.when?.start, monday) == "2026-11-23T00:00:00+01:00")
    }

    @Test(arguments: ["✅ done gym 8", "Done ✅ 9/10", "the gym was packed yesterday", "yoga is harder than it looks"])
    func checkMarksBesideADoneWordAndTalkWithoutANumberAreNoNewReport(text: String) {
        let command = reading(text).command
        if case .done(let report) = command { #expect(report.task?.contains("✅") != true, "\(text)") }
        if text.hasPrefix("the") || text.hasPrefix("yoga") { #expect(command.intent == .chat, "\(text)") }
    }

    @Test(arguments: [("couldn't make it to physio", "physio"), ("ditching the study session, friends came over", "study session"),
                      ("not gonna do meal prep this sunday", "meal prep"), ("gonna pass on tennis w/ jake sat", "tennis w/ jake")])
    func skipsInOtherWords(text: String, task: String) {
        guard case .skip(let report) = reading(text).command else { Issue.record("\(text) is not a skip"); return }
        #expect(report.task == task, "\(text)")
    }

    @Test(arguments: [("when is my 1:1 with Priya", "1:1 with Priya", AgendaScope.next), ("is the team retro still on for friday?", "team retro", .period)])
    func questionsAboutOneTask(text: String, task: String, scope: AgendaScope) {
        guard case .agenda(let request) = reading(text).command else { Issue.record("\(text) is not agenda"); return }
        #expect(request.task == task, "\(text)")
        #expect(request.scope == scope, "\(text)")
    }

    @Test(arguments: ["find me a free hour tomorrow", "any gaps today?", "got any free slots next week", "what's free on saturday",
                      "remind me what's on friday morning", "what have i got on wendsday"])
    func freeTimeAndAgendaInOtherWords(text: String) {
        guard case .agenda(let request) = reading(text).command else { Issue.record("\(text) is not agenda"); return }
        #expect(request.when != nil, "\(text)")
    }

    @Test(arguments: [
        ("yoga every wed and sun evening", "yoga", [0, 3]), ("gym mon wed fri 7am every week", "gym", [1, 3, 5]),
        ("run tue and thu mornings, recurring", "run", [2, 4]), ("I want to meditate every morning for 10 min", "meditate", Array(0...6)),
        ("set up a weekly call with grandma on saturdays at 11", "call with grandma", [6]),
        ("make reading 20 min a habit, every night before bed", "reading", Array(0...6)),
    ])
    func habitsInOtherWords(text: String, task: String, days: [Int]) {
        guard case .habit(let request) = reading(text).command else { Issue.record("\(text) is not a habit"); return }
        #expect(request.task == task, "\(text)")
        #expect(request.weekdays == days, "\(text)")
    }

    @Test(arguments: ["I feel tired every morning", "got any ideas to make mondays less stressful?", "my run yesterday was brutal"])
    func repeatedFeelingsAreNoHabits(text: String) {
        #expect(reading(text).intent == .chat, "\(text)")
    }

    @Test(arguments: [("no more weekly review", "weekly review"), ("end my piano practice routine", "piano practice"),
                      ("cancel the recurring gym sessions", "gym sessions"), ("i'm done with the journaling habit, remove it", "journaling")])
    func habitsEndedInOtherWords(text: String, name: String) {
        #expect(reading(text).command == .stopHabit(name: name), "\(text)")
    }

    @Test(arguments: ["what are my habits", "list my routines", "show recurring stuff", "which habits do i have set up?"])
    func habitListsInOtherWords(text: String) {
        #expect(reading(text).command == .habits, "\(text)")
    }

    @Test func settingsInMoreWords() {
        #expect(reading("stop reminding me").command == .setting(.reminders(leadMinutes: nil)))
        #expect(reading("turn on reminders 15 min before each task").command == .setting(.reminders(leadMinutes: 15)))
        #expect(reading("turn reminders off").command == .setting(.reminders(leadMinutes: nil)))
        #expect(reading("mute for 2 hours").command == .setting(.mute))
        #expect(reading("ok you can message me again").command == .setting(.resume))
        #expect(reading("don't message me after 10pm").command == .setting(.quietHours(startMinute: 22 * 60, endMinute: 7 * 60)))
    }

    @Test(arguments: [("just landed in tokyo, switch my time zone pls", "Asia/Tokyo"), ("i moved to sydney, can you update my timezone", "Australia/Sydney"),
                      ("I'm in London now", "Europe/London"), ("just arrived in new york", "America/New_York")])
    func timeZonesByCity(text: String, zone: String) {
        #expect(reading(text).command == .timezone(name: zone), "\(text)")
    }

    @Test(arguments: ["how do i add a habit?", "hi, i'm new, how does this work", "how can I cancel an event"])
    func helpInOtherWords(text: String) {
        #expect(reading(text).intent == .help, "\(text)")
    }

    @Test(arguments: [("sorry i meant 7/10", 0.7), ("rating should be 2 not 4", 0.2), ("bump that to 5 stars", 1.0)])
    func newRatingsCorrected(text: String, rating: Double) {
        #expect(reading(text).command == .rerate(rating: rating), "\(text)")
    }

    @Test(arguments: ["no wait, put it back how it was", "that was a mistake, undo pls", "cancel that last thing"])
    func undoWithAReason(text: String) {
        #expect(reading(text).command == .undo, "\(text)")
    }

    @Test func timesInMoreWords() {
        #expect(iso(reading("book 30 min for inbox zero first thing tomorrow").when?.start, monday) == "2026-11-24T00:00:00+01:00")
        #expect(reading("book 30 min for inbox zero first thing tomorrow").task == "inbox zero")
        #expect(reading("read for 30 mins before bed").command.fields.task == "read")
        #expect(iso(reading("schedule a haircut for next fri 9ish").when?.start, monday) == "2026-12-04T09:00:00+01:00")
        #expect(reading("pencil in lunch with sam on thursday at noon").task == "lunch with sam")
    }
}

/// More of the same classes, in wordings written to check that the rules above are general.
@Suite struct MoreShapesTests {
    let parser = CommandParser()
    let monday = context("2026-11-23 10:00")

    func reading(_ text: String) -> Reading { parser.parse(text, context: monday) }

    @Test(arguments: [
        ("can't go to piano tonight", IntentKind.skip, "piano"), ("won't be able to make the dentist tomorrow", .skip, "dentist"),
        ("went for a run this morning", .done, "run"), ("laundry - done", .done, "laundry"), ("i do yoga every tuesday at 7pm", .habit, "yoga"),
        ("quit the running routine", .stopHabit, "running"), ("can we do piano on friday instead", .move, "piano"),
        ("can you set a reminder for the dentist at 2", .schedule, "dentist"), ("when's the dentist", .agenda, "dentist"),
    ])
    func wordingsOfTheSameClasses(text: String, intent: IntentKind, task: String) {
        let r = reading(text)
        #expect(r.intent == intent, "\(text)")
        #expect(r.task == task, "\(text)")
    }

    @Test func settingsAndQuestionsInMoreWordings() {
        #expect(reading("quiet from 11pm to 7am").command == .setting(.quietHours(startMinute: 23 * 60, endMinute: 7 * 60)))
        #expect(reading("don't bother me until tomorrow").command == .setting(.mute))
        #expect(reading("you can start sending me reminders again").command == .setting(.resume))
        #expect(reading("i'm in berlin this week").command == .timezone(name: "Europe/Berlin"))
        #expect(reading("when am i free next week").intent == .agenda)
        #expect(reading("what commands are there").intent == .help)
        #expect(reading("how does this thing work").intent == .help)
    }

    @Test(arguments: ["quite tired today", "i quit my job", "we went to the beach yesterday, lovely", "can't wait for tonight"])
    func talkStaysTalk(text: String) {
        #expect(![IntentKind.schedule, .done, .skip, .mute, .quietHours, .stopHabit].contains(reading(text).intent), "\(text)")
    }
}

extension MoreShapesTests {
    @Test(arguments: [
        ("could you pop yoga in for wednesday evening", IntentKind.schedule, "yoga" as String?), ("stick gym in at 6 tomorrow", .schedule, "gym"),
        ("throw a 30 min walk in after lunch", .schedule, "walk"), ("brunch with the girls sunday", .schedule, "brunch with the girls"),
        ("pick up dry cleaning after work tomorrow", .schedule, "pick up dry cleaning"), ("bring forward my run to 6am", .move, "run"),
        ("scratch gym tomorrow", .cancel, "gym"), ("all done with the report 8/10", .done, "report"), ("show insights", .insights, nil),
        ("why did you put gym at 7", .why, "gym"), ("never mind, cancel that", .cancel, "that"), ("schedule for tomorrow?", .agenda, nil),
    ])
    func verbsAndOpeningsOfTheSameClasses(text: String, intent: IntentKind, task: String?) {
        let r = reading(text)
        #expect(r.intent == intent, "\(text)")
        #expect(r.task == task, "\(text)")
    }

    @Test func settingsSaidWithAVerbFirst() {
        #expect(reading("set reminders to 20 minutes").command == .setting(.reminders(leadMinutes: 20)))
        #expect(reading("no more notifications today").command == .setting(.mute))
        #expect(reading("i'm in new york for the week").command == .timezone(name: "America/New_York"))
    }

    @Test(arguments: ["why did you pick that time?", "drop off the kids at 8", "scratch my back", "get well soon"])
    func thoseStayTalk(text: String) {
        #expect(reading(text).intent == .chat, "\(text)")
    }
}

extension MoreShapesTests {
    @Test func aSkipAfterItsReason() {
        guard case .skip(let report) = reading("overslept and missed my 7am run").command else { Issue.record("not a skip"); return }
        #expect(report.task == "run")
        #expect(report.note == "overslept")
        #expect(reading("tom and jerry missed the bus").intent != .skip)
        #expect(reading("I skipped gym yesterday and feel bad").intent != .done)
    }

    @Test func aLengthFirstThenTheTask() {
        let r = reading("1h of reading tonight")
        #expect(r.intent == .schedule)
        #expect(r.task == "reading")
        #expect(r.durationMinutes == 60)
    }

    @Test func aTimeThatWorksBetterMovesTheEventTalkedAbout() {
        guard case .move(let request) = reading("actually 5pm works better").command else { Issue.record("not a move"); return }
        #expect(request.task == "it")
        #expect(iso(request.to?.start, monday) == "2026-11-23T17:00:00+01:00")
    }

    @Test func cancellingAllOfAKindInATimeNamesNoTask() {
        guard case .cancel(let choice) = reading("cancel all my meetings on friday").command else { Issue.record("not a cancel"); return }
        #expect(choice.task == nil)
        #expect(iso(choice.when?.start, monday) == "2026-11-27T00:00:00+01:00")
    }
}

extension MoreShapesTests {
    @Test(arguments: [("daily walk at lunch", "walk"), ("every monday at 9 team sync", "team sync")])
    func theCadenceFirstThenTheName(text: String, task: String) {
        guard case .habit(let request) = reading(text).command else { Issue.record("\(text) is not a habit"); return }
        #expect(request.task == task, "\(text)")
    }

    @Test func moreSettingWordings() {
        #expect(reading("turn off all notifications").command == .setting(.mute))
        #expect(reading("don't remind me").command == .setting(.reminders(leadMinutes: nil)))
        #expect(reading("shut up for today").command == .setting(.mute))
        #expect(reading("stop sending me messages").command == .setting(.mute))
        #expect(reading("stop sending me messages at night").command == .setting(.quietHours(startMinute: 22 * 60, endMinute: 7 * 60)))
        #expect(reading("daily summary at 8am").command == .setting(.dailyPlan(minuteOfDay: 8 * 60)))
        #expect(reading("no daily plan").command == .setting(.dailyPlan(minuteOfDay: nil)))
    }

    @Test func moreRatingAndHelpWordings() {
        #expect(reading("rate the last one 6/10").command == .rerate(rating: 0.6))
        #expect(reading("change my rating to 5").command == .rerate(rating: 0.5))
        #expect(reading("what can you help with").intent == .help)
        #expect(reading("how do i schedule something").intent == .help)
        #expect(reading("daily walks are good for me").intent == .chat)
    }
}

/// Requests wrapped in politeness, text speak and emoji.
@Suite struct WrappedRequestsTests {
    let parser = CommandParser()
    let monday = context("2026-11-23 10:00")

    func reading(_ text: String) -> Reading { parser.parse(text, context: monday) }

    @Test(arguments: [
        ("Hi! Could you please add a dentist appointment for me on Thursday at 2:30pm? Thanks so much", IntentKind.schedule, "dentist appointment"),
        ("hey so i was thinking, can we move my gym session to saturday morning", .move, "gym session"),
        ("would it be possible to book a massage sometime next week", .schedule, "massage"),
        ("Just wanted to let you know I completed the report", .done, "report"),
        ("Unfortunately I won't be able to make it to yoga tonight", .skip, "yoga"),
        ("I'm afraid I need to cancel my piano lesson tomorrow", .cancel, "piano lesson"),
        ("sorry, i have to skip the gym today", .skip, "gym"), ("gotta move standup to 10", .move, "standup"),
        ("gym 2moro @ 7", .schedule, "gym"), ("meeting w/ boss @ 3pm", .schedule, "meeting w/ boss"), ("✅ gym", .done, "gym"),
        ("❌ yoga tonight", .cancel, "yoga"), ("did yoga, 7/10", .done, "yoga"), ("just got home from the gym", .done, "gym"),
        ("don't forget to call mom at 5", .schedule, "call mom"),
    ])
    func theRequestInside(text: String, intent: IntentKind, task: String) {
        let r = reading(text)
        #expect(r.intent == intent, "\(text)")
        #expect(r.task == task, "\(text)")
    }

    @Test func textSpeakDays() {
        #expect(iso(reading("hair appt 2moro 1pm").when?.start, monday) == "2026-11-24T13:00:00+01:00")
        #expect(iso(reading("gym 2nite").when?.start, monday) == "2026-11-23T18:00:00+01:00")
    }

    @Test(arguments: ["did you see the game last night", "so tired today", "i was thinking about my week", "did nothing today", "sorry about that"])
    func talkAroundTheSameWordsStaysTalk(text: String) {
        #expect(reading(text).intent == .chat, "\(text)")
    }
}

extension WrappedRequestsTests {
    @Test(arguments: [("yoga's done", IntentKind.done, "yoga"), ("get a haircut next week", .schedule, "haircut"),
                      ("organise a call with the team on wednesday", .schedule, "call with the team"), ("rain check on tennis", .skip, "tennis")])
    func moreVerbsOfTheSameClasses(text: String, intent: IntentKind, task: String) {
        let r = reading(text)
        #expect(r.intent == intent, "\(text)")
        #expect(r.task == task, "\(text)")
    }

    @Test func gettingWithoutATimeIsTalk() {
        #expect(reading("get a grip").intent == .chat)
        #expect(reading("my sister's done with school").intent != .schedule)
    }
}

extension WrappedRequestsTests {
    @Test(arguments: [("dinner at 7 with sam", "dinner with sam", "2026-11-23T19:00:00+01:00"), ("lunch @ noon w sarah", "lunch w sarah", "2026-11-23T12:00:00+01:00"),
                      ("breakfast tomorrow at 8 with mum", "breakfast with mum", "2026-11-24T08:00:00+01:00")])
    func aMealThatOpensTheMessageNamesIt(text: String, task: String, start: String) {
        guard case .schedule(let request) = reading(text).command else { Issue.record("\(text) is not a schedule"); return }
        #expect(request.task == task, "\(text)")
        #expect(iso(request.when?.start, monday) == start, "\(text)")
    }

    @Test func aMealInTalkStaysTalk() {
        #expect(reading("lunch was great").intent == .chat)
        #expect(reading("busy at 3 with work").intent == .chat)
    }
}

extension WrappedRequestsTests {
    @Test(arguments: [("move lunch with sam back to 1", "lunch with sam"), ("move the call up to 2pm", "call"), ("i'd rather do gym on sunday", "gym"),
                      ("can gym be at 7 instead", "gym"), ("yoga at 8 instead please", "yoga"), ("swap gym to the morning", "gym")])
    func movesSaidAsPreferences(text: String, task: String) {
        guard case .move(let request) = reading(text).command else { Issue.record("\(text) is not a move"); return }
        #expect(request.task == task, "\(text)")
        #expect(request.to != nil, "\(text)")
    }

    @Test func preferencesWithoutATaskOrTimeAreTalk() {
        #expect(reading("i'd rather not talk about work").intent == .chat)
        #expect(reading("should I move my runs to the morning?").intent == .chat)
        #expect(reading("switch off for the weekend").intent != .move)
    }
}
