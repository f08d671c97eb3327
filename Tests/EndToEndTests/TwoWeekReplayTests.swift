import Foundation
import Testing

/// Two weeks through the built executable: Ana only ever answers the bot's follow-ups; Bo ignores them and
/// reports some outcomes himself. Follow-ups are what make Ana's week learnable.
@Suite(.serialized) struct TwoWeekReplayTests {
    struct Step {
        var input: String
        var output: [String: Any]
    }

    final class Run {
        let bot: BotProcess
        var steps: [Step] = []
        let formatter = ISO8601DateFormatter()

        init() throws { bot = try BotProcess(["replay"]) }

        @discardableResult
        func line(_ object: [String: Any]) throws -> [String: Any] {
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            let text = String(decoding: data, as: UTF8.self)
            bot.send(text)
            let answer = try #require(bot.readLine(), "no answer to \(text)")
            let output = try #require(json(answer), "not JSON: \(answer)")
            steps.append(Step(input: text, output: output))
            return output
        }

        func say(_ user: String, _ text: String, at date: Date) throws -> [String: Any] {
            try line(["user": user, "room": "!home:example.org", "text": text, "at": formatter.string(from: date)])
        }

        func tick(at date: Date) throws -> [String: Any] {
            try line(["tick": true, "at": formatter.string(from: date)])
        }
    }

    static let ana = "@ana:example.org"
    static let bo = "@bo:example.org"
    static let start = ISO8601DateFormatter().date(from: "2026-11-23T06:00:00Z")!

    /// Ana's answers: how each kind of session tends to go for her.
    static func answer(to question: String, day: Int) -> String? {
        guard question.hasPrefix("How did ") else { return nil }
        if question.hasPrefix("How did Deep Work") { return day % 3 == 0 ? "great" : "9" }
        if question.hasPrefix("How did Standup") { return "8" }
        if question.hasPrefix("How did Gym") { return day % 4 == 1 ? "skip" : "meh" }
        return "7"
    }

    @Test func followUpsDriveLearningOverTwoWeeks() throws {
        let run = try Run()
        let setup = [
            (Self.ana, "engineer"), (Self.ana, "deep work every morning for 2h"), (Self.ana, "standup every weekday at 9:30 for 15 min"),
            (Self.ana, "schedule gym 3 times a week for 1h"), (Self.ana, "weekly review on"), (Self.ana, "daily plan at 8"),
            (Self.bo, "engineer"), (Self.bo, "schedule gym 3 times a week for 1h"),
        ]
        for (offset, (user, text)) in setup.enumerated() {
            let output = try run.say(user, text, at: Self.start.addingTimeInterval(Double(offset) * 60))
            #expect(output["proactive"] as? [Any] != nil)
        }
        var withFollowUps = 0
        var withoutFollowUps = 0
        var unanswered = 0
        var anaScores: [(before: Double, after: Double)] = []
        var reviews: [String] = []
        var clock = Self.start.addingTimeInterval(3600)
        let end = Self.start.addingTimeInterval(14 * 86_400)
        while clock < end {
            let day = Int(clock.timeIntervalSince(Self.start) / 86_400)
            let tick = try run.tick(at: clock)
            #expect(tick["intent"] as? String == "tick" && tick["route"] as? String == "none" && tick["user"] is NSNull)
            let proactive = try #require(tick["proactive"] as? [[String: Any]])
            var answerAt = clock
            for message in proactive {
                let text = message["text"] as? String ?? ""
                #expect(message["room"] as? String == "!home:example.org")
                if text.hasPrefix("Your week:") { reviews.append(text) }
                guard message["user"] as? String == Self.ana else {
                    if text.hasPrefix("How did") { unanswered += 1 }
                    continue
                }
                var question: String? = text
                while let asked = question, let reply = Self.answer(to: asked, day: day) {
                    answerAt.addTimeInterval(60)
                    let output = try run.say(Self.ana, reply, at: answerAt)
                    #expect(["done", "skip"].contains(output["intent"] as? String), "\(reply) -> \(output)")
                    withFollowUps += 1
                    let replies = output["replies"] as? [String] ?? []
                    if let scores = Self.scores(in: replies.first ?? "") { anaScores.append(scores) }
                    question = replies.last.flatMap { $0.hasPrefix("Next: ") ? String($0.dropFirst(6)) : nil }
                }
            }
            // Bo reports his evening gym himself twice a week, without being asked.
            if [1, 3, 8, 10].contains(day), Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: clock).hour == 21,
               Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: clock).minute == 0 {
                let output = try run.say(Self.bo, "done gym 7", at: clock.addingTimeInterval(60))
                #expect(output["intent"] as? String == "done")
                withoutFollowUps += 1
            }
            clock.addTimeInterval(30 * 60)
        }
        #expect(run.bot.finish().status == 0)

        // Ana never reported anything on her own, yet the bot learned her week from her answers.
        #expect(withFollowUps >= 20, "outcomes captured through follow-ups: \(withFollowUps)")
        #expect(anaScores.contains { abs($0.after - $0.before) > 0.005 })
        #expect(reviews.count >= 2)
        #expect(reviews.last?.contains("What I learned:") == true && reviews.last?.contains("Deep Work goes best around") == true, "\(reviews.last ?? "")")
        let allOutputs = run.steps.map(\.output)
        #expect(allOutputs.allSatisfy { $0["proactive"] is [Any] })

        print("TWO-WEEK REPLAY: outcomes captured with follow-ups: \(withFollowUps); without (self-reported): \(withoutFollowUps); follow-ups left unanswered by Bo: \(unanswered)")
        print("TWO-WEEK REPLAY transcript excerpt (Ana, Tue 24 and Wed 25 Nov):")
        for step in run.steps where step.input.contains("2026-11-24T") || step.input.contains("2026-11-25T") {
            let proactive = (step.output["proactive"] as? [[String: Any]] ?? []).filter { $0["user"] as? String == Self.ana }
            let replies = step.output["replies"] as? [String] ?? []
            guard !proactive.isEmpty || step.output["user"] as? String == Self.ana else { continue }
            if step.output["user"] as? String == Self.ana, let input = json(step.input) {
                print("  \(input["at"] ?? "") ana: \(input["text"] ?? "")")
                for reply in replies { print("      bot: \(reply)") }
            }
            for message in proactive { print("  \(json(step.input)?["at"] ?? "") bot (proactive): \(message["text"] ?? "")") }
        }
        if let review = reviews.last { print("  last weekly review:\n" + review.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")) }
    }

    /// "… for Deep Work: 0.72 → 0.77." -> (0.72, 0.77).
    static func scores(in reply: String) -> (Double, Double)? {
        guard let arrow = reply.range(of: " → ") else { return nil }
        let before = reply[..<arrow.lowerBound].split(separator: " ").last.flatMap { Double($0) }
        let after = reply[arrow.upperBound...].split(separator: ".").prefix(2).joined(separator: ".")
        guard let before, let afterValue = Double(after) else { return nil }
        return (before, afterValue)
    }
}

