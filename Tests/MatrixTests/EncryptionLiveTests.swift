import SharedValues
import Foundation
import Testing
@testable import Matrix

/// End-to-end encryption against the real Synapse, with matrix-nio (vodozemac) as the people.
extension LiveSynapse {
    @Suite struct Encryption {
        /// The bot's room messages as a person's device saw them: every one must have decrypted.
        static func expectAllDecrypted(_ events: [PeerEvent], from botID: String, _ context: @autoclosure () -> String = "") {
            let fromBot = events.filter { $0.sender == botID }
            #expect(!fromBot.isEmpty, "the bot said something")
            for event in fromBot { #expect(event.decrypted, "not decrypted: \(event) \(context())") }
        }

        static func duplicates(_ events: [PeerEvent], from botID: String) -> [String] {
            var seen = Set<String>(), duplicates: [String] = []
            for event in events where event.sender == botID && !seen.insert("\(event.replyTo ?? "-")|\(event.body ?? "")").inserted {
                duplicates.append(event.description)
            }
            return duplicates
        }

        @Test func anEncryptedDirectMessageIsAnsweredEncrypted() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await SharedHuman.shared.peer(on: server)
            let bot = try BotProcess(server: server, userID: botID, password: password)
            try bot.start()
            let room = try await human.createEncryptedRoom(inviting: [botID])
            try await human.waitForMember(botID, in: room)

            var asked: [String] = []
            for text in ["schedule gym tomorrow at 7am", "done gym", "agenda"] {
                let eventID = try await human.say(text, in: room)
                asked.append(eventID)
                let replies = try await human.replies(from: botID, to: [eventID], in: room)
                #expect(replies.allSatisfy { $0.decrypted } && replies.allSatisfy { $0.msgtype == "m.notice" }, "\(replies)")
                #expect(replies.contains { !($0.body ?? "").isEmpty })
            }
            let timeline = try await human.timeline(of: room)
            Self.expectAllDecrypted(timeline, from: botID)
            #expect(Self.duplicates(timeline, from: botID).isEmpty)
            #expect(timeline.contains { $0.sender == botID && $0.replyTo == asked[0] && ($0.body ?? "").lowercased().contains("gym") },
                    "the schedule answer names the task: \(timeline)")

            let stored = try await human.serverEvents(in: room).filter { !$0.isState }
            #expect(stored.contains { $0.sender == botID })
            #expect(stored.allSatisfy { $0.type == "m.room.encrypted" }, "the server keeps only ciphertext: \(stored.map(\.type))")

            try await bot.stop()
            let log = bot.log
            #expect(log.contains("created a new end-to-end encryption identity"))
            #expect(log.contains("cross-signing set up"), "Synapse accepts the first cross-signing upload:\n\(log.suffix(2000))")
            for secret in [password, BotProcess.pickleKey, "syt_"] { #expect(!log.contains(secret), "a secret reached the log") }
        }

        /// kill -9 between reading a message and confirming its answer, a message sent while the bot
        /// is down, then a restart: every message answered once, every answer decryptable.
        @Test(arguments: ["before-handle", "after-commit", "after-send"])
        func killDashNineThenRestartAnswersEncryptedMessagesOnce(crashPoint: String) async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await SharedHuman.shared.peer(on: server)
            let bot = try BotProcess(server: server, userID: botID, password: password)
            try bot.start(crashAt: crashPoint)
            let room = try await human.createEncryptedRoom(inviting: [botID])
            try await human.waitForMember(botID, in: room)

