import Foundation
import Testing
@testable import Language

/// Moves by an amount ("push the meeting back an hour"), advice questions that stay chat, and dropped-letter
/// command words kept only when the message is that command in full.
@Suite struct RelativeMoveTests {
    let parser = CommandParser()
    let monday = context("2026-11-23 10:00")

    @Test(arguments: [
        ("push the meeting back an hour", "meeting", 60, TimeShift.Unit.minute),
        ("move gym 30 min later", "gym", 30, .minute),
        ("bump my run to an hour earlier", "run", -60, .minute),
        ("postpone the call by a day", "call", 1, .day),
        ("can we do the review 2 hours later", "review", 120, .minute),
        ("bring the team sync forward an hour", "team sync", -60, .minute),
        ("push back gym by an hour", "gym", 60, .minute),
        ("delay piano by 1 hour", "piano", 60, .minute),
        ("postpone the review a couple of days", "review", 2, .day),
        ("move my dentist appointment a week later", "dentist appointment", 7, .day),
        ("could we start the review half an hour earlier", "review", -30, .minute),
        ("gym: 1h later please", "gym", 60, .minute),
        ("Move tennis back a day.", "tennis", 1, .day),
        ("make it 2 hours later", "it", 120, .minute),
        ("actually an hour later", "it", 60, .minute),
        ("30 min earlier instead", "it", -30, .minute),
        ("how about a day later?", "it", 1, .day),
    ])
    func aMoveByAnAmountIsAShiftNotATime(text: String, task: String, amount: Int, unit: TimeShift.Unit) throws {
        let reading = parser.parse(text, context: monday)
        guard case .move(let request) = reading.command else { Issue.record("\(text) -> \(reading.intent)"); return }
        #expect(request.task == task)
        #expect(request.to == nil)
        #expect(request.shift == TimeShift(amount: amount, unit: unit))
        #expect(reading.json(in: monday.offsets).contains("\"shift\":{\"amount\":\(amount),\"unit\":\"\(unit.rawValue)\"}"))
    }

    @Test(arguments: [
        "an hour later I was still working", "it was two hours later than planned", "the meeting ran an hour late",
        "move on, it's fine", "push harder or rest?", "push through the pain", "add more structure to my days, any tips?",
        "I want to add more focus time, what would you suggest?", "any advice on when to book workouts?",
        "2 hours later we left", "a week later it was fine",
    ])
    func sentencesAndAdviceQuestionsStayChat(text: String) {
        #expect(parser.parse(text, context: monday).intent == .chat, "\(text)")
    }

    @Test func adviceWithAClockTimeStillBooksAndAnIdeasSessionIsATask() {
        #expect(parser.parse("schedule ideas session friday", context: monday).intent == .schedule)
        let booked = parser.parse("schedule gym at 6pm, any tips?", context: monday)
        #expect(booked.intent == .schedule)
        #expect(booked.task == "gym")
    }

    @Test func aDroppedLetterIsACommandOnlyWhenTheRestSaysThatCommand() {
        #expect(parser.parse("doe 8/10", context: monday).correction == "doe -> done")
        #expect(parser.parse("moe gym to saturday 10am", context: monday).intent == .move)
        #expect(parser.parse("competed standup 9/10", context: monday).intent == .done)
        #expect(parser.parse("psh standup back 15 minutes", context: monday).intent == .move)
        #expect(parser.parse("doe with gym", context: monday).intent == .chat)
        #expect(parser.parse("moe said hi", context: monday).intent == .chat)
        #expect(parser.parse("competed in a race today", context: monday).intent == .chat)
    }

    @Test func aTimeSaidWithTheTaskSaysWhichEvent() throws {
        guard case .move(let fromDay) = parser.parse("move gym from wednesday to friday", context: monday).command,
              case .move(let possessive) = parser.parse("push tomorrow's run back an hour", context: monday).command,
              case .move(let plain) = parser.parse("move gym to friday 6pm", context: monday).command else {
            Issue.record("not moves"); return
        }
        #expect(fromDay.from.map { iso($0.start, monday) } == "2026-11-25T00:00:00+01:00")
        #expect(fromDay.from?.open == nil)
        #expect(possessive.from.map { iso($0.start, monday) } == "2026-11-24T00:00:00+01:00")
        #expect(possessive.shift == TimeShift(amount: 60, unit: .minute))
        #expect(plain.from == nil)
    }

    @Test func dropCancelsATaskButNotAnErrand() {
        #expect(parser.parse("drop tennis tomorrow", context: monday).intent == .cancel)
        #expect(parser.parse("drop gym at 6pm tomorrow", context: monday).intent == .cancel)
        #expect(parser.parse("drop the kids at school at 8", context: monday).intent == .chat)
        #expect(parser.parse("drop off the kids at 8", context: monday).intent == .chat)
        #expect(parser.parse("drop by at 5", context: monday).intent == .chat)
    }

    @Test func aShiftKeepsTheLocalTimeOfDayAcrossADaylightSavingChange() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        // Saturday 2026-10-24 09:00 CEST (+02:00); a day later is Sunday 09:00 CET (+01:00), 25 hours on.
        let start = Date(timeIntervalSince1970: 1_792_825_200)
        #expect(TimeShift(amount: 1, unit: .day).applied(to: start, in: berlin).timeIntervalSince(start) == 25 * 3600)
        #expect(TimeShift(amount: -90, unit: .minute).applied(to: start, in: berlin).timeIntervalSince(start) == -90 * 60)
    }
}
