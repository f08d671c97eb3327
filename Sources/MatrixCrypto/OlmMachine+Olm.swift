import Foundation

final class OlmSessionEntry {
    let session: OlmSessionBox
    let id: String
    var lastUsed: Date

    init(session: OlmSessionBox, lastUsed: Date) {
        self.session = session
        self.id = session.id
        self.lastUsed = lastUsed
    }
}

/// Sessions kept per device: enough to read messages that were in flight when a new one started.
let olmSessionsKeptPerDevice = 5

extension OlmMachine {
    func restoreSessions(from records: [CryptoRecord]) throws {
        for stored in records {
            switch stored.kind {
            case .olmSession:
                guard let value = RecordCoding.decode(OlmSessionRecord.self, stored.value) else { continue }
                let session = OlmSessionBox()
                try session.unpickle(value.pickle, key: pickleKey)
                olmSessions[value.senderKey, default: []].append(
                    OlmSessionEntry(session: session, lastUsed: Date(timeIntervalSince1970: value.lastUsed)))
            case .inboundGroupSession:
                guard let value = RecordCoding.decode(InboundGroupRecord.self, stored.value) else { continue }
                let session = InboundGroupSessionBox()
                try session.unpickle(value.pickle, key: pickleKey)
                inboundGroups[value.sessionID] = InboundGroupEntry(session: session, record: value)
            case .outboundGroupSession:
                guard let value = RecordCoding.decode(OutboundGroupRecord.self, stored.value) else { continue }
                let session = OutboundGroupSessionBox()
                try session.unpickle(value.pickle, key: pickleKey)
                outboundGroups[value.roomID] = OutboundGroupEntry(session: session, record: value)
            case .megolmIndex:
                if let eventID = stored.value { usedIndices[stored.id] = eventID }
            case .crossSigning:
                crossSigning = try CrossSigningRecord.restore(stored.value, key: pickleKey)
            case .account:
                continue
            }
        }
        for key in olmSessions.keys { olmSessions[key]?.sort { $0.lastUsed > $1.lastUsed } }
    }

    func saveOlmSession(_ entry: OlmSessionEntry, senderKey: String) {
        guard let pickle = try? entry.session.pickle(pickleKey) else { return }
        record(.olmSession, senderKey + " " + entry.id, RecordCoding.encode(OlmSessionRecord(
            senderKey: senderKey, sessionID: entry.id, pickle: pickle, lastUsed: entry.lastUsed.timeIntervalSince1970)))
    }

    /// Puts `entry` first for its device and drops the oldest beyond what is kept.
    private func remember(_ entry: OlmSessionEntry, senderKey: String) {
        var sessions = (olmSessions[senderKey] ?? []).filter { $0.id != entry.id }
        sessions.insert(entry, at: 0)
        for dropped in sessions.dropFirst(olmSessionsKeptPerDevice) { record(.olmSession, senderKey + " " + dropped.id, nil) }
        olmSessions[senderKey] = Array(sessions.prefix(olmSessionsKeptPerDevice))
        saveOlmSession(entry, senderKey: senderKey)
    }

    // MARK: Sending over Olm

    public func hasOlmSession(with identityKey: String) -> Bool {
        !(olmSessions[identityKey] ?? []).isEmpty
    }

    /// A new outbound session from a claimed one-time (or fallback) key whose signature the caller checked.
    public func startOlmSession(with identityKey: String, oneTimeKey: String, now: Date = Date()) throws {
        let session = OlmSessionBox()
        try session.createOutbound(account: account, identityKey: identityKey, oneTimeKey: oneTimeKey)
        remember(OlmSessionEntry(session: session, lastUsed: now), senderKey: identityKey)
    }

