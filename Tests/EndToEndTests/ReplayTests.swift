import Foundation
import Testing

@Suite(.serialized) struct ReplayTests {
    /// A week in the life of two users, through the real executable, one line at a time.
    static let transcript: [(user: String, text: String, at: String, intent: String)] = [
        ("@alice:example.org", "hi", "2026-11-23T07:55:00Z", "onboarding"),
        ("@alice:example.org", "engineer", "2026-11-23T07:56:00Z", "onboarding"),
        ("@alice:example.org", "schedule deep coding tomorrow for 2h", "2026-11-23T08:00:00Z", "schedule"),
        ("@bob:example.org", "schedule gym tmrw evening", "2026-11-23T08:01:00Z", "schedule"),
        ("@alice:example.org", "book 1:1 with Sam next tue at 3:30pm for 45 min", "2026-11-23T08:02:00Z", "schedule"),
        ("@alice:example.org", "agenda", "2026-11-23T08:03:00Z", "agenda"),
        ("@alice:example.org", "done!! 9/10 felt sharp", "2026-11-24T11:10:00Z", "done"),
        ("@bob:example.org", "missed", "2026-11-24T21:00:00Z", "skip"),
        ("@alice:example.org", "timezone Europe/Berlin", "2026-11-25T08:00:00Z", "timezone"),
        ("@alice:example.org", "move 1:1 with sam to friday morning", "2026-11-25T08:01:00Z", "move"),
        ("@alice:example.org", "cancel 1:1 with sam", "2026-11-26T08:00:00Z", "cancel"),
        ("@alice:example.org", "available weekdays 09:00-17:00", "2026-11-26T08:01:00Z", "available"),
        ("@alice:example.org", "what's next", "2026-11-26T08:02:00Z", "agenda"),
        ("@alice:example.org", "help", "2026-11-27T08:00:00Z", "help"),
    ]

    @Test func aMultiDayTranscriptAnswersEveryLineInOrderAndImmediately() throws {
        let bot = try BotProcess(["replay"])
        for step in Self.transcript {
            let line = #"{"user":"\#(step.user)","room":"!r1:example.org","text":"\#(step.text)","at":"\#(step.at)"}"#
            bot.send(line)
            // The answer must arrive before the next line is written: the contract is interactive.
            let answer = try #require(bot.readLine(), "no answer to \(step.text)")
            let object = try #require(json(answer), "not JSON: \(answer)")
            #expect(Set(object.keys) == ["user", "room", "replies", "intent", "route", "event", "llm", "proactive"])
            #expect(object["user"] as? String == step.user)
            #expect(object["room"] as? String == "!r1:example.org")
            #expect(object["intent"] as? String == step.intent, "\(step.text) -> \(answer)")
            #expect(object["route"] as? String == "command" || step.intent == "onboarding")
            #expect((object["replies"] as? [String])?.isEmpty == false)
            let llm = try #require(object["llm"] as? [String: Any])
            #expect(llm["calls"] as? Int == 0)
            if ["schedule", "done", "skip", "move", "cancel"].contains(step.intent) {
                let event = try #require(object["event"] as? [String: Any], "no event for \(step.text)")
                #expect(Set(event.keys) == ["id", "title", "task_type", "start", "end", "score"])
                #expect((event["start"] as? String)?.hasSuffix("Z") == true)
            }
        }
        #expect(bot.finish().status == 0)
    }

    @Test func theTranscriptsLearningIsVisibleInTheEvents() throws {
        let lines = [
            #"{"user":"u","text":"schedule deep coding tomorrow at 9am for 2h","at":"2026-11-23T08:00:00Z"}"#,
            #"{"user":"u","text":"done 9/10","at":"2026-11-24T11:05:00Z"}"#,
        ]
        let result = try BotProcess.run(["replay"], input: lines.joined(separator: "\n") + "\n")
        let answers = result.stdout.split(separator: "\n").compactMap { json(String($0)) }
        #expect(answers.count == 2)
        let scheduled = try #require(answers[0]["event"] as? [String: Any])
        #expect(scheduled["start"] as? String == "2026-11-24T09:00:00Z")
        #expect(scheduled["end"] as? String == "2026-11-24T11:00:00Z")
        let done = try #require(answers[1]["event"] as? [String: Any])
        #expect(done["id"] as? String == scheduled["id"] as? String)
        let reply = try #require((answers[1]["replies"] as? [String])?.first)
        #expect(reply.contains("done, 9/10"))
    }