@Suite(.serialized) struct ReplayProactiveTests {
    @Test func aTickLineHasTheUsualShapeAndMessageLinesCarryWhatFellDue() throws {
        let lines = [
            #"{"user":"u","room":"!r","text":"schedule gym tomorrow at 6pm for 1h","at":"2026-11-23T08:00:00Z"}"#,
            #"{"tick":true,"at":"2026-11-24T17:50:00Z"}"#,
            #"{"user":"u","room":"!r","text":"agenda","at":"2026-11-24T19:05:00Z"}"#,
            #"{"user":"u","room":"!r","text":"8","at":"2026-11-24T19:06:00Z"}"#,
        ]
        let result = try BotProcess.run(["replay"], input: lines.joined(separator: "\n") + "\n")
        let answers = result.stdout.split(separator: "\n").map(String.init)
        #expect(answers.count == 4)
        #expect(answers[1] == #"{"user":null,"room":null,"replies":[],"intent":"tick","route":"none","event":null,"llm":{"calls":0,"prompt_tokens":0,"completion_tokens":0,"cost_usd":0},"proactive":[{"user":"u","room":"!r","text":"Gym starts in 10 min (18:00-19:00)."}]}"#)
        #expect(answers[2].hasSuffix(#""proactive":[{"user":"u","room":"!r","text":"How did Gym go? Reply done 1-10 or skip (a bare 8 or meh works too)."}]}"#))
        let answer = try #require(json(answers[3]))
        #expect(answer["intent"] as? String == "done")
        #expect((answer["proactive"] as? [Any])?.isEmpty == true)
    }

    @Test func aRestartedReplayOnTheSameDatabaseSendsNoBurstAndLosesNothing() throws {
        let path = NSTemporaryDirectory() + "replay-proactive-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let first = [8, 10, 12, 18].map { #"{"user":"u","room":"!r","text":"schedule task\#($0) tomorrow at \#($0):00 for 1h","at":"2026-11-23T08:00:00Z"}"# }
        _ = try BotProcess.run(["replay", "--db", path], input: first.joined(separator: "\n") + "\n")
        let second = [#"{"tick":true,"at":"2026-11-24T13:30:00Z"}"#, #"{"tick":true,"at":"2026-11-24T17:55:00Z"}"#]
        let result = try BotProcess.run(["replay", "--db", path], input: second.joined(separator: "\n") + "\n")
        let answers = result.stdout.split(separator: "\n").compactMap { json(String($0)) }
        let texts = answers.map { ($0["proactive"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
        #expect(texts.first == ["How did Task8 go? Reply done 1-10 or skip (a bare 8 or meh works too)."], "late reminders dropped, follow-ups queued")
        #expect(texts.last == ["Task18 starts in 10 min (18:00-19:00)."])
    }
}