            let first = try await human.say("schedule gym tomorrow at 7am", in: room)
            let exit = try await bot.waitForExit()
            #expect(exit.reason == .uncaughtSignal && exit.status == SIGKILL)
            let whileDown = try await human.say("agenda", in: room)
            try bot.start()
            let afterRestart = try await human.say("done gym", in: room)
            let replies = try await human.replies(from: botID, to: [first, whileDown, afterRestart], in: room, timeout: 60)
            #expect(replies.allSatisfy { $0.decrypted }, "\(replies)")
            // Give a duplicate every chance to show up before counting.
            try await Task.sleep(for: .seconds(1.5))
            try await bot.stop()
            let timeline = try await human.timeline(of: room)
            Self.expectAllDecrypted(timeline, from: botID, "log:\n\(bot.log.suffix(2000))")
            #expect(Self.duplicates(timeline, from: botID).isEmpty, "log:\n\(bot.log.suffix(3000))")
            for source in [first, whileDown, afterRestart] {
                #expect(!timeline.filter { $0.sender == botID && $0.replyTo == source }.isEmpty, "answered: \(source)")
            }
        }

        /// A person's new device, a second person joining, and a member leaving (a new session the
        /// leaver never gets).
        @Test func newDevicesNewMembersAndARotationWhenSomeoneLeaves() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            try server.register("friend", password: "friendpass")
            let human = try await SharedHuman.shared.peer(on: server)
            let bot = try BotProcess(server: server, userID: botID, password: password)
            try bot.start()
            let room = try await human.createEncryptedRoom(inviting: [botID])
            try await human.waitForMember(botID, in: room)
            let first = try await human.say("agenda", in: room)
            _ = try await human.replies(from: botID, to: [first], in: room)

            let phone = try await NioPeer.login("human", password: "humanpass", on: server)
            let fromPhone = try await phone.say("agenda", in: room)
            let phoneReplies = try await phone.replies(from: botID, to: [fromPhone], in: room)
            #expect(phoneReplies.allSatisfy { $0.decrypted }, "the new device reads the answer: \(phoneReplies)")

            let friend = try await NioPeer.login("friend", password: "friendpass", on: server)
            try await human.request(["cmd": "invite", "room": .string(room), "user": .string(friend.userID)])
            try await friend.request(["cmd": "join", "room": .string(room)])
            try await human.waitForMember(friend.userID, in: room)
            let fromFriend = try await friend.say("agenda", in: room)
            let friendReplies = try await friend.replies(from: botID, to: [fromFriend], in: room)
            #expect(friendReplies.allSatisfy { $0.decrypted }, "the new member reads the answer: \(friendReplies)")
            let sessionBeforeLeave = try #require(friendReplies.first?.sessionID)

