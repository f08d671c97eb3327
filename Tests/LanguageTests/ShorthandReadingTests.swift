import Foundation
import Testing
@testable import Language

/// What people write in a conversation rather than as a command: an event named by its time, a question mark after a
/// task and time, a name starting with a digit, an amount "of" a task, "I didn't go to ...", "make a meeting", a bare hour
/// in a follow-up.
@Suite struct ShorthandReadingTests {
    let parser = CommandParser()
    let monday = context("2026-11-23 10:00")

    @Test(arguments: [
        ("push my 3pm back an hour", 60, "2026-11-23T15:00:00+01:00"),
        ("push my 2pm back 30 minutes", 30, "2026-11-23T14:00:00+01:00"),
        ("move my 4pm an hour earlier", -60, "2026-11-23T16:00:00+01:00"),
    ])
    func aMoveNamedByItsTimeHasNoTaskAndThatTimeAsItsEvent(text: String, minutes: Int, from: String) throws {
        guard case .move(let request) = parser.parse(text, context: monday).command else {
            Issue.record("\(text) is not a move")
            return
        }
        #expect(request.task.isEmpty)
        #expect(request.shift == TimeShift(amount: minutes, unit: .minute))
        #expect(iso(request.from?.start, monday) == from)
        #expect(parser.parse(text, context: monday).command.fields.task == nil)
    }

    @Test(arguments: [
        ("Dentist thursday 3pm ?", "dentist", "2026-11-26T15:00:00+01:00"),
        ("gym tomorrow 6pm?", "gym", "2026-11-24T18:00:00+01:00"),
        ("long run saturday 7am", "long run", "2026-11-28T07:00:00+01:00"),
        ("big shop saturday 10am", "big shop", "2026-11-28T10:00:00+01:00"),
    ])
    func aTaskAndAClockTimeBookEvenAsAQuestion(text: String, task: String, start: String) throws {
        guard case .schedule(let request) = parser.parse(text, context: monday).command else {
            Issue.record("\(text) is not a schedule")
            return
        }
        #expect(request.task.lowercased() == task)
        #expect(iso(request.when?.start, monday) == start)
    }

    @Test(arguments: ["long day tomorrow at 5", "busy at 3?", "free at 4pm?", "is 3pm ok?", "late again at 9"])
    func statesAndQuestionsAboutATimeStayChat(text: String) {
        #expect(parser.parse(text, context: monday).intent == .chat)
    }

    @Test(arguments: [
        ("can't make the 1:1 thursday", "1:1"),
        ("can't make the 5k run tomorrow", "5k run"),
        ("I didn't go to the gym yesterday", "gym"),
        ("I did not go to German class, I was sick", "German class"),
        ("I did not do my reading today", "reading"),
    ])
    func skipsSaidInWords(text: String, task: String) {
        let reading = parser.parse(text, context: monday)
        #expect(reading.intent == .skip)
        #expect(reading.task == task)
    }

    @Test(arguments: ["I didn't go to bed until 3am", "I didn't do much today", "didn't do anything today"])
    func notGoingToSleepOrDoingNothingIsNoSkip(text: String) {
        #expect(parser.parse(text, context: monday).intent == .chat)
    }

    @Test(arguments: [
        ("add 30 minutes of yoga tonight at 9", "yoga", 30, "2026-11-23T21:00"),
        ("add 20 minutes of meditation tomorrow morning", "meditation", 20, "2026-11-24T0"),
        ("schedule 45 minutes of reading tonight", "reading", 45, "2026-11-23T18"),
    ])
    func anAmountOfATaskIsItsDuration(text: String, task: String, minutes: Int, start: String) {
        guard case .schedule(let request) = parser.parse(text, context: monday).command else {
            Issue.record("\(text) is not a schedule")
            return
        }
        #expect(request.task == task)
        #expect(request.durationMinutes == minutes)
        #expect(iso(request.when?.start, monday)?.hasPrefix(start) == true)
    }

    @Test func minutesOfAnHourAreStillAClock() {
        #expect(iso(TimeExpressionParser().parse("10 minutes of 4pm", context: monday)?.start, monday) == "2026-11-23T15:50:00+01:00")
    }

    @Test(arguments: [
        ("I want to do sport on the wednesday at 7 in the morning", "sport", "2026-11-25T07:00:00+01:00"),
        ("i want to do yoga on friday at 6pm", "yoga", "2026-11-27T18:00:00+01:00"),
        ("Can you make a meeting with my professor for thursday 10:00?", "meeting with my professor", "2026-11-26T10:00:00+01:00"),
        ("can you make an appointment with the doctor for tuesday 9am?", "appointment with the doctor", "2026-11-24T09:00:00+01:00"),
    ])
    func intentionsAndMakeAWithATimeBook(text: String, task: String, start: String) {
        guard case .schedule(let request) = parser.parse(text, context: monday).command else {
            Issue.record("\(text) is not a schedule")
            return
        }
        #expect(request.task == task)
        #expect(iso(request.when?.start, monday) == start)
    }

    @Test(arguments: ["I want to do better", "make a wish", "I want to do something fun"])
    func withoutATimeTheyStayChat(text: String) {
        #expect(parser.parse(text, context: monday).intent == .chat)
    }

