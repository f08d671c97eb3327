import Foundation

final class InboundGroupEntry {
    let session: InboundGroupSessionBox
    var record: InboundGroupRecord

    init(session: InboundGroupSessionBox, record: InboundGroupRecord) {
        self.session = session
        self.record = record
    }
}

final class OutboundGroupEntry {
    let session: OutboundGroupSessionBox
    var record: OutboundGroupRecord

    init(session: OutboundGroupSessionBox, record: OutboundGroupRecord) {
        self.session = session
        self.record = record
    }
}

extension OlmMachine {
    // MARK: Inbound

    /// Stores a room key by session id; an existing session is replaced only by one that reaches
    /// further back (a lower first known index).
    func receiveRoomKey(_ plaintext: [UInt8], senderKey: String, senderEd25519: String) throws -> ToDeviceOutcome {
        guard let payload = try? JSONDecoder().decode(RoomKeyPayload.self, from: Data(plaintext)) else {
            throw CryptoError.invalidPayload("m.room_key without its fields")
        }
        let content = payload.content
        guard content.algorithm == Algorithm.megolm else { throw CryptoError.invalidPayload("room key for \(content.algorithm)") }
        let session = InboundGroupSessionBox()
        try session.initialise(sessionKey: content.sessionKey)
        guard session.id == content.sessionID else { throw CryptoError.invalidPayload("session_id does not match the key") }
        if let existing = inboundGroups[content.sessionID], existing.record.firstKnownIndex <= session.firstKnownIndex {
            return .knownRoomKey(roomID: existing.record.roomID, sessionID: content.sessionID)
        }
        try storeInbound(session, roomID: content.roomID, senderKey: senderKey, senderEd25519: senderEd25519)
        return .roomKey(roomID: content.roomID, sessionID: content.sessionID)
    }

    private func storeInbound(_ session: InboundGroupSessionBox, roomID: String, senderKey: String, senderEd25519: String) throws {
        let record = InboundGroupRecord(sessionID: session.id, roomID: roomID, senderKey: senderKey, senderEd25519: senderEd25519,
                                        firstKnownIndex: session.firstKnownIndex, pickle: try session.pickle(pickleKey))
        inboundGroups[record.sessionID] = InboundGroupEntry(session: session, record: record)
        self.record(.inboundGroupSession, record.sessionID, RecordCoding.encode(record))
    }

    public func hasInboundSession(_ sessionID: String) -> Bool { inboundGroups[sessionID] != nil }

    /// Decrypts a timeline `m.room.encrypted` (Megolm) event of `roomID`. Decrypting the same event
    /// again is fine; the same message index under another event id is a replay and is refused.
    public func decryptRoomEvent(roomID: String, eventID: String, sessionID: String, ciphertext: String) throws -> DecryptedRoomEvent {
        guard let entry = inboundGroups[sessionID] else { throw CryptoError.unknownSession(sessionID: sessionID) }
        guard entry.record.roomID == roomID else { throw CryptoError.invalidPayload("the room key belongs to another room") }
        let (plaintext, index) = try entry.session.decrypt(ciphertext)
        guard let header = try? JSONDecoder().decode(MegolmPayloadHeader.self, from: Data(plaintext)) else {
            throw CryptoError.invalidPayload("not an event")
        }
        guard header.roomID == roomID else { throw CryptoError.invalidPayload("the event was encrypted for another room") }
        let indexKey = sessionID + " " + String(index)
        if let seen = usedIndices[indexKey], seen != eventID { throw CryptoError.replayedMessageIndex(sessionID: sessionID, index: index) }
        if usedIndices[indexKey] == nil {
            usedIndices[indexKey] = eventID
            record(.megolmIndex, indexKey, eventID)
        }
        return DecryptedRoomEvent(payload: plaintext, senderKey: entry.record.senderKey, senderEd25519: entry.record.senderEd25519,
                                  messageIndex: index)
    }

    // MARK: Outbound

    /// The room's session, replaced first when the policy says it is due. Share `sessionKey` with the
    /// devices not in `sharedWith` before encrypting the next event.
    public func outboundSession(for roomID: String, policy: RotationPolicy, now: Date = Date()) throws -> OutboundSessionInfo {
        var isNew = false
        if let entry = outboundGroups[roomID],
           !policy.isDue(createdAt: Date(timeIntervalSince1970: entry.record.createdAt), messagesSent: entry.record.messagesSent, now: now) {
            // Current session still good.
        } else {
            try startOutboundSession(in: roomID, now: now)
            isNew = true
        }
        guard let entry = outboundGroups[roomID] else { throw CryptoError.noAccount }
        return OutboundSessionInfo(sessionID: entry.record.sessionID, sessionKey: try entry.session.sessionKey(),
                                   sharedWith: Set(entry.record.sharedWith), isNew: isNew)
    }

    private func startOutboundSession(in roomID: String, now: Date) throws {
        let session = OutboundGroupSessionBox()
        try session.create()
        // Our own inbound copy, taken before the first message, so our own events decrypt too.
        let inbound = InboundGroupSessionBox()
        try inbound.initialise(sessionKey: try session.sessionKey())
        try storeInbound(inbound, roomID: roomID, senderKey: identityKeys.curve25519, senderEd25519: identityKeys.ed25519)
        let entry = OutboundGroupEntry(session: session, record: OutboundGroupRecord(
            roomID: roomID, sessionID: session.id, pickle: "", createdAt: now.timeIntervalSince1970, messagesSent: 0, sharedWith: []))
        outboundGroups[roomID] = entry
        try saveOutbound(entry)
    }

    private func saveOutbound(_ entry: OutboundGroupEntry) throws {
        entry.record.pickle = try entry.session.pickle(pickleKey)
        record(.outboundGroupSession, entry.record.roomID, RecordCoding.encode(entry.record))
    }

    /// Records that these devices ("user_id device_id") got the key of `sessionID`.
    public func markShared(roomID: String, sessionID: String, with devices: [String]) throws {
        guard let entry = outboundGroups[roomID], entry.record.sessionID == sessionID else { return }
        entry.record.sharedWith = Array(Set(entry.record.sharedWith).union(devices)).sorted()
        try saveOutbound(entry)
    }

    /// A member left: the next message starts a new session they never get.
    public func discardOutboundSession(in roomID: String) {
        guard outboundGroups.removeValue(forKey: roomID) != nil else { return }
        record(.outboundGroupSession, roomID, nil)
    }

    public func outboundSessionID(in roomID: String) -> String? { outboundGroups[roomID]?.record.sessionID }

    /// Encrypts `{"type", "content", "room_id"}` JSON with the room's current session (which the
    /// caller has shared with every device first).
    public func encryptRoomEvent(roomID: String, payload: [UInt8]) throws -> MegolmCiphertext {
        guard let entry = outboundGroups[roomID] else { throw CryptoError.invalidPayload("no outbound session for the room") }
        let ciphertext = try entry.session.encrypt(payload)
        entry.record.messagesSent += 1
        try saveOutbound(entry)
        return MegolmCiphertext(sessionID: entry.record.sessionID, ciphertext: ciphertext, senderKey: identityKeys.curve25519,
                                deviceID: deviceID)
    }
}
