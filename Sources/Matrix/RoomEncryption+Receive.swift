import SharedValues
import Foundation
import MatrixCrypto

extension RoomEncryption {
    /// Applies a sync's encryption parts, to-device first so keys that came with the timeline are
    /// there when it is decrypted. Returns the Megolm sessions that arrived.
    func receiveKeys(_ keys: SyncKeys, now: Date) async -> Set<String> {
        for user in keys.changedUsers where devices[user] != nil { outdatedUsers.insert(user) }
        for user in keys.leftUsers {
            devices[user] = nil
            outdatedUsers.remove(user)
            setRow(RowKind.devices, user, nil)
        }
        var arrived = Set<String>()
        for event in keys.toDevice where event.type == "m.room.encrypted" {
            if let sessionID = await receiveToDevice(event, now: now) { arrived.insert(sessionID) }
        }
        if let counts = keys.oneTimeKeyCounts {
            do {
                try await publishKeys(oneTimeKeyCounts: counts, unusedFallbackKeyTypes: keys.unusedFallbackKeyTypes, includeDeviceKeys: false)
            } catch {
                logger.warning("could not replenish one-time keys", metadata: ["error": "\(error)"])
            }
        }
        return arrived
    }

    private func receiveToDevice(_ event: RoomEvent, now: Date) async -> String? {
        let content = event.content
        guard content["algorithm"]?.string == Algorithm.olm, let senderKey = content["sender_key"]?.string,
              let mine = content["ciphertext"]?[machine.identityKeys.curve25519], let type = mine["type"]?.int,
              let body = mine["body"]?.string else { return nil }
        let device = try? await knownDevice(of: event.sender, curve25519: senderKey)
        do {
            let outcome = try await machine.decryptToDevice(sender: event.sender, senderKey: senderKey,
                                                            message: OlmMessage(type: type, body: body), senderDevice: device, now: now)
            switch outcome {
            case .roomKey(let roomID, let sessionID):
                logger.info("received a room key", metadata: ["room_id": "\(roomID)", "session_id": "\(sessionID)", "sender": "\(event.sender)"])
                return sessionID
            case .knownRoomKey: return nil
            case .other(let type, _):
                logger.debug("ignoring an encrypted to-device event", metadata: ["type": "\(type)"])
                return nil
            }
        } catch {
            // Also what a to-device event replayed after a crash looks like: its key was stored the first time.
            logger.info("could not decrypt a to-device message", metadata: ["sender": "\(event.sender)", "error": "\(error)"])
            return nil
        }
    }

    /// What a timeline event says once decrypted. Events whose key has not arrived are kept for a
    /// retry; events failing a check are dropped (nil).
    func decryptEvent(_ event: RoomEvent, in roomID: String, now: Date = Date()) async -> RoomEvent? {
        guard event.type == "m.room.encrypted", let eventID = event.eventID else { return event }
        guard event.content["algorithm"]?.string == Algorithm.megolm, let sessionID = event.content["session_id"]?.string,
              let ciphertext = event.content["ciphertext"]?.string else {
            logger.info("ignoring an encrypted event with an unknown algorithm", metadata: ["event_id": "\(eventID)"])
            return nil
        }
        do {
            let decrypted = try await machine.decryptRoomEvent(roomID: roomID, eventID: eventID, sessionID: sessionID, ciphertext: ciphertext)
            let senderDevice = event.sender == machine.userID ? nil : try? await knownDevice(of: event.sender, curve25519: decrypted.senderKey)
            guard event.sender == machine.userID || senderDevice != nil else {
                logger.warning("dropping an encrypted event whose session is not from a device of its sender",
                               metadata: ["event_id": "\(eventID)", "sender": "\(event.sender)"])
                return nil
            }
            if undecrypted.removeValue(forKey: eventID) != nil { setRow(RowKind.undecrypted, eventID, nil) }
            return Self.plainEvent(from: decrypted.payload, outer: event)
        } catch CryptoError.unknownSession {
            if undecrypted[eventID] == nil {
                let kept = Undecrypted(roomID: roomID, event: event.json, firstSeen: now, noticeSent: false)
                undecrypted[eventID] = kept
                setRow(RowKind.undecrypted, eventID, kept.json)
                logger.info("kept an event whose room key has not arrived yet", metadata: ["event_id": "\(eventID)", "session_id": "\(sessionID)"])
            }
            return nil
        } catch {
            logger.warning("dropping an event that failed to decrypt", metadata: ["event_id": "\(eventID)", "error": "\(error)"])
            return nil
        }
    }

    /// The decrypted `{"type", "content"}` as the event it stands for. Relations travel in the clear
    /// (so servers can aggregate them); the encrypted copy wins when both are present.
    static func plainEvent(from payload: [UInt8], outer: RoomEvent) -> RoomEvent? {
        guard let json = try? JSON.parse(payload), let type = json["type"]?.string, var content = json["content"]?.object else { return nil }
        if content["m.relates_to"] == nil, let relation = outer.content["m.relates_to"] { content["m.relates_to"] = relation }
        return RoomEvent(type: type, sender: outer.sender, eventID: outer.eventID, content: .object(content), unsigned: outer.unsigned)
    }