    @Test func badLinesGetAnErrorAndTheRunGoesOn() throws {
        let input = """
            this is not json
            {"user":"u","text":"agenda"}
            {"user":"u","text":"agenda","at":"yesterday"}
            {"text":"agenda","at":"2026-11-23T08:00:00Z"}
            {"user":"u","text":"agenda","at":"2026-11-23T08:00:00+01:00"}

            """
        let result = try BotProcess.run(["replay"], input: input)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.count == 5)
        for line in lines.prefix(4) { #expect(json(String(line))?["error"] is String, "\(line)") }
        #expect(json(String(lines[4]))?["intent"] as? String == "agenda")
        #expect(result.status == 0)
    }

    @Test func aDatabaseGivenWithDbSurvivesBetweenRuns() throws {
        let path = NSTemporaryDirectory() + "replay-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        _ = try BotProcess.run(["replay", "--db", path],
                               input: #"{"user":"u","text":"schedule gym tomorrow at 6pm","at":"2026-11-23T08:00:00Z"}"# + "\n")
        let second = try BotProcess.run(["replay", "--db", path],
                                        input: #"{"user":"u","text":"agenda","at":"2026-11-23T09:00:00Z"}"# + "\n")
        #expect(second.stdout.contains("Gym"))
    }
}

@Suite struct CommandLineTests {
    /// The shipped cheers follow a good outcome, never "done 2/10".
    @Test func aLowRatingGetsNoCheer() throws {
        let bot = try BotProcess(["replay"])
        func say(_ text: String, at time: String) throws -> [String] {
            bot.send(#"{"user":"@carol:example.org","text":"\#(text)","at":"\#(time)"}"#)
            let answer = try #require(bot.readLine(), "no answer to \(text)")
            return try #require(json(answer)?["replies"] as? [String], "no replies in \(answer)")
        }
        _ = try say("hi", at: "2026-11-23T07:00:00Z")
        _ = try say("other", at: "2026-11-23T07:01:00Z")
        _ = try say("schedule gym today at 9am for 1h", at: "2026-11-23T08:00:00Z")
        _ = try say("schedule reading today at 11am for 1h", at: "2026-11-23T08:01:00Z")
        let good = try say("done gym 9/10", at: "2026-11-23T10:05:00Z")
        let bad = try say("done reading 2/10", at: "2026-11-23T12:05:00Z")
        #expect(good.count == 2, "a good outcome is cheered: \(good)")
        #expect(bad.count == 1, "a bad one is not: \(bad)")
    }

    @Test func runWithoutAChatNetworkSaysSoAndPointsToTheExample() throws {
        let result = try BotProcess.run(["run"])
        #expect(result.status != 0)
        #expect(result.stdout.contains("bot.conf.example"))
    }

    @Test func aBrokenConfigurationStopsTheBotWithFileLineAndKey() throws {
        let path = NSTemporaryDirectory() + "bad-\(UUID().uuidString).conf"
        try "[general]\ntimezone = \"Nowhere/Land\"\nbogus = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try BotProcess.run(["--config", path, "replay"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("\(path):2:"))
        #expect(result.stderr.contains("\(path):3: unknown key 'bogus'"))
    }

    /// Without WordNet's files the console says so once and still joins names the embeddings know.
    @Test func withoutWordNetTheBotSaysSoOnceAndMatchesOnTheEmbeddings() throws {
        let folder = NSTemporaryDirectory() + "no-wordnet-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try BotProcess.run([], input: "schedule team standup tomorrow at 9am\nschedule team sync friday at 9am\n",
                                        environment: ["SCHEDULER_BOT_STORAGE_DATA_DIR": folder,
                                                      "SCHEDULER_BOT_LEARNING_WORDNET_DIR": folder + "/absent"])
        #expect(result.status == 0)
        #expect(result.stderr.components(separatedBy: "no WordNet in \(folder)/absent").count == 2, "\(result.stderr)")
        #expect(result.stdout.contains("together with your Team Standup"))
    }