    @Test(arguments: [("Cooking is finish, very tasty", "Cooking"), ("laundry is done", "laundry")])
    func aCopulaBeforeTheDoneWordStillReportsIt(text: String, task: String) {
        let reading = parser.parse(text, context: monday)
        #expect(reading.intent == .done)
        #expect(reading.task == task)
    }

    @Test(arguments: [("make it 11 instead", "2026-11-23T11:00:00+01:00"), ("make it 4", "2026-11-23T16:00:00+01:00"),
                      ("actually 2 instead", "2026-11-23T14:00:00+01:00")])
    func aBareHourInAFollowUpIsAClock(text: String, start: String) {
        guard case .move(let request) = parser.parse(text, context: monday).command else {
            Issue.record("\(text) is not a move")
            return
        }
        #expect(request.task == Message.followUpTask)
        #expect(iso(request.to?.start, monday) == start)
        #expect(request.keepsEventDay)
    }

    @Test(arguments: ["make it 30 minutes", "i have 2 kids", "4 of us instead"])
    func otherNumbersAreNoFollowUpClock(text: String) {
        #expect(parser.parse(text, context: monday).command.fields.when == nil)
    }

    @Test(arguments: [("I have a standup every weekday at 9:30", "standup"), ("we have team sync every monday at 10", "team sync")])
    func aRepeatingCommitmentAtAClockIsAHabit(text: String, task: String) {
        guard case .habit(let request) = parser.parse(text, context: monday).command else {
            Issue.record("\(text) is not a habit")
            return
        }
        #expect(request.task == task)
        #expect(request.minuteOfDay != nil)
    }

    @Test(arguments: ["I have class every day", "i have a headache every morning", "I have a cold"])
    func havingSomethingWithoutAClockStaysChat(text: String) {
        #expect(parser.parse(text, context: monday).intent == .chat)
    }

    @Test(arguments: [
        ("finish taxes by friday", "taxes"),
        ("need to finish the design doc by eod friday", "design doc"),
        ("midnight tonight finish taxes", "taxes"),
        ("gotta finish the slides tomorrow", "slides"),
    ])
    func finishWithATimeToComeIsAPlan(text: String, task: String) {
        guard case .schedule(let request) = parser.parse(text, context: monday).command else {
            Issue.record("\(text) is not a schedule")
            return
        }
        #expect(request.task == task)
    }

    @Test(arguments: [("finished the report before lunch", "report"), ("finish gym", "gym"), ("finished gym", "gym")])
    func aReportOfFinishingStaysDone(text: String, task: String) {
        let reading = parser.parse(text, context: monday)
        #expect(reading.intent == .done)
        #expect(reading.task?.hasPrefix(task) == true)
    }

    @Test func aMidnightWordInACommandIsTheEndOfTheDayNamedButParseTimeKeepsDucklings() {
        guard case .schedule(let byFriday) = parser.parse("finish taxes by eod friday", context: monday).command,
              case .schedule(let tonight) = parser.parse("schedule party tonight at midnight", context: monday).command else {
            Issue.record("not schedules")
            return
        }
        #expect(iso(byFriday.when?.end, monday) == "2026-11-28T00:00:00+01:00")
        #expect(iso(tonight.when?.start, monday) == "2026-11-24T00:00:00+01:00")
        #expect(iso(TimeExpressionParser().parse("eod friday", context: monday)?.start, monday) == "2026-11-27T00:00:00+01:00")
        #expect(iso(TimeExpressionParser().parse("midnight tonight", context: monday)?.start, monday) == "2026-11-23T00:00:00+01:00")
        // A typed 00:00 is a clock, not the end of the day.
        guard case .schedule(let typed) = parser.parse("schedule backup friday at 00:00", context: monday).command else { return }
        #expect(iso(typed.when?.start, monday) == "2026-11-27T00:00:00+01:00")
    }

    @Test func finishingAtAClockIsByThatClock() {
        guard case .schedule(let request) = parser.parse("midnight tonight finish taxes", context: monday).command else {
            Issue.record("not a schedule")
            return
        }
        #expect(request.when?.start == monday.now)
        #expect(iso(request.when?.end, monday) == "2026-11-24T00:00:00+01:00")
    }

    @Test(arguments: [("make the long run 90 minutes", "long run", 90), ("make it 30 minutes", "it", 30), ("make gym 45 min", "gym", 45)])
    func makeATaskALengthChangesOnlyItsLength(text: String, task: String, minutes: Int) {
        guard case .move(let request) = parser.parse(text, context: monday).command else {
            Issue.record("\(text) is not a move")
            return
        }
        #expect(request.task == task)
        #expect(request.durationMinutes == minutes)
        #expect(request.shift == TimeShift(amount: 0, unit: .minute))
    }

    @Test(arguments: ["make time for gym", "make dinner for 2 hours", "make 3 calls"])
    func otherMakesAreNoLengthChange(text: String) {
        #expect(parser.parse(text, context: monday).command.fields.durationMinutes == nil || parser.parse(text, context: monday).intent != .move)
    }
}