    /// Encrypts an `m.room_key` for one device over its most recently used Olm session.
    public func encryptRoomKey(roomID: String, sessionID: String, sessionKey: String, for device: DeviceIdentity,
                               now: Date = Date()) throws -> OlmMessage {
        guard let entry = olmSessions[device.curve25519]?.first else { throw CryptoError.noOlmSession(identityKey: device.curve25519) }
        let payload = OutboundRoomKeyPayload(
            content: RoomKeyContent(algorithm: Algorithm.megolm, roomID: roomID, sessionID: sessionID, sessionKey: sessionKey),
            sender: userID, senderDevice: deviceID, recipient: device.userID,
            recipientKeys: ["ed25519": device.ed25519], keys: ["ed25519": identityKeys.ed25519])
        var plaintext = Array(RecordCoding.encode(payload).utf8)
        defer { wipe(&plaintext) }
        let (type, body) = try entry.session.encrypt(plaintext)
        entry.lastUsed = now
        remember(entry, senderKey: device.curve25519)
        return OlmMessage(type: type, body: body)
    }

    // MARK: Receiving over Olm

    /// Decrypts one `m.olm.v1.curve25519-aes-sha2` to-device message addressed to this device and
    /// applies the spec's checks. `senderDevice` is the sender's device owning `senderKey`, from
    /// `/keys/query`; without it the payload cannot be attributed and is rejected.
    public func decryptToDevice(sender: String, senderKey: String, message: OlmMessage, senderDevice: DeviceIdentity?,
                                now: Date = Date()) throws -> ToDeviceOutcome {
        let plaintext = try decryptOlm(senderKey: senderKey, message: message, now: now)
        guard let header = try? JSONDecoder().decode(OlmPayloadHeader.self, from: Data(plaintext)) else {
            throw CryptoError.invalidPayload("not an Olm payload")
        }
        guard header.sender == sender else { throw CryptoError.invalidPayload("sender does not match the event") }
        guard header.recipient == userID else { throw CryptoError.invalidPayload("addressed to another user") }
        guard header.recipientKeys["ed25519"] == identityKeys.ed25519 else { throw CryptoError.invalidPayload("addressed to another device") }
        guard let device = senderDevice, device.userID == sender, device.curve25519 == senderKey else {
            throw CryptoError.invalidPayload("the sending device is unknown")
        }
        guard header.keys["ed25519"] == device.ed25519 else { throw CryptoError.invalidPayload("signing key does not match the device") }
        if header.type == "m.room_key" { return try receiveRoomKey(plaintext, senderKey: senderKey, senderEd25519: device.ed25519) }
        return .other(type: header.type, payload: plaintext)
    }

    /// Pre-key (type 0) messages go to a session that matches them, else a new inbound session whose
    /// one-time key is removed only once the message decrypted. Normal (type 1) messages need an existing session.
    private func decryptOlm(senderKey: String, message: OlmMessage, now: Date) throws -> [UInt8] {
        let sessions = olmSessions[senderKey] ?? []
        if message.type == 0 {
            if let matching = sessions.first(where: { $0.session.matchesInbound(from: senderKey, preKeyMessage: message.body) }) {
                return try decrypt(message, with: matching, senderKey: senderKey, now: now)
            }
            let session = OlmSessionBox()
            try session.createInbound(account: account, from: senderKey, preKeyMessage: message.body)
            let entry = OlmSessionEntry(session: session, lastUsed: now)
            let plaintext = try entry.session.decrypt(type: message.type, body: message.body)
            try account.removeOneTimeKeys(usedBy: session)
            markAccountChanged()
            remember(entry, senderKey: senderKey)
            return plaintext
        }
        for entry in sessions {
            if let plaintext = try? decrypt(message, with: entry, senderKey: senderKey, now: now) { return plaintext }
        }
        throw CryptoError.noMatchingOlmSession
    }

    private func decrypt(_ message: OlmMessage, with entry: OlmSessionEntry, senderKey: String, now: Date) throws -> [UInt8] {
        let plaintext = try entry.session.decrypt(type: message.type, body: message.body)
        entry.lastUsed = now
        remember(entry, senderKey: senderKey)
        return plaintext
    }
}
