import Foundation
import Testing

extension LiveSynapse {
    /// What SIGTERM does to the built bot while an answer is still in hand.
    @Suite struct Drain {
        /// The model never answers in time: the bot gives up on that answer at its own drain deadline (not the
        /// process watchdog), exits cleanly without having replied, and the restart answers the message once.
        /// Then a model answer that fits in the drain: it is finished and sent before the bot exits.
        @Test func aShutdownGivesUpOnAnAnswerPastItsDrainDeadlineAndTheRestartAnswersItOnce() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await MatrixUser.login("human", password: "humanpass", on: server)
            let hanging = UUID().uuidString
            let bot = try BotProcess(server: server, userID: botID, password: password,
                                     extraConfig: "\n[general]\ndrain_timeout_seconds = 1",
                                     extraEnvironment: try FakeModelServer.environment(scenario: "hang", id: hanging))
            try bot.start()
            let room = try await human.createRoom(inviting: [botID])
            try await human.waitUntilJoined(botID, room: room)
            let intro = try await human.say("engineer", in: room)
            try await human.waitFor("the answer to the introduction", in: room) { !$0.replies(from: botID, to: intro).isEmpty }
            let callsBefore = try await FakeModelServer.calls(hanging)
            let question = try await human.say("why do I keep skipping my runs?", in: room)
            try await waitUntil("the model has the question") { try await FakeModelServer.calls(hanging) > callsBefore }

            try bot.signal(SIGTERM)
            // Longer than the process watchdog, so a bot that only stops at the watchdog shows it in its exit status.
            let exit = try await bot.waitForExit(timeout: .seconds(90))
            #expect(exit.reason == .exit && exit.status == 0, "stopped by its drain deadline, not the watchdog; log:\n\(bot.log.suffix(2000))")
            #expect(bot.log.contains("shutting down with an answer unfinished"))
            #expect(bot.log.contains("Matrix adapter stopped"))
            #expect(try await human.events(in: room).replies(from: botID, to: question).isEmpty, "the answer was given up, not sent")

            // A model that takes 5 s, well within the default drain of 10 s.
            let slow = UUID().uuidString
            let restarted = try BotProcess(server: server, userID: botID, password: password, dataDirectory: bot.dataDirectory,
                                           extraEnvironment: try FakeModelServer.environment(scenario: "slow", id: slow))
            try restarted.start()
            try await human.waitFor("the answer after the restart", in: room, timeout: .seconds(60)) {
                !$0.replies(from: botID, to: question).isEmpty
            }

            // SIGTERM while the model has the next question: this answer finishes and is sent before the bot exits.
            let slowCallsBefore = try await FakeModelServer.calls(slow)
            let inHand = try await human.say("how can I stop putting off my thesis?", in: room)
            try await waitUntil("the model has the next question") { try await FakeModelServer.calls(slow) > slowCallsBefore }
            try restarted.signal(SIGTERM)
            let finished = try await restarted.waitForExit(timeout: .seconds(90))
            #expect(finished.reason == .exit && finished.status == 0, "log:\n\(restarted.log.suffix(2000))")
            #expect(!restarted.log.contains("shutting down with an answer unfinished"))
            let events = try await human.events(in: room)
            #expect(events.replies(from: botID, to: inHand).count == 1, "the answer in hand went out before the exit")
            #expect(events.replies(from: botID, to: question).count == 1)
            #expect(events.replies(from: botID, to: intro).count == 1)
            #expect(events.duplicateReplies(from: botID).isEmpty, "log:\n\(restarted.log.suffix(2000))")
        }

        private func waitUntil(_ what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws {
            let deadline = ContinuousClock.now + timeout
            while try await !condition() {
                guard ContinuousClock.now < deadline else { throw Shell.Failure(description: "timed out waiting for \(what)") }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }
}
