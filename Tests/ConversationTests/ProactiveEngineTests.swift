import Conversation
import Foundation
import SchedulerCore
import Storage
import Testing

/// Reminders, follow-ups and their answers, quiet hours, cap and mute, through the engine in-process.
@Suite struct ProactiveEngineTests {
    func texts(_ messages: [ProactiveMessage]) -> [String] { messages.map(\.text) }

    @Test(arguments: StoreFidelity.allCases) func aReminderBeforeAndAFollowUpAfterGoToTheRoomTheUserLastWroteFrom(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("schedule deep coding tomorrow at 9am for 2h", at: bot.at(23, 8))
        #expect(await bot.engine.tick(.matrix, now: bot.at(24, 8, 49)).isEmpty)
        let reminder = await bot.engine.tick(.matrix, now: bot.at(24, 8, 50))
        #expect(reminder == [ProactiveMessage(userID: bot.user, roomID: "!room", text: "Deep Coding starts in 10 min (09:00-11:00).")])
        #expect(await bot.engine.tick(.matrix, now: bot.at(24, 8, 55)).isEmpty, "sent once")
        let followUp = await bot.engine.tick(.matrix, now: bot.at(24, 11))
        #expect(texts(followUp) == ["How did Deep Coding go? Reply done 1-10 or skip (a bare 8 or meh works too)."])
    }

