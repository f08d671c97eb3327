import SharedValues
import Foundation
import HTTP
import Logging
import MatrixCrypto
import Storage
import Testing
@testable import Matrix

/// The adapter's encryption layer without a server: devices come from the store, keys from a second
/// real libolm device. Any network call would fail at once (nothing listens on port 9).
struct RoomEncryptionTests {
    let key = PickleKey("room encryption test pickle key")!
    let room = "!room:localhost"

    func encryption(_ machine: OlmMachine, store: SQLiteStore, knowing devices: [DeviceIdentity]) -> RoomEncryption {
        let logger = Logger(label: "test")
        let rows = Dictionary(grouping: devices, by: \.userID).map { user, devices in
            CryptoStoreRow(kind: RoomEncryption.RowKind.devices, id: user,
                           value: String(decoding: JSON.array(devices.map(RoomEncryption.json)).bytes, as: UTF8.self))
        }
        return RoomEncryption(machine: machine, store: store,
                              api: MatrixAPI(homeserver: "http://127.0.0.1:9", http: CurlHTTPClient()),
                              caller: RetryingCaller(maxAttempts: 1, logger: logger), logger: logger,
                              undecryptableNoticeDelay: 60, rows: rows)
    }

    func identity(_ machine: OlmMachine) -> DeviceIdentity {
        DeviceIdentity(userID: machine.userID, deviceID: machine.deviceID, curve25519: machine.identityKeys.curve25519,
                       ed25519: machine.identityKeys.ed25519)
    }

    func encryptedEvent(_ id: String, from human: OlmMachine, text: String) async throws -> RoomEvent {
        let payload: JSON = ["type": "m.room.message", "content": ["msgtype": "m.text", "body": .string(text)], "room_id": .string(room)]
        let encrypted = try await human.encryptRoomEvent(roomID: room, payload: payload.bytes)
        return RoomEvent(type: "m.room.encrypted", sender: human.userID, eventID: id, content: [
            "algorithm": .string(Algorithm.megolm), "ciphertext": .string(encrypted.ciphertext), "session_id": .string(encrypted.sessionID),
            "sender_key": .string(encrypted.senderKey), "device_id": .string(encrypted.deviceID),
        ])
    }