    @Test func theConsoleChatPrintsWhereDataLivesAndAnswers() throws {
        let folder = NSTemporaryDirectory() + "console-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try BotProcess.run([], input: "engineer\nhelp\n", environment: ["SCHEDULER_BOT_STORAGE_DATA_DIR": folder])
        #expect(result.status == 0)
        #expect(result.stdout.contains("data in \(folder)/scheduler-bot.sqlite"))
        #expect(result.stdout.contains("Here's what I understand"))
        #expect(FileManager.default.fileExists(atPath: folder + "/scheduler-bot.sqlite"))
    }
}

@Suite struct PromptReloadTests {
    /// An admin edits the pattern file while the bot runs: a broken edit is reported and ignored,
    /// a good one takes effect without a restart.
    @Test func editedPatternsTakeEffectAndABrokenEditKeepsThePreviousVersion() throws {
        let folder = NSTemporaryDirectory() + "prompts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["task-categories.txt", "routes", "offline-replies.txt"] {
            try FileManager.default.copyItem(atPath: root.path + "/prompts/" + name, toPath: folder + "/" + name)
        }
        let patterns = folder + "/patterns.txt"
        try "[hello]\nkind: greeting\nmatch: hi\nreply: Version one.\n".write(toFile: patterns, atomically: true, encoding: .utf8)
        let bot = try BotProcess(["replay"], environment: ["SCHEDULER_BOT_ADMIN_PROMPTS_DIR": folder])
        func ask(_ minute: Int) throws -> String {
            bot.send(#"{"user":"u","text":"hi","at":"2026-11-23T08:0\#(minute):00Z"}"#)
            let line = try #require(bot.readLine())
            return (json(line)?["replies"] as? [String])?.first ?? ""
        }
        _ = try ask(0) // the welcome for a new user
        #expect(try ask(1) == "Version one.")
        Thread.sleep(forTimeInterval: 1.1)
        try "[hello]\nkind: greeting\nmatch: hi\n".write(toFile: patterns, atomically: true, encoding: .utf8)
        #expect(try ask(2) == "Version one.", "a broken file keeps the previous version")
        Thread.sleep(forTimeInterval: 1.1)
        try "[hello]\nkind: greeting\nmatch: hi\nreply: Version two.\n".write(toFile: patterns, atomically: true, encoding: .utf8)
        #expect(try ask(3) == "Version two.")
        let result = bot.finish()
        #expect(result.stderr.contains("patterns.txt:1: section [hello] has no 'reply:'"))
    }

    /// An admin teaches the router with a new example line; a broken route file is reported with its file and
    /// line and the previous model stays in force.
    @Test func editedRouteExamplesRetrainTheRouterAndABrokenFileKeepsThePreviousModel() throws {
        let folder = NSTemporaryDirectory() + "prompts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/routes", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["task-categories.txt", "offline-replies.txt", "patterns.txt"] {
            try FileManager.default.copyItem(atPath: root.path + "/prompts/" + name, toPath: folder + "/" + name)
        }
        let small = folder + "/routes/small_talk.txt", coaching = folder + "/routes/deep_coaching.txt"
        try "thanks\nok\ncool\nbye\n".write(toFile: small, atomically: true, encoding: .utf8)
        try "I feel overwhelmed\nI can't get motivated\nhow do I stop procrastinating\n".write(toFile: coaching, atomically: true, encoding: .utf8)
        let bot = try BotProcess(["replay"], environment: ["SCHEDULER_BOT_ADMIN_PROMPTS_DIR": folder])
        func route(_ text: String, _ minute: Int) throws -> String {
            bot.send(#"{"user":"u","text":"\#(text)","at":"2026-11-23T08:\#(10 + minute):00Z"}"#)
            let line = try #require(bot.readLine())
            return json(line)?["route"] as? String ?? ""
        }
        for minute in 0..<4 { _ = try route("I feel overwhelmed", minute) } // past the welcome and the first three messages
        #expect(try route("xyzzy", 5) == "pattern", "short like the small talk examples")
        Thread.sleep(forTimeInterval: 1.1)
        try "thanks\nok\nx\tbroken\n".write(toFile: folder + "/routes/feelings.txt", atomically: true, encoding: .utf8)
        #expect(try route("I feel overwhelmed", 7) == "assistant", "a broken folder keeps the previous model")
        try FileManager.default.removeItem(atPath: folder + "/routes/feelings.txt")
        Thread.sleep(forTimeInterval: 1.1)
        try "I feel overwhelmed\nI can't get motivated\nhow do I stop procrastinating\nxyzzy\n".write(toFile: coaching, atomically: true, encoding: .utf8)
        #expect(try route("xyzzy", 8) == "assistant", "the new example line teaches the router")
        let result = bot.finish()
        #expect(result.stderr.contains("routes/feelings.txt:1: 'feelings' is not a message type"))
    }
}