    @Test func aBareNumberAnswersTheOpenFollowUpAndIsLearned() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule deep coding tomorrow at 9am for 2h", at: bot.at(23, 8))
        let before = try #require(try bot.taskType("deep coding")).habit[WeekSlot(weekday: 2, hour: 9)]
        _ = await bot.engine.tick(.matrix, now: bot.at(24, 11))
        let answer = await bot.say("8", at: bot.at(24, 11, 5))
        #expect(answer.intent == .done)
        #expect(answer.event?.title == "Deep Coding")
        let event = try #require(try bot.events([.done]).first)
        #expect(event.successRating == 0.8)
        #expect(try #require(try bot.taskType("deep coding")).habit[WeekSlot(weekday: 2, hour: 9)] != before)
        // Without an open follow-up, "8" is just chat again.
        #expect(await bot.say("8", at: bot.at(24, 11, 6)).intent == .chat)
    }

    @Test func mehIsAnAnswerToo() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym tomorrow at 6pm for 1h", at: bot.at(23, 8))
        _ = await bot.engine.tick(.matrix, now: bot.at(24, 19))
        let answer = await bot.say("meh", at: bot.at(24, 19, 10))
        #expect(answer.intent == .done)
        #expect(try bot.events([.done]).first?.successRating == 0.4)
    }

    @Test func onlyOneFollowUpIsOpenAndTheNextRidesOnTheAnswer() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule reading tomorrow at 9am for 1h", at: bot.at(23, 8))
        await bot.say("schedule email tomorrow at 11am for 1h", at: bot.at(23, 8, 1))
        #expect(texts(await bot.engine.tick(.matrix, now: bot.at(24, 10))).contains { $0.hasPrefix("How did Reading go?") })
        let atNoon = await bot.engine.tick(.matrix, now: bot.at(24, 12))
        #expect(!texts(atNoon).contains { $0.hasPrefix("How did") }, "the second waits for the first answer")
        let skip = await bot.say("skip", at: bot.at(24, 12, 5))
        #expect(skip.intent == .skip)
        #expect(skip.event?.title == "Reading")
        #expect(skip.replies.last?.text == "Next: How did Email go? Reply done 1-10 or skip (a bare 8 or meh works too).")
        let seven = await bot.say("7", at: bot.at(24, 12, 6))
        #expect(seven.event?.title == "Email")
        #expect(try bot.events([.skipped]).map(\.title) == ["Reading"])
        #expect(try bot.events([.done]).map(\.title) == ["Email"])
    }

    @Test func aNamedOutcomeClosesTheFollowUpAndAnotherTasksNameIsNotAnAnswer() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule reading tomorrow at 9am for 1h", at: bot.at(23, 8))
        _ = await bot.engine.tick(.matrix, now: bot.at(24, 10))
        let other = await bot.say("done gym 9", at: bot.at(24, 10, 5))
        #expect(other.event?.title == "Gym")
        let reading = await bot.say("done reading 6", at: bot.at(24, 10, 6))
        #expect(reading.event?.title == "Reading")
        #expect(await bot.say("8", at: bot.at(24, 10, 7)).intent == .chat, "the follow-up was closed by the named answer")
    }

    @Test func silenceIsUnknownUnlessTheUserOptedInToMissed() async throws {
        for optIn in [false, true] {
            let bot = try EngineHarness()
            if optIn { await bot.say("unanswered missed", at: bot.at(23, 7)) }
            await bot.say("schedule gym tomorrow at 6pm for 1h", at: bot.at(23, 8))
            let slot = WeekSlot(weekday: 2, hour: 18)
            let before = try #require(try bot.taskType("gym")).habit[slot]
            _ = await bot.engine.tick(.matrix, now: bot.at(24, 19))
            _ = await bot.engine.tick(.matrix, now: bot.at(24, 22))
            let gym = try #require(try bot.events().first)
            let after = try #require(try bot.taskType("gym")).habit[slot]
            if optIn {
                #expect(gym.status == .skipped)
                #expect(after < before)
            } else {
                #expect(gym.status == .scheduled)
                #expect(after == before, "no learning signal from silence")
            }
            #expect(await bot.say("8", at: bot.at(24, 22, 5)).intent == .chat, "the follow-up is over")
        }
    }

    @Test func quietHoursDropRemindersAndMoveFollowUpsToTheMorning() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule call tomorrow at 10:30pm for 30 min", at: bot.at(23, 8))
        #expect(await bot.engine.tick(.matrix, now: bot.at(24, 22, 20)).isEmpty, "22:20 is quiet")
        #expect(await bot.engine.tick(.matrix, now: bot.at(24, 23)).isEmpty)
        #expect(await bot.engine.tick(.matrix, now: bot.at(25, 6, 59)).isEmpty)
        #expect(texts(await bot.engine.tick(.matrix, now: bot.at(25, 7))) == ["How did Call go? Reply done 1-10 or skip (a bare 8 or meh works too)."])
    }

    @Test func muteSilencesEverythingUntilResumeAndBareStopIsMuteNotAHabitStop() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym tomorrow at 6pm for 1h", at: bot.at(23, 8))
        await bot.say("schedule reading tomorrow at 8pm for 1h", at: bot.at(23, 8, 1))
        let stop = await bot.say("stop", at: bot.at(23, 9))
        #expect(stop.intent == .mute)
        #expect(await bot.engine.tick(.matrix, now: bot.at(24, 17, 50)).isEmpty)
        #expect(await bot.engine.tick(.matrix, now: bot.at(24, 19)).isEmpty)
        #expect(await bot.say("resume", at: bot.at(24, 19, 30)).intent == .resume)
        #expect(texts(await bot.engine.tick(.matrix, now: bot.at(24, 19, 50))) == ["Reading starts in 10 min (20:00-21:00)."])
    }

    @Test func theDailyCapHoldsUnpromptedMessagesToTheLimit() async throws {
        let bot = try EngineHarness()
        await bot.say("message limit 2", at: bot.at(23, 7))
        await bot.say("reminders off", at: bot.at(23, 7, 1))
        for hour in [9, 12, 15] { await bot.say("schedule task\(hour) tomorrow at \(hour):00 for 1h", at: bot.at(23, 8)) }
        var sent: [String] = []
        for hour in 10...21 { sent += texts(await bot.engine.tick(.matrix, now: bot.at(24, hour))) }
        #expect(sent.count == 1, "one follow-up open at a time, never answered: \(sent)")
        // Answering lets the next through, until the cap of two unprompted messages a day is reached.
        await bot.say("8", at: bot.at(24, 21, 1))
        await bot.say("8", at: bot.at(24, 21, 2))
        #expect(try bot.events([.done]).count == 2)
    }

    @Test func reminderLeadIsAPerUserSettingAndOffSwitch() async throws {
        let bot = try EngineHarness()
        #expect(await bot.say("reminders 15 min", at: bot.at(23, 7)).intent == .reminders)
        await bot.say("schedule gym tomorrow at 6pm for 1h", at: bot.at(23, 8))
        #expect(texts(await bot.engine.tick(.matrix, now: bot.at(24, 17, 45))) == ["Gym starts in 15 min (18:00-19:00)."])
        await bot.say("reminders off", at: bot.at(24, 18, 30))
        await bot.say("schedule gym on thursday at 6pm for 1h", at: bot.at(24, 18, 31))
        #expect(await bot.engine.tick(.matrix, now: bot.at(26, 17, 50)).isEmpty)
    }

    @Test func theDailyPlanAndWeeklyReviewComeAtTheirLocalTimes() async throws {
        let bot = try EngineHarness()
        await bot.say("daily plan at 8", at: bot.at(23, 7))
        await bot.say("weekly review on", at: bot.at(23, 7, 1))
        await bot.say("schedule gym 3 times a week", at: bot.at(23, 7, 2))
        await bot.say("schedule deep coding tomorrow at 9am for 2h", at: bot.at(23, 7, 3))
        #expect(texts(await bot.engine.tick(.matrix, now: bot.at(23, 8))).first?.hasPrefix("Your plan for Mon 23 Nov:") == true)
        let plan = texts(await bot.engine.tick(.matrix, now: bot.at(24, 8)))
        #expect(plan.first?.hasPrefix("Your plan for Tue 24 Nov:") == true)
        #expect(plan.first?.contains("09:00-11:00  Deep Coding") == true)
        _ = await bot.engine.tick(.matrix, now: bot.at(24, 11))
        await bot.say("9", at: bot.at(24, 11, 5))
        await bot.say("daily plan off", at: bot.at(24, 12))
        #expect(!texts(await bot.engine.tick(.matrix, now: bot.at(25, 8))).contains { $0.hasPrefix("Your plan") })
        let review = texts(await bot.engine.tick(.matrix, now: bot.at(29, 18))).first { $0.hasPrefix("Your week:") }
        let text = try #require(review)
        #expect(text.contains("1 done"))
        #expect(text.contains("Best: Tue 24 Nov 09:00 Deep Coding (9/10)."))
        #expect(text.contains("What I learned: Deep Coding goes best around"))
        #expect(text.contains("Suggestion:"))
    }

    @Test func theReviewSuggestsTheMostSkippedTaskAndOnATieTheOneSkippedLast() async throws {
        let bot = try EngineHarness()
        await bot.say("weekly review on", at: bot.at(23, 7))
        for (task, day) in [("reading", 23), ("gym", 24), ("yoga", 25), ("chess", 26)] {
            await bot.say("schedule \(task) on \(day) nov at 10:00 for 1h", at: bot.at(day, 7))
            await bot.say("skip \(task)", at: bot.at(day, 10, 30))
        }
        let review = texts(await bot.engine.tick(.matrix, now: bot.at(29, 18))).first { $0.hasPrefix("Your week:") }
        let text = try #require(review)
        #expect(text.contains("0 done, 4 skipped"))
        #expect(text.contains("Suggestion: Chess was skipped once; try it around Thursday "))
    }
}