    /// Kept events that now decrypt (their keys arrived), oldest first, with their rooms.
    func retryKept(sessions: Set<String>) async -> [(roomID: String, event: RoomEvent)] {
        let waiting = undecrypted.filter { sessions.contains($0.value.event["content"]?["session_id"]?.string ?? "") }
            .sorted { $0.value.firstSeen < $1.value.firstSeen }
        var ready: [(roomID: String, event: RoomEvent)] = []
        for (_, kept) in waiting {
            guard let outer = RoomEvent(json: kept.event), let event = await decryptEvent(outer, in: kept.roomID) else { continue }
            ready.append((kept.roomID, event))
        }
        return ready
    }

    /// Kept events that stayed unreadable for `undecryptableNoticeDelay`: each gets one notice.
    /// Events a day past that are forgotten.
    func overdueUndecrypted(now: Date = Date()) -> [(roomID: String, eventID: String, sender: String)] {
        var overdue: [(roomID: String, eventID: String, sender: String)] = []
        for (eventID, kept) in undecrypted.sorted(by: { $0.value.firstSeen < $1.value.firstSeen }) {
            let age = now.timeIntervalSince(kept.firstSeen)
            if age >= undecryptableNoticeDelay + 24 * 3600 {
                undecrypted[eventID] = nil
                setRow(RowKind.undecrypted, eventID, nil)
            } else if age >= undecryptableNoticeDelay, !kept.noticeSent {
                var noticed = kept
                noticed.noticeSent = true
                undecrypted[eventID] = noticed
                setRow(RowKind.undecrypted, eventID, noticed.json)
                overdue.append((kept.roomID, eventID, kept.event["sender"]?.string ?? ""))
            }
        }
        return overdue
    }

    // MARK: Device lists across restarts

    func noteDeviceListsApplied(through syncToken: String) {
        setRow(RowKind.flag, "device_lists_token", ["token": .string(syncToken)])
    }

    /// `/keys/changes` from the last token whose device-list changes were stored to `since`: users
    /// who changed are queried again before the next send, users who left are forgotten.
    func catchUpDevices(to since: String) async throws {
        let stored = try store.cryptoRows(kinds: [RowKind.flag]).first { $0.id == "device_lists_token" }
        guard let from = stored?.value.flatMap({ try? JSON.parse(Array($0.utf8)) })?["token"]?.string, from != since else { return }
        let changes = try await call("key changes", .get, "/keys/changes", query: [("from", from), ("to", since)])
        let changed = (changes["changed"]?.array ?? []).compactMap(\.string)
        let left = (changes["left"]?.array ?? []).compactMap(\.string)
        for user in changed where devices[user] != nil { outdatedUsers.insert(user) }
        for user in left {
            devices[user] = nil
            setRow(RowKind.devices, user, nil)
        }
        noteDeviceListsApplied(through: since)
        try await commitChanges()
        logger.info("caught up on device lists changed while away", metadata: ["changed": "\(changed.count)", "left": "\(left.count)"])
    }

    // MARK: Rooms

    /// Room state and timeline events: encryption settings, and membership changes (which drop the
    /// member cache, and rotate the room's session when someone left).
    func observeRoom(_ roomID: String, events: [RoomEvent], gap: Bool) async {
        // A gap may hide someone leaving: rotate rather than risk sharing with them.
        if gap, await machine.outboundSessionID(in: roomID) != nil {
            members[roomID] = nil
            await machine.discardOutboundSession(in: roomID)
        }
        for event in events {
            if event.type == "m.room.encryption", event.stateKey == "", event.content["algorithm"]?.string == Algorithm.megolm {
                if rooms[roomID] != event.content {
                    rooms[roomID] = event.content
                    setRow(RowKind.room, roomID, event.content)
                }
                plainRooms.remove(roomID)
            }
            // Who may read history changed: a new session, so the old key never covers the new audience.
            if event.type == "m.room.history_visibility", event.stateKey == "", await machine.outboundSessionID(in: roomID) != nil {
                await machine.discardOutboundSession(in: roomID)
            }
            guard let membership = event.membership else { continue }
            members[roomID] = nil
            if ["leave", "ban"].contains(membership), await machine.outboundSessionID(in: roomID) != nil {
                await machine.discardOutboundSession(in: roomID)
                logger.info("a member left; the room's next message starts a new session", metadata: ["room_id": "\(roomID)"])
            }
        }
    }

    /// Known encrypted rooms answer at once; others are asked once per run (rooms joined before
    /// the bot tracked encryption).
    func isEncrypted(_ roomID: String) async throws -> Bool {
        if rooms[roomID] != nil { return true }
        if plainRooms.contains(roomID) { return false }
        do {
            let content = try await call("room encryption state", .get, "/rooms/\(MatrixAPI.pathEscape(roomID))/state/m.room.encryption/")
            if content["algorithm"]?.string == Algorithm.megolm {
                rooms[roomID] = content
                setRow(RowKind.room, roomID, content)
                return true
            }
        } catch MatrixError.rejected(status: 404, _, _) {
            // No encryption state: a plain room.
        }
        plainRooms.insert(roomID)
        return false
    }
}

extension RoomEvent {
    /// The event as the server sent it (for keeping undecryptable events across restarts).
    var json: JSON {
        var fields: [String: JSON] = ["type": .string(type), "sender": .string(sender), "content": content]
        if let eventID { fields["event_id"] = .string(eventID) }
        if let stateKey { fields["state_key"] = .string(stateKey) }
        if let unsigned { fields["unsigned"] = unsigned }
        return .object(fields)
    }
}
