import Conversation
import Foundation
import SchedulerCore
import Testing

/// What a command does, as a user would predict it: the event keeps the user's words, nothing that has
/// not started is marked done, a skip finds the task later in the week, impossible values are named and
/// change nothing, and titles cannot carry control or bidi characters.
@Suite struct CommandSemanticsTests {
    @Test func theEventKeepsTheUsersTitleWhileTheMatchedTypeIsReused() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule team standup tomorrow at 9:30 for 15 min", at: bot.at(23, 8))
        let meeting = await bot.say("schedule team meeting tomorrow at 15:00", at: bot.at(23, 8, 5))
        let event = try #require(meeting.event)
        #expect(event.title == "Team Meeting")
        #expect(event.taskType == "Team Standup")
        #expect(meeting.replies.first?.text.contains("Team Meeting") == true)
        let agenda = await bot.say("agenda tomorrow", at: bot.at(23, 8, 10))
        let text = try #require(agenda.replies.first?.text)
        #expect(text.contains("15:00-16:00  Team Meeting") || text.contains("Team Meeting"))
        #expect(text.components(separatedBy: "Team Standup").count == 2, "only the standup itself shows as Team Standup: \(text)")
        #expect(try bot.taskType("team meeting") == nil, "no second type was made")
    }

    @Test func anEventThatHasNotStartedIsNeverMarkedDone() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule deep coding tomorrow at 9am for 2h", at: bot.at(23, 8))
        let before = try #require(try bot.taskType("deep coding"))
        let done = await bot.say("done deep coding 8/10", at: bot.at(23, 10))
        let reply = try #require(done.replies.first?.text)
        #expect(reply.contains("hasn't started yet"))
        #expect(reply.contains("done deep coding now"))
        #expect(try bot.events([.done]).isEmpty)
        #expect(try bot.events([.scheduled]).count == 1)
        #expect(try bot.taskType("deep coding")?.habit == before.habit, "nothing was learned from a slot that has not happened")
        // The offered choice logs it now and keeps the planned one.
        let now = await bot.say("done deep coding now 7/10", at: bot.at(23, 10, 1))
        #expect(now.intent == .done)
        let logged = try bot.events([.done])
        #expect(logged.count == 1)
        #expect(logged.first?.end == bot.at(23, 10, 1))
        #expect(try bot.events([.scheduled]).first?.start == bot.at(24, 9))
    }

    @Test(arguments: StoreFidelity.allCases) func doneAfterTheStartMarksThatEvent(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("schedule deep coding tomorrow at 9am for 2h", at: bot.at(23, 8))
        await bot.say("done deep coding 8/10", at: bot.at(24, 11, 5))
        let marked = try bot.events([.done])
        #expect(marked.count == 1)
        #expect(marked.first?.start == bot.at(24, 9))
    }

    @Test func aClockRangeIsTheSpanBooked() async throws {
        let bot = try EngineHarness()
        // Focused work scores better from 9:00, so a search inside the range would not start at 7:00.
        let response = await bot.say("schedule deep coding tomorrow 7-9am", at: bot.at(23, 6))
        let event = try #require(response.event)
        #expect(event.start == bot.at(24, 7))
        #expect(event.end == bot.at(24, 9))
    }

    @Test func skipFindsTheTaskLaterThisWeek() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym thursday at 6pm", at: bot.at(23, 8))
        let skip = await bot.say("skip gym", at: bot.at(23, 9))
        #expect(skip.intent == .skip)
        let skipped = try bot.events([.skipped])
        #expect(skipped.count == 1)
        #expect(skipped.first?.start == bot.at(26, 18))
    }

    @Test(arguments: [
        ("schedule gym at 25:00", "25:00"), ("schedule call at 13pm", "13pm"), ("schedule trip february 30", "february 30"),
        ("schedule reading for -2h", "-2h"), ("schedule gym 1000 times a week", "1000 times a week"),
        ("quiet hours 99-99", "99-99"), ("done 15/10", "15/10"), ("standup every weekday at 24:30", "24:30"),
        ("available mon 25:00-99:00", "25:00-99:00"), ("message limit 1000", "1000"), ("reminders 48h", "48h"),
    ])
    func impossibleValuesAreNamedAndChangeNothing(text: String, value: String) async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym tomorrow at 7am", at: bot.at(23, 8))
        let profile = try bot.store.read { try $0.user(bot.user) }
        let preferences = try bot.store.read { try $0.proactivePreferences(of: bot.user) }
        let response = await bot.say(text, at: bot.at(23, 9))
        let reply = response.replies.map(\.text).joined(separator: " ")
        #expect(reply.contains("\"\(value)\""), "\(text) -> \(reply)")
        #expect(response.route == .command)
        #expect(response.llm.calls == 0)
        #expect(try bot.events().count == 1, "\(text) created or changed an event")
        #expect(try bot.events([.scheduled]).count == 1)
        #expect(try bot.store.read { try $0.user(bot.user) }?.availability == profile?.availability)
        #expect(try bot.store.read { try $0.proactivePreferences(of: bot.user) } == preferences)
        #expect(try bot.store.read { try $0.habits(of: bot.user, activeOnly: false) }.isEmpty)
    }

    @Test func titlesAndTaskNamesLoseControlAndBidiCharacters() async throws {
        let bot = try EngineHarness()
        let response = await bot.say("schedule gym\u{202E}kcab\u{200B} tomorrow at 7am", at: bot.at(23, 8))
        let event = try #require(response.event)
        #expect(!event.title.unicodeScalars.contains { [.control, .format].contains($0.properties.generalCategory) })
        #expect(event.title == "Gymkcab")
        let stored = try #require(try bot.events().first)
        #expect(!stored.title.unicodeScalars.contains { $0.value == 0x202E })
        let type = try #require(try bot.taskType("gymkcab"))
        #expect(!type.displayName.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x200B })
    }

    @Test func insightsSpeakToTheUser() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule deep coding today at 9am for 1h", at: bot.at(23, 8))
        await bot.say("done deep coding 8/10 felt sharp", at: bot.at(23, 10, 5))
        let insights = await bot.say("insights", at: bot.at(23, 10, 10))
        let text = insights.replies.map(\.text).joined(separator: "\n")
        #expect(text.contains("You said about Deep Coding: felt sharp"), "\(text)")
        #expect(!text.contains("User "))
    }
}
