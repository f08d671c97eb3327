import Conversation
import Foundation
import Language
import Testing

/// "never mind that" / "scratch that" take back a change only just after it; otherwise they are talk.
@Suite struct NeverMindTests {
    @Test(arguments: StoreFidelity.allCases) func rightAfterAChangeItIsTakenBack(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("schedule gym thursday 6pm", at: bot.at(23, 8))
        let undone = await bot.say("never mind that", at: bot.at(23, 8, 1))
        #expect(undone.intent == .undo)
        #expect(try bot.events([.scheduled]).isEmpty)
    }

    @Test(arguments: StoreFidelity.allCases) func longAfterAChangeItIsTalkAndChangesNothing(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("schedule gym thursday 6pm", at: bot.at(23, 8))
        let talk = await bot.say("scratch that", at: bot.at(23, 11))
        #expect(talk.intent == .chat)
        #expect(try bot.events([.scheduled]).map(\.start) == [bot.at(26, 18)])
        // A plain "undo" still takes the change back, however long ago.
        #expect(await bot.say("undo", at: bot.at(23, 11, 1)).intent == .undo)
        #expect(try bot.events([.scheduled]).isEmpty)
    }

    @Test(arguments: StoreFidelity.allCases) func withNothingChangedItIsTalk(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        #expect(await bot.say("nvm that", at: bot.at(23, 8)).intent == .chat)
    }
}