/// Pending messages are rows in SQLite: a restart loses none and sends no burst.
@Suite struct ProactiveRestartTests {
    @Test func afterDowntimeLateItemsAreDroppedOrQueuedAndLaterOnesStillCome() async throws {
        let path = NSTemporaryDirectory() + "proactive-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let clock = EngineHarness.Clock()
        do {
            let store = try SQLiteStore(path: path)
            let engine = Engine(store: store)
            var profile = UserProfile(id: "u", createdAt: clock.at(1, 0))
            profile.onboarding = .done
            try store.write { try $0.save(profile) }
            for (task, hour) in [("reading", 8), ("email", 10), ("review", 12), ("gym", 18)] {
                _ = await engine.handle(InboundMessage(network: .matrix, userID: "u", roomID: "!r", text: "schedule \(task) tomorrow at \(hour):00 for 1h",
                                                       receivedAt: clock.at(23, 8)))
            }
            let pending = try store.read { try $0.nudges(of: "u", kinds: Set(NudgeKind.allCases), states: [.pending]) }
            #expect(pending.count == 8, "a reminder and a follow-up row per event")
        }
        // The bot was down from Monday 08:00 until Tuesday 13:30; a fresh process opens the same file.
        let store = try SQLiteStore(path: path)
        let engine = Engine(store: store)
        let first = await engine.tick(.matrix, now: clock.at(24, 13, 30))
        #expect(first.map(\.text) == ["How did Reading go? Reply done 1-10 or skip (a bare 8 or meh works too)."],
                "three late reminders dropped, three follow-ups queued behind one: no burst")
        let answer = await engine.handle(InboundMessage(network: .matrix, userID: "u", roomID: "!r", text: "7", receivedAt: clock.at(24, 13, 35)))
        #expect(answer.replies.last?.text.hasPrefix("Next: How did Email go?") == true)
        // Nothing was lost: the evening's reminder still comes on time.
        #expect(await engine.tick(.matrix, now: clock.at(24, 17, 50)).map(\.text) == ["Gym starts in 10 min (18:00-19:00)."])
        let states = try store.read { try $0.nudges(of: "u", kinds: [.reminder], states: Set(NudgeState.allCases)) }.map(\.state)
        #expect(states == [.dropped, .dropped, .dropped, .sent])
    }
}

extension EngineHarness {
    struct Clock {
        let week = LocalWeek(timeZone: TimeZone(identifier: "UTC")!)
        func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
            week.calendar.date(from: DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute))!
        }
    }
}
