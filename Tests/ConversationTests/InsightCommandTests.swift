import BotConfig
import Conversation
import Foundation
import SchedulerCore
import Testing

@Suite struct InsightCommandTests {
    @Test func aTaskNamedDifferentlyButMeaningTheSameReusesTheType() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule team standup tomorrow at 9:30 for 15 min", at: bot.at(23, 8))
        let response = await bot.say("schedule team sync wednesday at 9:30 for 15 min", at: bot.at(23, 8, 1))
        #expect(response.event?.taskType == "Team Standup")
        #expect(try bot.store.read { try $0.taskTypes(of: bot.user) }.count == 1)
        let other = await bot.say("schedule invoices wednesday at 3pm", at: bot.at(23, 8, 2))
        #expect(other.event?.taskType == "Invoices")
    }

    @Test func repeatedSuccessBecomesAnInsightOnceAndIsReinforcedAfterwards() async throws {
        let bot = try EngineHarness()
        for week in 0..<8 {
            let monday = bot.at(23, 0).addingTimeInterval(Double(week) * 7 * 86_400)
            await bot.say("schedule deep coding at 10am for 1h", at: monday.addingTimeInterval(8 * 3600))
            await bot.say("done 10/10", at: monday.addingTimeInterval(11 * 3600 + 60))
        }
        let insights = try bot.store.read { try $0.insights(of: bot.user, limit: 50) }
        let slot = insights.filter { $0.kind == .behavioralPattern && $0.text.contains("Deep Coding") }
        #expect(slot.count == 1, "one insight, reinforced, not duplicated: \(insights.map(\.text))")
        #expect((slot.first?.sourceEventIDs.count ?? 0) > 1)
        let shown = await bot.say("insights deep coding", at: bot.at(23, 9).addingTimeInterval(8 * 7 * 86_400))
        #expect(shown.intent == .insights)
        #expect(shown.replies.first?.text.contains("Deep Coding") == true)
        let map = try #require(shown.replies.last)
        #expect(map.isPreformatted)
        #expect(map.text.split(separator: "\n").count >= 8, "a 7 x 24 grid with a header")
    }

    @Test func aNoteBecomesUserFeedback() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule deep coding tomorrow at 9am for 1h", at: bot.at(23, 8))
        await bot.say("done 6/10 but I was exhausted after the standup", at: bot.at(24, 10, 5))
        let insights = try bot.store.read { try $0.insights(of: bot.user, limit: 10) }
        #expect(insights.contains { $0.kind == .userFeedback && $0.text.contains("exhausted after the standup") })
    }

    @Test func whyExplainsTheLastSuggestionFromItsSlots() async throws {
        let bot = try EngineHarness()
        let none = await bot.say("why", at: bot.at(23, 8))
        #expect(none.intent == .why)
        #expect(none.replies.first?.text.contains("haven't suggested anything") == true)
        await bot.say("schedule deep coding tomorrow for 1h", at: bot.at(23, 8, 1))
        let why = await bot.say("why?", at: bot.at(23, 8, 2))
        let text = try #require(why.replies.first?.text)
        #expect(text.contains("Deep Coding at Tue 24 Nov"))
        #expect(text.contains("habit") && text.contains("energy") && text.contains("sure"))
        #expect(text.contains("typical focused hours"))
        let coaching = await bot.say("why do I keep skipping my runs?", at: bot.at(23, 8, 3))
        #expect(coaching.intent == .chat)
    }

    @Test func everyLearnerNameInBotConfIsARealLearner() {
        #expect(ConfigSchema.learnerNames == Learners.names)
        for name in ConfigSchema.learnerNames { #expect(Learners.named(name) != nil) }
    }
}