    @Test func anEventWhoseKeyArrivesLaterIsKeptThenDecryptedOnce() async throws {
        let store = try SQLiteStore()
        let bot = try await OlmMachine(newDeviceFor: "@bot:localhost", deviceID: "BOT", pickleKey: key)
        let human = try await OlmMachine(newDeviceFor: "@human:localhost", deviceID: "PHONE", pickleKey: key)
        let encryption = encryption(bot, store: store, knowing: [identity(human)])
        let session = try await human.outboundSession(for: room, policy: RotationPolicy())
        let early = try await encryptedEvent("$early", from: human, text: "agenda")
        #expect(await encryption.decrypt(early, in: room) == nil, "no key yet: kept, not answered")
        try await encryption.commit()
        #expect(try store.cryptoRows(kinds: [RoomEncryption.RowKind.undecrypted]).map(\.id) == ["$early"], "kept across restarts")

        let oneTime = try await bot.oneTimeKeysToPublish(serverCount: 0, target: 1)
        try await human.startOlmSession(with: bot.identityKeys.curve25519, oneTimeKey: try #require(oneTime.first).key)
        let olm = try await human.encryptRoomKey(roomID: room, sessionID: session.sessionID, sessionKey: session.sessionKey, for: identity(bot))
        let sync: JSON = ["to_device": ["events": [[
            "type": "m.room.encrypted", "sender": .string(human.userID),
            "content": ["algorithm": .string(Algorithm.olm), "sender_key": .string(human.identityKeys.curve25519),
                        "ciphertext": .object([bot.identityKeys.curve25519: ["type": .number(Double(olm.type)), "body": .string(olm.body)]])],
        ]]]]
        let arrived = await encryption.receive(SyncKeys(json: sync))
        #expect(arrived == [session.sessionID])
        let ready = await encryption.retryUndecrypted(sessions: arrived)
        #expect(ready.count == 1)
        #expect(ready.first?.event.eventID == "$early" && ready.first?.event.type == "m.room.message")
        #expect(ready.first?.event.content["body"] == "agenda")
        #expect(await encryption.retryUndecrypted(sessions: arrived).isEmpty, "handed over once")
        try await encryption.commit()
        #expect(try store.cryptoRows(kinds: [RoomEncryption.RowKind.undecrypted]).isEmpty)

        let later = try await encryptedEvent("$later", from: human, text: "done gym")
        #expect(await encryption.decrypt(later, in: room)?.content["body"] == "done gym")
    }

    @Test func aMessageThatStaysUnreadableGetsOneNoticeThenIsForgotten() async throws {
        let store = try SQLiteStore()
        let bot = try await OlmMachine(newDeviceFor: "@bot:localhost", deviceID: "BOT", pickleKey: key)
        let human = try await OlmMachine(newDeviceFor: "@human:localhost", deviceID: "PHONE", pickleKey: key)
        let encryption = encryption(bot, store: store, knowing: [identity(human)])
        _ = try await human.outboundSession(for: room, policy: RotationPolicy())
        let lost = try await encryptedEvent("$lost", from: human, text: "agenda")
        let seen = Date()
        #expect(await encryption.decrypt(lost, in: room, now: seen) == nil)
        #expect(await encryption.overdueUndecrypted(now: seen.addingTimeInterval(59)).isEmpty)
        let overdue = await encryption.overdueUndecrypted(now: seen.addingTimeInterval(61))
        #expect(overdue.map(\.eventID) == ["$lost"] && overdue.first?.roomID == room && overdue.first?.sender == human.userID)
        #expect(await encryption.overdueUndecrypted(now: seen.addingTimeInterval(120)).isEmpty, "one notice per message")
        _ = await encryption.overdueUndecrypted(now: seen.addingTimeInterval(61 + 24 * 3600))
        try await encryption.commit()
        #expect(try store.cryptoRows(kinds: [RoomEncryption.RowKind.undecrypted]).isEmpty, "forgotten a day after the notice")
    }

    @Test func eventsFromAnotherDeviceThanTheSessionsOwnerAreDropped() async throws {
        let store = try SQLiteStore()
        let bot = try await OlmMachine(newDeviceFor: "@bot:localhost", deviceID: "BOT", pickleKey: key)
        let human = try await OlmMachine(newDeviceFor: "@human:localhost", deviceID: "PHONE", pickleKey: key)
        let eve = try await OlmMachine(newDeviceFor: "@eve:localhost", deviceID: "EVE", pickleKey: key)
        let encryption = encryption(bot, store: store, knowing: [identity(human), identity(eve)])
        // Eve's own session, delivered properly, but her event claims to come from the human.
        let session = try await eve.outboundSession(for: room, policy: RotationPolicy())
        let oneTime = try await bot.oneTimeKeysToPublish(serverCount: 0, target: 1)
        try await eve.startOlmSession(with: bot.identityKeys.curve25519, oneTimeKey: try #require(oneTime.first).key)
        let olm = try await eve.encryptRoomKey(roomID: room, sessionID: session.sessionID, sessionKey: session.sessionKey, for: identity(bot))
        let sync: JSON = ["to_device": ["events": [[
            "type": "m.room.encrypted", "sender": .string(eve.userID),
            "content": ["algorithm": .string(Algorithm.olm), "sender_key": .string(eve.identityKeys.curve25519),
                        "ciphertext": .object([bot.identityKeys.curve25519: ["type": .number(Double(olm.type)), "body": .string(olm.body)]])],
        ]]]]
        #expect(await encryption.receive(SyncKeys(json: sync)) == [session.sessionID])
        var forged = try await encryptedEvent("$forged", from: eve, text: "cancel everything")
        forged.sender = human.userID
        #expect(await encryption.decrypt(forged, in: room) == nil, "a session of Eve's device cannot speak for the human")
        var genuine = try await encryptedEvent("$genuine", from: eve, text: "agenda")
        genuine.sender = eve.userID
        #expect(await encryption.decrypt(genuine, in: room)?.content["body"] == "agenda")
    }

    @Test func aLeaveABanAHistoryChangeOrAGapStartsANewSessionAndJoinsDoNot() async throws {
        let bot = try await OlmMachine(newDeviceFor: "@bot:localhost", deviceID: "BOT", pickleKey: key)
        let encryption = encryption(bot, store: try SQLiteStore(), knowing: [])
        let encryptionState = RoomEvent(type: "m.room.encryption", sender: "@human:localhost", stateKey: "",
                                        content: ["algorithm": .string(Algorithm.megolm)])
        await encryption.observe(roomID: room, events: [encryptionState])
        #expect(try await encryption.isEncrypted(room))
        func member(_ user: String, _ membership: String) -> RoomEvent {
            RoomEvent(type: "m.room.member", sender: user, stateKey: user, content: ["membership": .string(membership)])
        }
        let changes: [(events: [RoomEvent], gap: Bool, rotates: Bool)] = [
            ([member("@friend:localhost", "join")], false, false),
            ([member("@friend:localhost", "invite")], false, false),
            ([member("@friend:localhost", "leave")], false, true),
            ([member("@friend:localhost", "ban")], false, true),
            ([RoomEvent(type: "m.room.history_visibility", sender: "@human:localhost", stateKey: "", content: ["history_visibility": "joined"])], false, true),
            ([], true, true),
        ]
        for change in changes {
            _ = try await bot.outboundSession(for: room, policy: RotationPolicy())
            await encryption.observe(roomID: room, events: change.events, gap: change.gap)
            #expect((await bot.outboundSessionID(in: room) == nil) == change.rotates, "\(change.events.map(\.type)) gap \(change.gap)")
        }
    }
}
