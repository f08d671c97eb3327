import Conversation
import Foundation
import SchedulerCore
import Testing

@Suite struct LearningLoopTests {
    @Test func doneWithARatingMarksTheDueEventAndLearns() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule deep coding tomorrow at 9am for 2h", at: bot.at(23, 8))
        let before = try #require(try bot.taskType("deep coding")).habit[WeekSlot(weekday: 2, hour: 9)]
        let response = await bot.say("done!! 9/10 felt sharp", at: bot.at(24, 11, 5))
        #expect(response.intent == .done)
        #expect(response.reaction == "✅")
        let event = try #require(try bot.events([.done]).first)
        #expect(event.successRating == 0.9)
        #expect(event.energyAfter == 0.8)
        let type = try #require(try bot.taskType("deep coding"))
        #expect(type.habit[WeekSlot(weekday: 2, hour: 9)] > before)
        #expect(type.completionCount == 1)
        #expect(response.replies.first?.text.contains("Marked Deep Coding") == true)
    }

    @Test func skipLearnsTheNegativeSignal() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym tomorrow at 6pm", at: bot.at(23, 8))
        let slot = WeekSlot(weekday: 2, hour: 18)
        let before = try #require(try bot.taskType("gym")).habit[slot]
        let response = await bot.say("skip gym", at: bot.at(24, 20))
        #expect(response.intent == .skip)
        #expect(try bot.events([.skipped]).count == 1)
        #expect(try #require(try bot.taskType("gym")).habit[slot] < before)
    }

    @Test func doneWithNothingDueExplainsWhatToSay() async throws {
        let bot = try EngineHarness()
        let response = await bot.say("done", at: bot.at(23, 8))
        #expect(response.event == nil)
        #expect(response.replies.first?.text.contains("done gym") == true)
    }

    @Test func aNamedTaskDoneWithoutAScheduleIsStillLearnedFrom() async throws {
        let bot = try EngineHarness()
        let response = await bot.say("done gym great", at: bot.at(23, 19))
        #expect(response.event?.taskType == "Gym")
        #expect(try bot.taskType("gym")?.completionCount == 1)
    }

    @Test func repeatedSuccessMovesTheNextSuggestionToWhereItWorked() async throws {
        let bot = try EngineHarness()
        // Eight Mondays running, deep coding at 16:00 goes perfectly. The prior favours 09:00-11:00.
        let firstMonday = bot.at(23, 0)
        for week in 0..<8 {
            let monday = firstMonday.addingTimeInterval(Double(week) * 7 * 86_400)
            await bot.say("schedule deep coding at 4pm for 1h", at: monday.addingTimeInterval(7 * 3600))
            await bot.say("done 10/10", at: monday.addingTimeInterval(17 * 3600 + 300))
        }
        let nextMonday = firstMonday.addingTimeInterval(8 * 7 * 86_400)
        let suggestion = await bot.say("schedule deep coding monday for 1h", at: nextMonday.addingTimeInterval(-86_400))
        let event = try #require(suggestion.event)
        #expect(bot.week.minuteOfDay(event.start) == 16 * 60, "eight successes at Monday 16:00 should beat the 10:00 prior")
    }
}

@Suite struct ConversationBasicsTests {
    @Test func aNewUserIsWelcomedAndAPickedRoleCreatesStarterTasks() async throws {
        let bot = try EngineHarness(onboarded: false)
        let hello = await bot.say("hey", at: bot.at(23, 8))
        #expect(hello.intent == .onboarding)
        #expect(hello.replies.first?.text.contains("student, engineer, manager, founder, or other") == true)
        let pick = await bot.say("I'm a student", at: bot.at(23, 8, 1))
        #expect(pick.intent == .onboarding)
        let types = try bot.store.read { try $0.taskTypes(of: bot.user) }
        #expect(types.map(\.displayName) == ["Study Session", "Class Attendance", "Assignment Work"])
        // Asked once only.
        let later = await bot.say("hello", at: bot.at(23, 9))
        #expect(later.replies.allSatisfy { !$0.text.contains("Which fits you best") })
    }

