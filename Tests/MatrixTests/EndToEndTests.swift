import SharedValues
import Foundation
import Testing
@testable import Matrix

extension LiveSynapse {
    @Suite struct EndToEnd {
        @Test func humanInvitesBotAndGetsFormattedThreadedReplies() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await MatrixUser.login("human", password: "humanpass", on: server)
            let bot = try BotProcess(server: server, userID: botID, password: password,
                                     extraConfig: #"allowed_inviters = ["@human:localhost"]"#)
            try bot.start()
            let room = try await human.createRoom(inviting: [botID])
            try await human.waitUntilJoined(botID, room: room)

            // Noise the bot must not answer: a notice from another bot and an edit.
            let notice = try await human.send(["msgtype": "m.notice", "body": "beep from another bot"], in: room)
            let edit = try await human.send(["msgtype": "m.text", "body": "* agenda",
                                             "m.relates_to": ["rel_type": "m.replace", "event_id": .string(notice)]], in: room)
            var asked: [String] = []
            for text in ["schedule gym tomorrow at 7am", "done gym", "agenda", "<b>not bold</b> & more"] {
                let eventID = try await human.say(text, in: room)
                asked.append(eventID)
                try await human.waitFor("a reply to \(text)", in: room) { !$0.replies(from: botID, to: eventID).isEmpty }
            }
            let root = try await human.say("plan my week", in: room)
            try await human.waitFor("a reply to the thread root", in: room) { !$0.replies(from: botID, to: root).isEmpty }
            let inThread = try await human.say("agenda", in: room, thread: root)
            let events = try await human.waitFor("a reply in the thread", in: room) { !$0.replies(from: botID, to: inThread).isEmpty }

            for eventID in asked + [root, inThread] {
                for reply in events.replies(from: botID, to: eventID) {
                    #expect(reply.content["msgtype"] == "m.notice")
                    #expect(reply.content["format"] == "org.matrix.custom.html")
                    let body = reply.content["body"]?.string ?? ""
                    let html = reply.content["formatted_body"]?.string ?? ""
                    #expect(body.isEmpty == false)
                    #expect(html.isEmpty == false)
                    #expect(html.contains("<b>") == false, "user text must be escaped")
                }
            }
            for reply in events.replies(from: botID, to: inThread) {
                #expect(reply.content["m.relates_to"]?["rel_type"] == "m.thread")
                #expect(reply.content["m.relates_to"]?["event_id"]?.string == root)
            }
            #expect(events.replies(from: botID, to: notice).isEmpty)
            #expect(events.replies(from: botID, to: edit).isEmpty)
            #expect(events.duplicateReplies(from: botID).isEmpty)

            let shutdownStart = ContinuousClock.now
            try await bot.stop(signal: SIGTERM)
            let shutdown = ContinuousClock.now - shutdownStart
            let log = bot.log
            #expect(log.contains("Matrix adapter stopped"), "SIGTERM is a graceful stop:\n\(log.suffix(2000))")
            #expect(!log.contains(password) && !log.contains("syt_") && !log.contains(BotProcess.pickleKey), "secrets must never be logged")
            try expectTokenKeptOnlyInItsPrivateFile(bot)
            print("graceful shutdown after SIGTERM took \(shutdown)")
        }

        /// The token of the password login is in `secrets/` (0600), and in no other file of the data folder.
        private func expectTokenKeptOnlyInItsPrivateFile(_ bot: BotProcess) throws {
            let secrets = bot.dataDirectory + "/secrets"
            let names = try FileManager.default.contentsOfDirectory(atPath: secrets).filter { $0.hasSuffix(".token") }
            #expect(names.count == 1)
            let tokenPath = secrets + "/" + (names.first ?? "")
            let token = try String(contentsOfFile: tokenPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(token.hasPrefix("syt_"))
            let mode = (try FileManager.default.attributesOfItem(atPath: tokenPath)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600)
            let others = FileManager.default.enumerator(atPath: bot.dataDirectory)?.compactMap { $0 as? String } ?? []
            for name in others where !name.hasPrefix("secrets") {
                let data = (try? Data(contentsOf: URL(fileURLWithPath: bot.dataDirectory + "/" + name))) ?? Data()
                #expect(data.range(of: Data(token.utf8)) == nil, "the access token is in \(name)")
            }
        }

        /// The issue's figure: the bot's added latency per non-LLM message, from the /sync answer
        /// that delivered a message to the request that sends the reply.
        @Test func addedLatencyPerMessage() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await MatrixUser.login("human", password: "humanpass", on: server)
            let bot = try BotProcess(server: server, userID: botID, password: password)
            try bot.start()
            let room = try await human.createRoom(inviting: [botID])
            try await human.waitUntilJoined(botID, room: room)
            var roundTrips: [Double] = []
            for index in 0..<30 {
                let start = ContinuousClock.now
                let eventID = try await human.say("agenda \(index)", in: room)
                try await human.waitFor("reply \(index)", in: room) { !$0.replies(from: botID, to: eventID).isEmpty }
                roundTrips.append((ContinuousClock.now - start).milliseconds)
            }
            try await bot.stop()
            let added = syncToSendMilliseconds(in: bot.log)
            #expect(added.count >= 30, "every answered message logs its latency")
            let figures = LatencyFigures(added.suffix(30))
            print("MATRIX LATENCY sync->send over \(figures.count) messages: median \(figures.median) ms, p95 \(figures.p95) ms, max \(figures.max) ms; human round trip (send + poll) median \(LatencyFigures(roundTrips).median) ms")
        }

