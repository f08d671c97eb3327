import SharedValues
import Conversation
import Foundation
import HTTP
import IRC
import Logging
import SchedulerCore
import Storage
import Testing
@testable import LiveIRC
@testable import Matrix

extension LiveSynapse {
    /// Matrix and IRC configured together, sharing one engine and one database, as `run` wires them.
    @Suite struct Networks {
        @Test func eachNetworkDeliversOnlyTheUnpromptedMessagesOfItsOwnPeople() async throws {
            let synapse = try await SharedSynapse.shared.server()
            let ngircd = try await NgircdServer(penalties: .disabled)
            defer { ngircd.stop() }
            let (botID, password) = try synapse.freshBot()
            let human = try await MatrixUser.login("human", password: "humanpass", on: synapse)
            let ircUser = "irc:alice!~alice@127.0.0.1"
            let bot = try MatrixEngine(onboarded: human.userID)
            var profile = UserProfile(id: ircUser, createdAt: Date(timeIntervalSince1970: 0))
            profile.onboarding = .done
            try bot.store.write { try $0.save(profile) }

            var matrixSettings = MatrixSettings(homeserverURL: synapse.url, userID: botID, password: password)
            matrixSettings.syncTimeout = .seconds(5)
            matrixSettings.tickInterval = .milliseconds(200)
            let matrix = MatrixAdapter(settings: matrixSettings, engine: bot.engine, http: CurlHTTPClient())
            let irc = IRCAdapter(settings: IRCSettings(port: ngircd.port, busyChannelMinMembers: 0, floodBurst: 50,
                                                       floodLinesPerSecond: 50, tickInterval: .milliseconds(200),
                                                       connectTimeout: .seconds(2)),
                                 handler: bot.engine, logger: Logger(label: "irc-beside-matrix"))
            let running = [Task { try await matrix.run() }, Task { try await irc.run() }]
            defer { running.forEach { $0.cancel() } }

            let room = try await human.createRoom(inviting: [botID])
            try await human.waitUntilJoined(botID, room: room)
            let alice = try await RawIRCClient.connect(port: ngircd.port, nick: "alice")
            for text in ["quiet hours off", "daily plan at 7"] {
                let asked = try await human.say(text, in: room)
                try await human.waitFor("the answer to \(text)", in: room) { !$0.replies(from: botID, to: asked).isEmpty }
                alice.send("PRIVMSG schedbot :\(text)")
                _ = try await alice.waitFor("the IRC answer to \(text)") { $0.isPrivmsg(from: "schedbot", to: "alice") }
            }
            // Both daily plans fall due at once, as they would at 07:00 for two people in one zone.
            try bot.store.write { session in
                for user in [human.userID, ircUser] {
                    for var plan in try session.nudges(of: user, kinds: [.dailyPlan], states: [.pending]) {
                        plan.dueAt = Date().addingTimeInterval(-1)
                        try session.save(&plan)
                    }
                }
            }
            let ircPlan = try await alice.waitFor("the daily plan over IRC") {
                $0.isPrivmsg(from: "schedbot", to: "alice") && $0.trailing?.hasPrefix("Your plan for") == true
            }
            #expect(ircPlan.message.parameter(0) == "alice")
            try await human.waitFor("the daily plan in the Matrix room", in: room) { events in
                events.contains { $0.sender == botID && $0.content["body"]?.string?.hasPrefix("Your plan for") == true }
            }
        }
    }
}