            try await friend.request(["cmd": "leave", "room": .string(room)])
            try await Task.sleep(for: .seconds(1))
            let afterLeave = try await human.say("agenda", in: room)
            let humanReplies = try await human.replies(from: botID, to: [afterLeave], in: room)
            #expect(humanReplies.allSatisfy { $0.decrypted })
            let sessionAfterLeave = try #require(humanReplies.first?.sessionID)
            #expect(sessionAfterLeave != sessionBeforeLeave, "the room key rotated when a member left")
            try await Task.sleep(for: .seconds(1))
            let friendSessions = try await friend.sessionIDs()
            #expect(friendSessions.contains(sessionBeforeLeave))
            #expect(!friendSessions.contains(sessionAfterLeave), "the leaver never got the new key")
            try await bot.stop()
            for peer in [phone, friend] { await peer.stop() }
        }

        /// Sixty one-time-key claims while the bot is not syncing use up every one-time key; a new
        /// device then gets the fallback key, and its session still works.
        @Test func theFallbackKeyKeepsSessionsWorkingAfterABurstOfClaims() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await SharedHuman.shared.peer(on: server)
            let bot = try BotProcess(server: server, userID: botID, password: password)
            try bot.start()
            let room = try await human.createEncryptedRoom(inviting: [botID])
            try await human.waitForMember(botID, in: room)
            let first = try await human.say("agenda", in: room)
            _ = try await human.replies(from: botID, to: [first], in: room)

            try await bot.stop()
            let claims = try await human.request(["cmd": "claim_burst", "user": .string(botID), "count": 60])["claimed"]?.array ?? []
            #expect(claims.count == 60)
            #expect(claims.filter { $0["fallback"] == true }.count >= 10, "the one-time keys ran out and the fallback key was handed out")
            let phone = try await NioPeer.login("human", password: "humanpass", on: server)
            let fromPhone = try await phone.say("agenda", in: room)
            try bot.start()
            let replies = try await phone.replies(from: botID, to: [fromPhone], in: room, timeout: 60)
            #expect(replies.allSatisfy { $0.decrypted }, "\(replies)\nlog:\n\(bot.log.suffix(2000))")
            try await bot.stop()
            #expect(bot.log.contains("one_time_keys=50"), "the bot refilled its one-time keys after the burst")
            await phone.stop()
        }

        /// The added latency per reply: the same person on the same client, in a plain and in an encrypted room.
        @Test func addedLatencyOfAnEncryptedReply() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await SharedHuman.shared.peer(on: server)
            let bot = try BotProcess(server: server, userID: botID, password: password)
            try bot.start()
            let plain = try await human.request(["cmd": "create_room", "invite": [.string(botID)], "encrypted": false])["room_id"]?.string ?? ""
            let secret = try await human.createEncryptedRoom(inviting: [botID])
            try await human.waitForMember(botID, in: plain)
            try await human.waitForMember(botID, in: secret)
            var figures: [String: [Double]] = [:]
            for round in 0..<21 {
                for (name, room) in [("plain", plain), ("encrypted", secret)] {
                    let start = ContinuousClock.now
                    let eventID = try await human.say("agenda \(round)", in: room)
                    _ = try await human.replies(from: botID, to: [eventID], in: room)
                    // The first message of a room pays for its key share; reported apart.
                    figures[round == 0 ? name + " first" : name, default: []].append((ContinuousClock.now - start).milliseconds)
                }
            }
            try await bot.stop()
            let plainMedian = LatencyFigures(figures["plain"] ?? []).median, encryptedMedian = LatencyFigures(figures["encrypted"] ?? []).median
            print("MATRIX E2EE LATENCY round trip (nio send -> decrypted reply) over 20 messages: plain median \(plainMedian) ms, encrypted median \(encryptedMedian) ms, added \(((encryptedMedian - plainMedian) * 100).rounded() / 100) ms; first message plain \(figures["plain first"] ?? []) ms, encrypted (incl. key share) \(figures["encrypted first"] ?? []) ms")
            // A figure, not a bound (the machine's speed is not the property): every message got its reply.
            #expect(figures["plain"]?.count == 20 && figures["encrypted"]?.count == 20)
        }

        @Test func aMissingOrWrongPickleKeyStopsTheBotWithAClearError() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let keyless = try BotProcess(server: server, userID: botID, password: password,
                                         extraEnvironment: ["SCHEDULER_BOT_MATRIX_PICKLE_KEY": ""])
            try keyless.start()
            let exit = try await keyless.waitForExit(timeout: .seconds(20))
            #expect(exit.status == 1 && exit.reason == .exit)
            #expect(keyless.log.contains("SCHEDULER_BOT_MATRIX_PICKLE_KEY"), "says what to set:\n\(keyless.log)")

            let bot = try BotProcess(server: server, userID: botID, password: password)
            try bot.start()
            let human = try await SharedHuman.shared.peer(on: server)
            let room = try await human.createEncryptedRoom(inviting: [botID])
            try await human.waitForMember(botID, in: room)
            try await bot.stop()
            let otherKey = try BotProcess(server: server, userID: botID, password: password, dataDirectory: bot.dataDirectory,
                                          extraEnvironment: ["SCHEDULER_BOT_MATRIX_PICKLE_KEY": "not the key the store was made with"])
            try otherKey.start()
            let refused = try await otherKey.waitForExit(timeout: .seconds(20))
            #expect(refused.status == 1)
            #expect(otherKey.log.contains("cannot be opened with this pickle key"), "\(otherKey.log.suffix(1500))")
            #expect(!otherKey.log.contains("not the key the store was made with"))
        }

        /// The crypto rows are gone but the login (and its device's keys on the server) remain: the bot
        /// must not upload new keys for the old device id; it logs in as a new device and is still answered.
        @Test func aLostCryptoStoreLeadsToANewDeviceNotNewKeysForTheOldOne() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await SharedHuman.shared.peer(on: server)
            let bot = try BotProcess(server: server, userID: botID, password: password)
            try bot.start()
            let room = try await human.createEncryptedRoom(inviting: [botID])
            try await human.waitForMember(botID, in: room)
            let first = try await human.say("agenda", in: room)
            _ = try await human.replies(from: botID, to: [first], in: room)
            try await bot.stop()
            _ = try Shell.run(["python3", "-c", "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute('DELETE FROM matrix_crypto'); db.commit()",
                               bot.dataDirectory + "/scheduler-bot.sqlite"])
            try bot.start()
            // The person's client must learn the bot's new device before its key share can include it.
            let deadline = ContinuousClock.now + .seconds(30)
            while bot.log.components(separatedBy: "connected to Matrix").count < 3, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            try await Task.sleep(for: .seconds(2))
            let second = try await human.say("agenda", in: room)
            let replies = try await human.replies(from: botID, to: [second], in: room, timeout: 60)
            #expect(replies.allSatisfy { $0.decrypted }, "\(replies)")
            try await bot.stop()
            #expect(bot.log.contains("logging in as a new device"), "\(bot.log.suffix(2000))")
            let identities = bot.log.components(separatedBy: "created a new end-to-end encryption identity").count - 1
            #expect(identities == 2, "one identity per device")
        }

        @Test func anEventThatStaysUndecryptableGetsOneNoticeAskingToResend() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await SharedHuman.shared.peer(on: server)
            let bot = try BotProcess(server: server, userID: botID, password: password,
                                     extraEnvironment: ["SCHEDULER_BOT_TEST_UNDECRYPTABLE_NOTICE_SECONDS": "2"])
            try bot.start()
            let room = try await human.createEncryptedRoom(inviting: [botID])
            try await human.waitForMember(botID, in: room)
            let garbage = try await human.request(["cmd": "send_raw", "room": .string(room), "type": "m.room.encrypted", "content": [
                "algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "AwgAEnBnYXJiYWdl", "sender_key": "c2VuZGVy",
                "session_id": "no-such-session", "device_id": "NOPE",
            ]])["event_id"]?.string ?? ""
            // Syncs return at least every 30 s; a message afterwards makes the next one come sooner.
            try await Task.sleep(for: .seconds(3))
            let nudge = try await human.say("agenda", in: room)
            _ = try await human.replies(from: botID, to: [nudge], in: room)
            let deadline = ContinuousClock.now + .seconds(40)
            var notices: [PeerEvent] = []
            repeat {
                notices = try await human.timeline(of: room).filter { $0.sender == botID && ($0.body ?? "").contains("could not decrypt") }
                if !notices.isEmpty { break }
                try await Task.sleep(for: .milliseconds(200))
            } while ContinuousClock.now < deadline
            #expect(notices.count == 1, "one notice for the undecryptable event \(garbage)")
            #expect(notices.allSatisfy { $0.decrypted })
            try await bot.stop()
            #expect(bot.log.contains("kept an event whose room key has not arrived yet"))
        }
    }
}

/// The person of the encryption tests: one nio device for the whole run, started on first use. Each test has its
/// own bot and its own rooms, so they do not see each other; sharing the device saves a client start and a login
/// per test, and keeps the person's device list (which every bot shares room keys with) from growing test by test.
/// The peer ends with the test process (its stdin closes).
actor SharedHuman {
    static let shared = SharedHuman()
    private var started: NioPeer?

    func peer(on server: SynapseServer) async throws -> NioPeer {
        if let started { return started }
        let peer = try await NioPeer.login("human", password: "humanpass", on: server)
        started = peer
        return peer
    }
}

