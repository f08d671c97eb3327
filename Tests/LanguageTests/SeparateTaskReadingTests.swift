import Language
import Testing

/// "that's a different task": splitting off what the bot joined to another task type, in the words people use.
@Suite struct SeparateTaskReadingTests {
    let parser = CommandParser()
    let monday = context("2026-11-23 10:00")

    @Test(arguments: ["that's a different task", "thats a different task", "different task", "no, it's a separate thing",
                      "keep them separate", "make it its own task", "it's another kind of task", "those are different things",
                      "no they're not the same", "not the same thing!", "Separate task please", "treat it separately",
                      "please don't merge them, they are different tasks"])
    func sayingTwoTasksAreNotOneSplitsThemOff(text: String) {
        let reading = parser.parse(text, context: monday)
        #expect(reading.command == .separateTask, "\(text)")
        #expect(reading.command.intent.rawValue == "separate_task")
    }

    /// The user's own task names may be said too.
    @Test func theNamesOfTheTwoTasksMayBeSaid() {
        let reading = parser.parse("ring nan is not the same as call grandma", context: monday, knownNames: ["Call Grandma", "Ring Nan"])
        #expect(reading.command == .separateTask)
        #expect(parser.parse("ring nan is not the same as call grandma", context: monday).command != .separateTask)
    }

    /// Questions, advice and talk that use the same words stay what they are.
    @Test(arguments: ["is it a separate task?", "a different task would suit me better", "separate my work and life",
                      "I need a different approach", "why is it the same task", "schedule a different task tomorrow at 5pm",
                      "keep it up", "my own time matters", "the same thing happened again"])
    func talkWithTheSameWordsStaysTalk(text: String) {
        #expect(parser.parse(text, context: monday).command != .separateTask, "\(text)")
    }
}

/// Missing someone is a feeling; missing a task is a skip.
@Suite struct MissingSomeoneReadingTests {
    let parser = CommandParser()
    let monday = context("2026-11-23 10:00")

    @Test(arguments: ["I missed my mom today", "i miss my dad", "missed my sister so much today", "miss you guys", "missing home"])
    func missingAPersonOrAPlaceIsTalk(text: String) {
        #expect(parser.parse(text, context: monday).command == .chat, "\(text)")
    }

    @Test(arguments: ["missed my run", "missed the gym this morning", "missed my call with mom", "I missed piano today"])
    func missingATaskIsASkip(text: String) {
        #expect(parser.parse(text, context: monday).command.intent == .skip, "\(text)")
    }

    @Test func aTaskNamedForAPersonIsStillSkipped() {
        #expect(parser.parse("missed mom today", context: monday, knownNames: ["mom"]).command.intent == .skip)
    }
}
