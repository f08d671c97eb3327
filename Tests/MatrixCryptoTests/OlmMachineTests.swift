import Foundation
import Testing
@testable import MatrixCrypto

/// Two real libolm devices talking to each other through the actor's API, as the bot and a
/// client would through a homeserver (the server only moves the strings these tests pass by hand).
struct OlmMachineTests {
    let key = PickleKey("test pickle key, long enough")!
    let room = "!room:localhost"

    func device(_ user: String, _ deviceID: String) async throws -> OlmMachine {
        try await OlmMachine(newDeviceFor: user, deviceID: deviceID, pickleKey: key)
    }

    func identity(of machine: OlmMachine) -> DeviceIdentity {
        DeviceIdentity(userID: machine.userID, deviceID: machine.deviceID,
                       curve25519: machine.identityKeys.curve25519, ed25519: machine.identityKeys.ed25519)
    }

    /// `sender` opens an Olm session to `receiver` on one of its published keys and shares its room session.
    func shareRoomKey(from sender: OlmMachine, to receiver: OlmMachine, oneTimeKey: String? = nil) async throws -> (OlmMessage, OutboundSessionInfo) {
        let receiverKey: String
        if let oneTimeKey { receiverKey = oneTimeKey } else {
            let keys = try await receiver.oneTimeKeysToPublish(serverCount: 0, target: 1)
            await receiver.markKeysAsPublished()
            receiverKey = try #require(keys.first).key
        }
        try await sender.startOlmSession(with: receiver.identityKeys.curve25519, oneTimeKey: receiverKey)
        let outbound = try await sender.outboundSession(for: room, policy: RotationPolicy())
        let message = try await sender.encryptRoomKey(roomID: room, sessionID: outbound.sessionID, sessionKey: outbound.sessionKey,
                                                      for: identity(of: receiver))
        return (message, outbound)
    }

