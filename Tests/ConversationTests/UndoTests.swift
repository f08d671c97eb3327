import Conversation
import Foundation
import Language
import SchedulerCore
import Testing

/// `undo` takes back the user's last change exactly (one level), and a new rating right after a done replaces it.
@Suite struct UndoTests {
    /// What the learner holds for a type and the user: compared bit for bit.
    struct Learned: Equatable {
        var habit: [UInt64]
        var confidence: [UInt64]
        var completionCount: Int
        var energy: [UInt64]
        var energyConfidence: [UInt64]
    }

    func learned(_ bot: EngineHarness, _ task: String) throws -> Learned {
        let type = try #require(try bot.taskType(task))
        let energy = try #require(try bot.store.read { try $0.user(bot.user) }).energy
        return Learned(habit: type.habit.values.map(\.bitPattern), confidence: type.confidence.values.map(\.bitPattern),
                       completionCount: type.completionCount, energy: energy.energy.values.map(\.bitPattern),
                       energyConfidence: energy.confidence.values.map(\.bitPattern))
    }

    @Test(arguments: StoreFidelity.allCases) func undoingAScheduleTakesTheEventOffAndASecondUndoHasNothingLeft(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("schedule gym thursday 6pm", at: bot.at(23, 8))
        let undone = await bot.say("oops, undo that", at: bot.at(23, 8, 1))
        #expect(undone.intent == .undo)
        #expect(try bot.events([.scheduled]).isEmpty)
        #expect(try bot.events([.cancelled]).map(\.start) == [bot.at(26, 18)])
        let again = await bot.say("undo", at: bot.at(23, 8, 2))
        #expect(again.intent == .undo)
        #expect(again.replies.first?.text.hasPrefix("There's nothing to undo") == true)
        #expect(try bot.events([.cancelled]).count == 1)
    }

    @Test(arguments: StoreFidelity.allCases) func undoingAMovePutsTheEventBackWhereItWas(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("schedule deep coding tomorrow for 2h", at: bot.at(23, 8))
        let placed = try #require(try bot.events([.scheduled]).first)
        await bot.say("move deep coding to friday 3pm", at: bot.at(23, 8, 1))
        #expect(try bot.events([.scheduled]).first?.start == bot.at(27, 15))
        let undone = await bot.say("revert that", at: bot.at(23, 8, 2))
        #expect(undone.intent == .undo)
        let back = try #require(try bot.events([.scheduled]).first)
        #expect(back.start == placed.start)
        #expect(back.end == placed.end)
        #expect(back.score == placed.score)
        #expect(undone.event?.start == placed.start)
    }

    @Test(arguments: StoreFidelity.allCases) func undoingACancelSchedulesItAgainWhileTheSlotIsFree(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("schedule gym thursday 6pm", at: bot.at(23, 8))
        await bot.say("cancel gym", at: bot.at(23, 8, 1))
        let undone = await bot.say("take that back", at: bot.at(23, 8, 2))
        #expect(undone.intent == .undo)
        #expect(try bot.events([.scheduled]).map(\.start) == [bot.at(26, 18)])
        #expect(try bot.events([.cancelled]).isEmpty)
    }

