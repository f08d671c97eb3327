import SharedValues
import Foundation
import Testing
@testable import Matrix

extension LiveSynapse {
    @Suite struct Faults {
        /// kill -9 at each point between reading a message and confirming its answer, restart, and
        /// check that every message got its answer exactly once.
        @Test(arguments: ["before-handle", "after-commit", "after-send"])
        func killDashNineThenRestartAnswersExactlyOnce(crashPoint: String) async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await MatrixUser.login("human", password: "humanpass", on: server)
            let bot = try BotProcess(server: server, userID: botID, password: password)
            try bot.start(crashAt: crashPoint)
            let room = try await human.createRoom(inviting: [botID])
            try await human.waitUntilJoined(botID, room: room)

            let first = try await human.say("schedule gym tomorrow at 7am", in: room)
            let exit = try await bot.waitForExit()
            #expect(exit.reason == .uncaughtSignal && exit.status == SIGKILL, "the test hook kills the bot with SIGKILL")
            let beforeRestart = try await human.events(in: room).replies(from: botID, to: first).count
            if crashPoint != "after-send" { #expect(beforeRestart == 0, "nothing was sent before the crash") }

            try bot.start()
            let second = try await human.say("agenda", in: room)
            try await human.waitFor("answers to both messages", in: room) { events in
                !events.replies(from: botID, to: first).isEmpty && !events.replies(from: botID, to: second).isEmpty
            }
            // Give a duplicate every chance to show up before counting.
            try await Task.sleep(for: .seconds(1.5))
            try await bot.stop()
            let events = try await human.events(in: room)
            #expect(events.duplicateReplies(from: botID).isEmpty, "log:\n\(bot.log.suffix(3000))")
            if crashPoint == "after-send" {
                #expect(events.replies(from: botID, to: first).count == beforeRestart, "the resend was deduplicated by its transaction id")
            }
        }

        @Test func homeserverStopsAndComesBackWhileTheBotRuns() async throws {
            let server = try SynapseServer.start()
            defer { server.destroy() }
            try server.register("human", password: "humanpass")
            let (botID, password) = try server.freshBot()
            let human = try await MatrixUser.login("human", password: "humanpass", on: server)
            let bot = try BotProcess(server: server, userID: botID, password: password)
            try bot.start()
            let room = try await human.createRoom(inviting: [botID])
            try await human.waitUntilJoined(botID, room: room)
            let before = try await human.say("agenda", in: room)
            try await human.waitFor("a reply before the outage", in: room) { !$0.replies(from: botID, to: before).isEmpty }

            try server.stop()
            try await Task.sleep(for: .seconds(3))
            #expect(bot.isRunning, "the bot survives the outage")
            let outageStart = ContinuousClock.now
            try server.restart()
            let after = try await human.say("agenda again", in: room)
            try await human.waitFor("a reply after the outage", in: room, timeout: .seconds(60)) { !$0.replies(from: botID, to: after).isEmpty }
            print("MATRIX OUTAGE: reply after Synapse restart arrived \(ContinuousClock.now - outageStart) after the restart began")
            try await bot.stop()
            #expect(bot.log.contains("sync failed, retrying"), "the outage went through the backoff path")
            #expect(try await human.events(in: room).duplicateReplies(from: botID).isEmpty)
        }

        @Test func rateLimitedBotWaitsAndDeliversEverything() async throws {
            let server = try SynapseServer.start(defaultLimits: true)
            defer { server.destroy() }
            try server.register("human", password: "humanpass")
            let (botID, password) = try server.freshBot()
            let human = try await MatrixUser.login("human", password: "humanpass", on: server)
            let bot = try BotProcess(server: server, userID: botID, password: password)
            try bot.start()
            let room = try await human.createRoom(inviting: [botID])
            try await human.waitUntilJoined(botID, room: room)
            let start = ContinuousClock.now
            var asked: [String] = []
            for index in 0..<14 { asked.append(try await human.say("agenda \(index)", in: room)) }
            let sent = asked
            let events = try await human.waitFor("replies to all 14 messages", in: room, timeout: .seconds(150)) { events in
                sent.allSatisfy { !events.replies(from: botID, to: $0).isEmpty }
            }
            print("MATRIX 429: 14 messages answered under default rate limits in \(ContinuousClock.now - start)")
            try await bot.stop()
            #expect(bot.log.contains("rate limited by the homeserver"), "Synapse's default limits were hit:\n\(bot.log.suffix(2000))")
            #expect(events.duplicateReplies(from: botID).isEmpty)
        }
    }
}