    @Test func signaturesVerifyWithTheDeviceKeyAndFailOnOtherBytes() async throws {
        let bot = try await device("@bot:localhost", "BOT")
        let message = Array(#"{"a":1,"b":"two"}"#.utf8)
        let signature = try await bot.sign(message)
        #expect(OlmMachine.verifyEd25519(key: bot.identityKeys.ed25519, message: message, signature: signature))
        #expect(!OlmMachine.verifyEd25519(key: bot.identityKeys.ed25519, message: Array(#"{"a":2,"b":"two"}"#.utf8), signature: signature))
        let other = try await device("@eve:localhost", "EVE")
        #expect(!OlmMachine.verifyEd25519(key: other.identityKeys.ed25519, message: message, signature: signature))
    }

    @Test func oneTimeKeysAreToppedUpToHalfOfWhatTheAccountHolds() async throws {
        let bot = try await device("@bot:localhost", "BOT")
        let half = await bot.maxOneTimeKeys / 2
        let first = try await bot.oneTimeKeysToPublish(serverCount: 0)
        #expect(first.count == half)
        #expect(Set(first.map(\.id)).count == half)
        // Not yet marked published (e.g. the upload failed): the same keys again, none added.
        #expect(try await bot.oneTimeKeysToPublish(serverCount: 0).map(\.id) == first.map(\.id))
        await bot.markKeysAsPublished()
        #expect(try await bot.oneTimeKeysToPublish(serverCount: half).isEmpty)
        let refill = try await bot.oneTimeKeysToPublish(serverCount: 10)
        #expect(refill.count == half - 10)
        #expect(Set(refill.map(\.id)).isDisjoint(with: first.map(\.id)))
    }

    @Test func roomKeyOverOlmThenMegolmEventsDecrypt() async throws {
        let bot = try await device("@bot:localhost", "BOT")
        let human = try await device("@human:localhost", "PHONE")
        let (olm, outbound) = try await shareRoomKey(from: human, to: bot)
        #expect(olm.type == 0, "the first message of a session is a pre-key message")
        let outcome = try await bot.decryptToDevice(sender: human.userID, senderKey: human.identityKeys.curve25519, message: olm,
                                                    senderDevice: identity(of: human))
        #expect(outcome == .roomKey(roomID: room, sessionID: outbound.sessionID))

        let payload = Array(#"{"content":{"body":"agenda","msgtype":"m.text"},"room_id":"!room:localhost","type":"m.room.message"}"#.utf8)
        let encrypted = try await human.encryptRoomEvent(roomID: room, payload: payload)
        let decrypted = try await bot.decryptRoomEvent(roomID: room, eventID: "$1", sessionID: encrypted.sessionID, ciphertext: encrypted.ciphertext)
        #expect(decrypted.payload == payload)
        #expect(decrypted.senderKey == human.identityKeys.curve25519)
        #expect(decrypted.senderEd25519 == human.identityKeys.ed25519)
        #expect(decrypted.messageIndex == 0)
    }

    @Test func theBotAnswersOverItsOwnSessionAndTheHumanReadsIt() async throws {
        let bot = try await device("@bot:localhost", "BOT")
        let human = try await device("@human:localhost", "PHONE")
        let (olm, outbound) = try await shareRoomKey(from: bot, to: human)
        #expect(try await human.decryptToDevice(sender: bot.userID, senderKey: bot.identityKeys.curve25519, message: olm,
                                                senderDevice: identity(of: bot)) == .roomKey(roomID: room, sessionID: outbound.sessionID))
        try await bot.markShared(roomID: room, sessionID: outbound.sessionID, with: [identity(of: human).reference])
        let again = try await bot.outboundSession(for: room, policy: RotationPolicy())
        #expect(again.sessionID == outbound.sessionID && !again.isNew)
        #expect(again.sharedWith == [identity(of: human).reference])
        for index in 0..<3 {
            let payload = Array(#"{"content":{"body":"reply \#(index)"},"room_id":"!room:localhost","type":"m.room.message"}"#.utf8)
            let encrypted = try await bot.encryptRoomEvent(roomID: room, payload: payload)
            let decrypted = try await human.decryptRoomEvent(roomID: room, eventID: "$r\(index)", sessionID: encrypted.sessionID,
                                                             ciphertext: encrypted.ciphertext)
            #expect(decrypted.payload == payload)
            #expect(decrypted.messageIndex == UInt32(index))
            // The bot kept an inbound copy of its own session, so its own echo decrypts as well.
            _ = try await bot.decryptRoomEvent(roomID: room, eventID: "$r\(index)", sessionID: encrypted.sessionID, ciphertext: encrypted.ciphertext)
        }
    }

    @Test func olmPayloadsFailingTheSpecChecksAreRejected() async throws {
        let bot = try await device("@bot:localhost", "BOT")
        let human = try await device("@human:localhost", "PHONE")
        let impostor = try await device("@human:localhost", "OTHER")
        let senderKey = human.identityKeys.curve25519
        // Each check gets its own message: a decrypted Olm message cannot be decrypted twice.
        let (forEve, _) = try await shareRoomKey(from: human, to: bot)
        await #expect(throws: CryptoError.invalidPayload("sender does not match the event")) {
            try await bot.decryptToDevice(sender: "@eve:localhost", senderKey: senderKey, message: forEve, senderDevice: identity(of: human))
        }
        // A device record whose Ed25519 key is not the one inside the payload.
        var wrongSigningKey = identity(of: human)
        wrongSigningKey.ed25519 = impostor.identityKeys.ed25519
        let (withWrongKey, _) = try await shareRoomKey(from: human, to: bot)
        await #expect(throws: CryptoError.invalidPayload("signing key does not match the device")) {
            try await bot.decryptToDevice(sender: human.userID, senderKey: senderKey, message: withWrongKey, senderDevice: wrongSigningKey)
        }
        let (fromUnknown, _) = try await shareRoomKey(from: human, to: bot)
        await #expect(throws: CryptoError.invalidPayload("the sending device is unknown")) {
            try await bot.decryptToDevice(sender: human.userID, senderKey: senderKey, message: fromUnknown, senderDevice: nil)
        }
        // A key sent to another device of the bot's user is not for this device.
        let otherBotDevice = try await device("@bot:localhost", "BOT2")
        let (forOther, _) = try await shareRoomKey(from: human, to: otherBotDevice)
        await #expect(throws: (any Error).self) {
            try await bot.decryptToDevice(sender: human.userID, senderKey: senderKey, message: forOther, senderDevice: identity(of: human))
        }
        #expect(await !bot.hasInboundSession(try await human.outboundSession(for: room, policy: RotationPolicy()).sessionID),
                "no rejected payload stored its room key")
    }

    @Test func aReplayedMessageIndexIsRefusedButTheSameEventDecryptsAgain() async throws {
        let bot = try await device("@bot:localhost", "BOT")
        let human = try await device("@human:localhost", "PHONE")
        let (olm, _) = try await shareRoomKey(from: human, to: bot)
        _ = try await bot.decryptToDevice(sender: human.userID, senderKey: human.identityKeys.curve25519, message: olm,
                                          senderDevice: identity(of: human))
        let encrypted = try await human.encryptRoomEvent(roomID: room, payload: Array(#"{"content":{},"room_id":"!room:localhost","type":"m.room.message"}"#.utf8))
        _ = try await bot.decryptRoomEvent(roomID: room, eventID: "$a", sessionID: encrypted.sessionID, ciphertext: encrypted.ciphertext)
        _ = try await bot.decryptRoomEvent(roomID: room, eventID: "$a", sessionID: encrypted.sessionID, ciphertext: encrypted.ciphertext)
        await #expect(throws: CryptoError.replayedMessageIndex(sessionID: encrypted.sessionID, index: 0)) {
            try await bot.decryptRoomEvent(roomID: room, eventID: "$b", sessionID: encrypted.sessionID, ciphertext: encrypted.ciphertext)
        }
        await #expect(throws: CryptoError.invalidPayload("the room key belongs to another room")) {
            try await bot.decryptRoomEvent(roomID: "!other:localhost", eventID: "$a", sessionID: encrypted.sessionID, ciphertext: encrypted.ciphertext)
        }
        await #expect(throws: CryptoError.unknownSession(sessionID: "nope")) {
            try await bot.decryptRoomEvent(roomID: room, eventID: "$c", sessionID: "nope", ciphertext: encrypted.ciphertext)
        }
    }

    @Test func anEventEncryptedForAnotherRoomIsRejectedEvenWithTheRightSession() async throws {
        let bot = try await device("@bot:localhost", "BOT")
        let human = try await device("@human:localhost", "PHONE")
        let (olm, _) = try await shareRoomKey(from: human, to: bot)
        _ = try await bot.decryptToDevice(sender: human.userID, senderKey: human.identityKeys.curve25519, message: olm,
                                          senderDevice: identity(of: human))
        let encrypted = try await human.encryptRoomEvent(roomID: room, payload: Array(#"{"content":{},"room_id":"!elsewhere:localhost","type":"m.room.message"}"#.utf8))
        await #expect(throws: CryptoError.invalidPayload("the event was encrypted for another room")) {
            try await bot.decryptRoomEvent(roomID: room, eventID: "$x", sessionID: encrypted.sessionID, ciphertext: encrypted.ciphertext)
        }
    }

    @Test func theStoreRestoresEverySessionAndRefusesAnotherPickleKey() async throws {
        let bot = try await device("@bot:localhost", "BOT")
        let human = try await device("@human:localhost", "PHONE")
        let (olm, _) = try await shareRoomKey(from: human, to: bot)
        _ = try await bot.decryptToDevice(sender: human.userID, senderKey: human.identityKeys.curve25519, message: olm,
                                          senderDevice: identity(of: human))
        _ = try await bot.outboundSession(for: room, policy: RotationPolicy())
        let records = await bot.takeChanges()
        #expect(Set(records.map(\.kind)).isSuperset(of: [.account, .olmSession, .inboundGroupSession, .outboundGroupSession]))
        #expect(await bot.takeChanges().isEmpty, "changes are handed out once")
        // No private key material in the clear: every pickle is libolm's encrypted base64.
        let plainSecrets = try await [human.outboundSession(for: room, policy: RotationPolicy()).sessionKey]
        #expect(!records.contains { record in plainSecrets.contains { record.value?.contains($0) == true } })

        let restored = try await OlmMachine(restoring: records, pickleKey: key)
        #expect(restored.identityKeys == bot.identityKeys)
        #expect(restored.deviceID == "BOT")
        let encrypted = try await human.encryptRoomEvent(roomID: room, payload: Array(#"{"content":{},"room_id":"!room:localhost","type":"m.room.message"}"#.utf8))
        _ = try await restored.decryptRoomEvent(roomID: room, eventID: "$1", sessionID: encrypted.sessionID, ciphertext: encrypted.ciphertext)
        #expect(await restored.outboundSessionID(in: room) == bot.outboundSessionID(in: room))

        await #expect(throws: CryptoError.wrongPickleKey) {
            try await OlmMachine(restoring: records, pickleKey: PickleKey("another key, also long enough")!)
        }
        await #expect(throws: CryptoError.noAccount) { try await OlmMachine(restoring: [], pickleKey: key) }
    }

    @Test func aPreKeyMessageSeenAgainAfterARestartDoesNotBreakTheSession() async throws {
        let bot = try await device("@bot:localhost", "BOT")
        let human = try await device("@human:localhost", "PHONE")
        let (olm, outbound) = try await shareRoomKey(from: human, to: bot)
        let humanDevice = identity(of: human)
        _ = try await bot.decryptToDevice(sender: human.userID, senderKey: humanDevice.curve25519, message: olm, senderDevice: humanDevice)
        // The sync token did not move before a crash, so the same to-device event comes again.
        let replayed = try? await bot.decryptToDevice(sender: human.userID, senderKey: humanDevice.curve25519, message: olm,
                                                       senderDevice: humanDevice)
        #expect(replayed == nil || replayed == .knownRoomKey(roomID: room, sessionID: outbound.sessionID))
        #expect(await bot.hasInboundSession(outbound.sessionID))
    }

    @Test func theFallbackKeyKeepsNewSessionsWorkingWhenOneTimeKeysRunOut() async throws {
        let bot = try await device("@bot:localhost", "BOT")
        let fallback = try #require(try await bot.fallbackKeyToPublish(serverHasUnused: false))
        #expect(try await bot.fallbackKeyToPublish(serverHasUnused: false)?.id == fallback.id, "unpublished: the same key again")
        await bot.markKeysAsPublished()
        #expect(try await bot.fallbackKeyToPublish(serverHasUnused: true) == nil)
        // Three clients all claim the same fallback key (no one-time key was left for them).
        for index in 0..<3 {
            let human = try await device("@human\(index):localhost", "D\(index)")
            let (olm, outbound) = try await shareRoomKey(from: human, to: bot, oneTimeKey: fallback.key)
            let outcome = try await bot.decryptToDevice(sender: human.userID, senderKey: human.identityKeys.curve25519, message: olm,
                                                        senderDevice: identity(of: human))
            #expect(outcome == .roomKey(roomID: room, sessionID: outbound.sessionID))
        }
        let next = try #require(try await bot.fallbackKeyToPublish(serverHasUnused: false))
        #expect(next.id != fallback.id)
    }

    @Test func roomKeysAreReplacedOnlyByOnesReachingFurtherBack() async throws {
        let bot = try await device("@bot:localhost", "BOT")
        let human = try await device("@human:localhost", "PHONE")
        let keys = try await bot.oneTimeKeysToPublish(serverCount: 0, target: 2)
        try await human.startOlmSession(with: bot.identityKeys.curve25519, oneTimeKey: keys[0].key)
        let outbound = try await human.outboundSession(for: room, policy: RotationPolicy())
        let early = outbound.sessionKey
        _ = try await human.encryptRoomEvent(roomID: room, payload: Array(#"{"content":{},"room_id":"!room:localhost","type":"m.room.message"}"#.utf8))
        let later = try await human.outboundSession(for: room, policy: RotationPolicy()).sessionKey
        let humanDevice = identity(of: human)
        let lateMessage = try await human.encryptRoomKey(roomID: room, sessionID: outbound.sessionID, sessionKey: later, for: identity(of: bot))
        #expect(try await bot.decryptToDevice(sender: human.userID, senderKey: humanDevice.curve25519, message: lateMessage,
                                              senderDevice: humanDevice) == .roomKey(roomID: room, sessionID: outbound.sessionID))
        let earlyMessage = try await human.encryptRoomKey(roomID: room, sessionID: outbound.sessionID, sessionKey: early, for: identity(of: bot))
        #expect(try await bot.decryptToDevice(sender: human.userID, senderKey: humanDevice.curve25519, message: earlyMessage,
                                              senderDevice: humanDevice) == .roomKey(roomID: room, sessionID: outbound.sessionID),
                "an earlier index replaces the later one")
        let lateAgain = try await human.encryptRoomKey(roomID: room, sessionID: outbound.sessionID, sessionKey: later, for: identity(of: bot))
        #expect(try await bot.decryptToDevice(sender: human.userID, senderKey: humanDevice.curve25519, message: lateAgain,
                                              senderDevice: humanDevice) == .knownRoomKey(roomID: room, sessionID: outbound.sessionID))
    }

    @Test func outboundSessionsRotateByCountAgeAndOnDemand() async throws {
        let bot = try await device("@bot:localhost", "BOT")
        let policy = RotationPolicy(maxMessages: 3, maxAge: 3600)
        let start = Date(timeIntervalSince1970: 1_000_000)
        let first = try await bot.outboundSession(for: room, policy: policy, now: start)
        #expect(first.isNew)
        for _ in 0..<3 { _ = try await bot.encryptRoomEvent(roomID: room, payload: Array(#"{"room_id":"!room:localhost","type":"x"}"#.utf8)) }
        let afterThree = try await bot.outboundSession(for: room, policy: policy, now: start)
        #expect(afterThree.isNew && afterThree.sessionID != first.sessionID, "rotated after maxMessages")
        #expect(afterThree.sharedWith.isEmpty)
        let sameHour = try await bot.outboundSession(for: room, policy: policy, now: start.addingTimeInterval(3599))
        #expect(sameHour.sessionID == afterThree.sessionID)
        let nextHour = try await bot.outboundSession(for: room, policy: policy, now: start.addingTimeInterval(3600))
        #expect(nextHour.sessionID != afterThree.sessionID, "rotated after maxAge")
        await bot.discardOutboundSession(in: room)
        #expect(await bot.outboundSessionID(in: room) == nil)
        #expect(try await bot.outboundSession(for: room, policy: policy, now: start.addingTimeInterval(3601)).isNew)
    }

    @Test func roomSettingsCanShortenRotationButNotStretchIt() {
        #expect(RotationPolicy(roomMessages: nil, roomPeriodMilliseconds: nil) == RotationPolicy())
        #expect(RotationPolicy(roomMessages: 10, roomPeriodMilliseconds: 60_000) == RotationPolicy(maxMessages: 10, maxAge: 60))
        #expect(RotationPolicy(roomMessages: 5000, roomPeriodMilliseconds: 365 * 24 * 3_600_000) == RotationPolicy())
        let policy = RotationPolicy()
        let now = Date()
        #expect(!policy.isDue(createdAt: now, messagesSent: 99, now: now))
        #expect(policy.isDue(createdAt: now, messagesSent: 100, now: now))
        #expect(policy.isDue(createdAt: now.addingTimeInterval(-7 * 24 * 3600), messagesSent: 0, now: now))
    }

    @Test func crossSigningKeysSurviveARestartAndSign() async throws {
        let bot = try await device("@bot:localhost", "BOT")
        let keys = try await bot.crossSigningPublicKeys()
        #expect(Set([keys.master, keys.selfSigning, keys.userSigning]).count == 3)
        let message = Array(#"{"usage":["self_signing"]}"#.utf8)
        let signature = try await bot.signWithCrossSigningKey(.master, message)
        #expect(OlmMachine.verifyEd25519(key: keys.master, message: message, signature: signature))
        let records = await bot.takeChanges()
        let stored = try #require(records.first { $0.kind == .crossSigning }?.value)
        #expect(!stored.contains(keys.master), "only encrypted seeds are stored")
        let restored = try await OlmMachine(restoring: records, pickleKey: key)
        #expect(try await restored.crossSigningPublicKeys() == keys)
        let deviceSignature = try await restored.signWithCrossSigningKey(.selfSigning, message)
        #expect(OlmMachine.verifyEd25519(key: keys.selfSigning, message: message, signature: deviceSignature))
    }

    @Test func pickleKeysAreNeverPrintedAndShortOnesAreRefused() {
        #expect(PickleKey("short") == nil)
        let key = PickleKey("a perfectly fine secret value")!
        #expect(!"\(key)".contains("perfectly"))
        #expect(!String(reflecting: key).contains("perfectly"))
    }
}