        @Test func invitesEncryptionAndEmptyRooms() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            try server.register("eve", password: "evepass")
            let human = try await MatrixUser.login("human", password: "humanpass", on: server)
            let eve = try await MatrixUser.login("eve", password: "evepass", on: server)
            // With encryption off, encrypted rooms get the notice instead of answers.
            let bot = try BotProcess(server: server, userID: botID, password: password,
                                     extraConfig: "allowed_inviters = [\"@human:localhost\"]\nencryption = false")
            try bot.start()

            let eveRoom = try await eve.createRoom(inviting: [botID])
            try await eve.waitFor("the bot to decline eve's invite", in: eveRoom) { events in
                events.contains { $0.type == "m.room.member" && $0.stateKey == botID && $0.membership == "leave" }
            }

            let secret = try await human.createRoom(inviting: [botID], encrypted: true)
            try await human.waitUntilJoined(botID, room: secret)
            for _ in 0..<2 {
                try await human.send(["algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "AwgAEn…garbage", "sender_key": "x",
                                      "session_id": "y", "device_id": "Z"], type: "m.room.encrypted", in: secret)
            }
            let plainRoom = try await human.createRoom(inviting: [botID])
            try await human.waitUntilJoined(botID, room: plainRoom)
            let hello = try await human.say("hello", in: plainRoom)
            try await human.waitFor("an answer after encrypted events", in: plainRoom) { !$0.replies(from: botID, to: hello).isEmpty }
            let notices = try await human.events(in: secret).filter { $0.sender == botID && $0.type == "m.room.message" }
            #expect(notices.count == 1, "one encryption notice per room")
            #expect(notices.first?.content["msgtype"] == "m.notice")
            #expect(notices.first?.content["formatted_body"] == nil, "the encryption notice is plain")
            #expect(notices.first?.content["body"]?.string?.contains("encrypt") == true)

            try await human.leave(plainRoom)
            let botAccount = try await MatrixUser.login(botID, password: password, on: server)
            let deadline = ContinuousClock.now + .seconds(20)
            var rooms: [String] = []
            repeat {
                rooms = (try await botAccount.call(.get, "/joined_rooms")["joined_rooms"]?.array ?? []).compactMap(\.string)
                if !rooms.contains(plainRoom) { break }
                try await Task.sleep(for: .milliseconds(200))
            } while ContinuousClock.now < deadline
            #expect(!rooms.contains(plainRoom), "the bot leaves a room that became empty")
            #expect(rooms.contains(secret))
            try await bot.stop()
        }

        @Test func revokedStoredTokenIsReplacedByLoggingInAgain() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await MatrixUser.login("human", password: "humanpass", on: server)
            let bot = try BotProcess(server: server, userID: botID, password: password)
            try bot.start()
            let room = try await human.createRoom(inviting: [botID])
            try await human.waitUntilJoined(botID, room: room)
            try await bot.stop()
            // Revoke every token of the bot, including the one it stored after its password login.
            let session = try await MatrixUser.login(botID, password: password, on: server)
            _ = try await session.call(.post, "/logout/all", body: [:])
            try bot.start()
            let message = try await human.say("agenda", in: room)
            try await human.waitFor("a reply after logging in again", in: room) { !$0.replies(from: botID, to: message).isEmpty }
            try await bot.stop()
            #expect(bot.log.contains("the stored access token was rejected; logging in again"))
        }

        @Test func rejectedTokenStopsWithAClearErrorAndNoSecretInTheLog() async throws {
            let server = try await SharedSynapse.shared.server()
            let bot = try BotProcess(server: server, userID: "@bot:localhost", password: "",
                                     extraEnvironment: ["SCHEDULER_BOT_MATRIX_ACCESS_TOKEN": "syt_not_a_real_token_4242"])
            try bot.start()
            let exit = try await bot.waitForExit(timeout: .seconds(20))
            #expect(exit.status == 1 && exit.reason == .exit)
            #expect(bot.log.contains("rejected the access token"), "log:\n\(bot.log)")
            #expect(!bot.log.contains("syt_not_a_real_token_4242"))
        }
    }
}

struct LatencyFigures {
    let sorted: [Double]
    init<S: Sequence>(_ values: S) where S.Element == Double { sorted = values.sorted() }
    var count: Int { sorted.count }
    var median: Double { percentile(0.5) }
    var p95: Double { percentile(0.95) }
    var max: Double { sorted.last ?? 0 }
    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let value = sorted[Swift.min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
        return (value * 100).rounded() / 100
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