    @Test func aNewUsersFirstCommandIsHandledAndTheWelcomeFollows() async throws {
        let bot = try EngineHarness(onboarded: false)
        let response = await bot.say("schedule gym tomorrow evening", at: bot.at(23, 8))
        #expect(response.intent == .schedule)
        #expect(response.event != nil)
        #expect(response.replies.last?.text.contains("Which fits you best") == true)
    }

    @Test func agendaListsWhatIsScheduledInOrder() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym tomorrow at 6pm", at: bot.at(23, 8))
        await bot.say("schedule deep coding tomorrow at 9am for 2h", at: bot.at(23, 8, 1))
        let agenda = await bot.say("agenda", at: bot.at(23, 9))
        let text = try #require(agenda.replies.first)
        #expect(text.isPreformatted)
        let lines = text.text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].contains("09:00-11:00") && lines[1].contains("Deep Coding"))
        #expect(lines[2].contains("18:00") && lines[2].contains("Gym"))
        let tomorrow = await bot.say("tomorrow", at: bot.at(23, 9))
        #expect(tomorrow.replies.first?.text.hasPrefix("Tomorrow:") == true)
    }

    @Test func gibberishAndHugeMessagesGetAHelpfulAnswerAndChangeNothing() async throws {
        let bot = try EngineHarness()
        let gibberish = await bot.say("flurb the wibble 99 %%%", at: bot.at(23, 8))
        #expect(gibberish.replies.first?.text.contains("help") == true)
        let huge = String(repeating: "schedule ", count: 20_000) + "\u{0}\u{7}"
        let response = await bot.say(huge, at: bot.at(23, 8, 1))
        #expect(response.replies.contains { $0.text.contains("only read the first") })
        #expect(try bot.events().isEmpty)
    }

    @Test func theSameTranscriptGivesTheSameAnswers() async throws {
        let script = ["hi", "engineer", "schedule deep coding tomorrow for 2h", "schedule gym friday evening",
                      "agenda", "done 7/10", "move gym to saturday morning", "what's next"]
        func run(on fidelity: StoreFidelity) async throws -> [Response] {
            let bot = try EngineHarness(onboarded: false, on: fidelity)
            var out: [Response] = []
            for (i, line) in script.enumerated() { out.append(await bot.say(line, at: bot.at(23, 8 + i))) }
            return out
        }
        let first = try await run(on: .memory)
        #expect(first == (try await run(on: .memory)))
        // The store is not part of the answer: SQLite and the in-memory store give the same bytes.
        #expect(first == (try await run(on: .sqlite)))
    }
}

@Suite struct AdminAndOnboardingTests {
    @Test func aRoleNamedInTheVeryFirstMessageIsTakenAtOnce() async throws {
        let bot = try EngineHarness(onboarded: false)
        let response = await bot.say("founder", at: bot.at(23, 8))
        #expect(response.intent == .onboarding)
        #expect(try bot.store.read { try $0.taskTypes(of: bot.user) }.count == 3)
    }

    @Test func adminCommandsAreForAdminsOnly() async throws {
        let bot = try EngineHarness()
        let refused = await bot.engine.handle(InboundMessage(network: .matrix, userID: bot.user, text: "!costs today", receivedAt: bot.at(23, 8)))
        #expect(refused.replies.first?.text.contains("admin command") == true)
        let allowed = await bot.engine.handle(InboundMessage(network: .matrix, userID: bot.user, text: "!costs today", receivedAt: bot.at(23, 8), isAdmin: true))
        #expect(allowed.replies.first?.text.contains("No LLM calls") == true)
        let reload = await bot.engine.handle(InboundMessage(network: .matrix, userID: bot.user, text: "!reload", receivedAt: bot.at(23, 8), isAdmin: true))
        #expect(reload.replies.first?.text.contains("nothing to reload") == true)
    }
}