    @Test func aCancelIsNotUndoneOverSomethingNowInItsSlot() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym thursday 6pm", at: bot.at(23, 8))
        await bot.say("cancel gym", at: bot.at(23, 8, 1))
        // Something not said in this conversation (a habit's occurrence, say) takes the slot meanwhile.
        let typeID = try #require(try bot.taskType("gym")?.id)
        var other = Event(userID: bot.user, taskTypeID: typeID, title: "Swim", start: bot.at(26, 18, 30), end: bot.at(26, 19, 30),
                          createdAt: bot.at(23, 8, 2))
        try bot.store.write { try $0.save(&other) }
        let refused = await bot.say("undo", at: bot.at(23, 8, 3))
        #expect(refused.replies.first?.text.contains("Swim is there now") == true)
        #expect(try bot.events([.scheduled]).map(\.title) == ["Swim"])
    }

    @Test(arguments: StoreFidelity.allCases) func undoingADoneRestoresTheEventAndTheLearnedWeeksBitForBit(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("schedule gym monday 9am", at: bot.at(23, 8))
        let before = try learned(bot, "gym")
        let done = await bot.say("done gym 9/10 felt drained", at: bot.at(23, 10))
        #expect(done.intent == .done)
        #expect(try learned(bot, "gym") != before)
        let undone = await bot.say("undo", at: bot.at(23, 10, 1))
        #expect(undone.intent == .undo)
        #expect(try learned(bot, "gym") == before)
        let event = try #require(try bot.events().first)
        #expect(event.status == .scheduled)
        #expect(event.successRating == nil)
        #expect(event.energyAfter == nil)
        #expect(event.note == nil)
        // Done again from there learns exactly what the first done learned.
        await bot.say("done gym 9/10 felt drained", at: bot.at(23, 10, 2))
        let twin = try EngineHarness(on: fidelity)
        await twin.say("schedule gym monday 9am", at: twin.at(23, 8))
        await twin.say("done gym 9/10 felt drained", at: twin.at(23, 10))
        #expect(try learned(bot, "gym") == learned(twin, "gym"))
    }

    @Test(arguments: StoreFidelity.allCases) func undoingASkipPutsTheEventBackAndForgetsTheSkip(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("schedule reading tomorrow at 8pm", at: bot.at(23, 8))
        let before = try learned(bot, "reading")
        await bot.say("skip reading", at: bot.at(23, 9))
        #expect(try bot.events([.skipped]).count == 1)
        await bot.say("undo", at: bot.at(23, 9, 1))
        #expect(try learned(bot, "reading") == before)
        #expect(try bot.events([.scheduled]).count == 1)
    }

    @Test func aDoneLoggedWithoutAPlanIsRemovedByUndo() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym friday 6pm", at: bot.at(23, 8))
        await bot.say("done yoga 8/10", at: bot.at(23, 12))
        let undone = await bot.say("undo", at: bot.at(23, 12, 1))
        #expect(undone.replies.first?.text.hasPrefix("Undone: I've removed the Yoga I logged") == true)
        #expect(try bot.events([.done]).isEmpty)
        #expect(try bot.taskType("yoga")?.completionCount == 0)
        #expect(try bot.events([.scheduled]).map(\.title) == ["Gym"])
    }

    @Test func nothingChangedSinceByAnythingElseOrElseUndoLeavesIt() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym thursday 6pm", at: bot.at(23, 8))
        var event = try #require(try bot.events().first)
        event.start = bot.at(26, 20)
        event.end = bot.at(26, 21)
        try bot.store.write { try $0.save(&event) }
        let refused = await bot.say("undo", at: bot.at(23, 8, 2))
        #expect(refused.replies.first?.text.contains("has changed since") == true)
        #expect(try bot.events([.scheduled]).map(\.start) == [bot.at(26, 20)])
        let again = await bot.say("undo", at: bot.at(23, 8, 3))
        #expect(again.replies.first?.text.hasPrefix("There's nothing to undo") == true)
    }

    @Test func undoTakesBackOnlyTheUsersOwnChange() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym thursday 6pm", at: bot.at(23, 8))
        let other = await bot.say("undo", at: bot.at(23, 8, 1), as: "@bob:example.org")
        #expect(other.intent == .undo)
        #expect(try bot.events([.scheduled]).count == 1)
    }

    @Test(arguments: StoreFidelity.allCases) func undoingAHabitStartStopsItAndUndoingAStopStartsItAgain(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("standup every weekday at 9:30 for 15 min", at: bot.at(23, 7))
        let placed = try bot.events([.scheduled]).map(\.start)
        #expect(!placed.isEmpty)
        let undone = await bot.say("undo", at: bot.at(23, 7, 1))
        #expect(undone.replies.first?.text.hasPrefix("Undone: the habit Standup is stopped") == true)
        #expect(try bot.events([.scheduled]).isEmpty)
        #expect(try bot.store.read { try $0.habits(of: bot.user, activeOnly: true) }.isEmpty)

        await bot.say("standup every weekday at 9:30 for 15 min", at: bot.at(23, 7, 2))
        let again = try bot.events([.scheduled]).map(\.start)
        await bot.say("stop standup", at: bot.at(23, 7, 3))
        #expect(try bot.events([.scheduled]).isEmpty)
        let resumed = await bot.say("undo", at: bot.at(23, 7, 4))
        #expect(resumed.replies.first?.text.hasPrefix("Undone: the habit Standup is on again") == true)
        #expect(try bot.store.read { try $0.habits(of: bot.user, activeOnly: true) }.map(\.title) == ["Standup"])
        #expect(try bot.events([.scheduled]).map(\.start) == again)
    }

    @Test(arguments: StoreFidelity.allCases) func aNewRatingRightAfterADoneReplacesItRatherThanAdding(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("schedule gym monday 9am", at: bot.at(23, 8))
        await bot.say("done gym 9/10", at: bot.at(23, 10))
        let rerated = await bot.say("that was hard though, 6/10", at: bot.at(23, 10, 5))
        #expect(rerated.intent == .rerate)
        #expect(rerated.replies.first?.text.hasPrefix("Changed Gym (Mon 23 Nov 09:00) to 6/10 instead of 9/10.") == true)
        let event = try #require(try bot.events().first)
        #expect(event.status == .done)
        #expect(event.successRating == 0.6)
        let twin = try EngineHarness(on: fidelity)
        await twin.say("schedule gym monday 9am", at: twin.at(23, 8))
        await twin.say("done gym 6/10", at: twin.at(23, 10))
        #expect(try learned(bot, "gym") == learned(twin, "gym"))
        // Twice is still one rating, and an undo after it takes the done back altogether.
        await bot.say("make that a 7", at: bot.at(23, 10, 6))
        await twin.say("undo", at: twin.at(23, 10, 1))
        await twin.say("done gym 7/10", at: twin.at(23, 10, 2))
        #expect(try learned(bot, "gym") == learned(twin, "gym"))
        await bot.say("undo", at: bot.at(23, 10, 7))
        let fresh = try EngineHarness(on: fidelity)
        await fresh.say("schedule gym monday 9am", at: fresh.at(23, 8))
        #expect(try learned(bot, "gym") == learned(fresh, "gym"))
    }

    @Test func aReRatingAfterAnsweringAFollowUpQuestionReplacesTheAnswer() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule deep coding tomorrow at 9am for 2h", at: bot.at(23, 8))
        await bot.say("schedule reading friday 8pm", at: bot.at(23, 8, 1))
        _ = await bot.engine.tick(.matrix, now: bot.at(24, 11))
        #expect(await bot.say("8", at: bot.at(24, 11, 5)).intent == .done)
        let rerated = await bot.say("actually more like a 5", at: bot.at(24, 11, 6))
        #expect(rerated.intent == .rerate)
        #expect(try bot.events([.done]).map(\.successRating) == [0.5])
        let twin = try EngineHarness()
        await twin.say("schedule deep coding tomorrow at 9am for 2h", at: twin.at(23, 8))
        await twin.say("schedule reading friday 8pm", at: twin.at(23, 8, 1))
        await twin.say("done deep coding 5/10", at: twin.at(24, 11, 5))
        #expect(try learned(bot, "deep coding") == learned(twin, "deep coding"))
    }

    @Test func undoingASchedulePutsBackTheWeeksScheduleCount() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym thursday 6pm", at: bot.at(23, 8))
        await bot.say("schedule gym friday 6pm", at: bot.at(23, 8, 1))
        #expect(try bot.taskType("gym")?.recentScheduleCount == 2)
        await bot.say("undo", at: bot.at(23, 8, 2))
        #expect(try bot.taskType("gym")?.recentScheduleCount == 1)
    }

    @Test func aNumberInChatStaysChatAndARatingWithNoDoneJustNowChangesNothing() async throws {
        let bot = try EngineHarness()
        for text in ["I have 3 kids", "that was 5 hours ago", "I slept 7 hours, more like 8 actually", "make it 7 people"] {
            #expect(await bot.say(text, at: bot.at(23, 8)).intent == .chat, "\(text)")
        }
        // A rating said with no done just before: chat, and the learner is left alone.
        await bot.say("schedule gym monday 9am", at: bot.at(23, 8))
        let before = try learned(bot, "gym")
        #expect(await bot.say("actually more like a 5", at: bot.at(23, 8, 1)).intent == .chat)
        await bot.say("done gym 9/10", at: bot.at(23, 10))
        let afterDone = try learned(bot, "gym")
        #expect(afterDone != before)
        // Hours later the done is no longer "just now".
        #expect(await bot.say("actually more like a 5", at: bot.at(23, 16)).intent == .chat)
        #expect(try learned(bot, "gym") == afterDone)
        #expect(try bot.events().first?.successRating == 0.9)
    }

    @Test func theGrammarReadsUndoAndReRatingsAndLeavesTalkAlone() {
        let parser = CommandParser()
        let context = TimeContext(now: Date(timeIntervalSince1970: 1_795_000_000), timeZone: TimeZone(identifier: "UTC")!)
        for text in ["undo", "undo that", "oops undo", "Oops, undo!", "revert that", "take that back", "take it back please", "can you undo that?"] {
            #expect(parser.parse(text, context: context).command == .undo, "\(text)")
        }
        let ratings: [(String, Double)] = [("that was hard though, 6/10", 0.6), ("actually more like a 5", 0.5), ("make that a 7", 0.7),
                                           ("actually it was 8 out of 10", 0.8)]
        for (text, rating) in ratings {
            #expect(parser.parse(text, context: context).command == .rerate(rating: rating), "\(text)")
        }
        for text in ["how do I undo that", "undo my gym", "I have 3 kids", "make it 7", "actually 7", "that was 5 hours ago", "more like 5 minutes"] {
            let command = parser.parse(text, context: context).command
            #expect(command != .undo, "\(text)")
            if case .rerate = command { Issue.record("\(text) read as a new rating") }
        }
    }
}
