import SharedValues
import Foundation
import MatrixCrypto

extension RoomEncryption {
    /// The `m.room.encrypted` content for one event of `type` in `roomID`: the room's session is
    /// first shared (over Olm) with every device of every joined member that lacks it.
    func encryptEvent(_ content: JSON, type: String, in roomID: String, now: Date) async throws -> JSON {
        let settings = rooms[roomID]
        let policy = RotationPolicy(roomMessages: settings?["rotation_period_msgs"]?.int, roomPeriodMilliseconds: settings?["rotation_period_ms"]?.int)
        let joined = try await joinedMembers(of: roomID)
        try await refreshDevices(of: joined)
        let session = try await machine.outboundSession(for: roomID, policy: policy, now: now)
        let targets = joined.sorted().flatMap { user in (devices[user] ?? [:]).values.sorted { $0.deviceID < $1.deviceID } }
            .filter { !($0.userID == machine.userID && $0.deviceID == deviceID) && !session.sharedWith.contains($0.reference) }
        if !targets.isEmpty { try await share(session, of: roomID, with: targets) }
        let payload: JSON = ["type": .string(type), "content": content, "room_id": .string(roomID)]
        let encrypted = try await machine.encryptRoomEvent(roomID: roomID, payload: payload.bytes)
        // The ratchet moved: persist it before the event leaves, so a restart never reuses an index.
        try await commitChanges()
        var wire: [String: JSON] = [
            "algorithm": .string(Algorithm.megolm), "sender_key": .string(encrypted.senderKey), "ciphertext": .string(encrypted.ciphertext),
            "session_id": .string(encrypted.sessionID), "device_id": .string(encrypted.deviceID),
        ]
        if let relation = content["m.relates_to"] { wire["m.relates_to"] = relation }
        return .object(wire)
    }

    private func share(_ session: OutboundSessionInfo, of roomID: String, with targets: [DeviceIdentity]) async throws {
        var withoutSession: [DeviceIdentity] = []
        for device in targets where !(await machine.hasOlmSession(with: device.curve25519)) { withoutSession.append(device) }
        if !withoutSession.isEmpty { try await claimSessions(with: withoutSession) }
        var messages: [String: [String: JSON]] = [:]
        var shared: [String] = []
        for device in targets where await machine.hasOlmSession(with: device.curve25519) {
            let olm = try await machine.encryptRoomKey(roomID: roomID, sessionID: session.sessionID, sessionKey: session.sessionKey, for: device)
            messages[device.userID, default: [:]][device.deviceID] = [
                "algorithm": .string(Algorithm.olm), "sender_key": .string(machine.identityKeys.curve25519),
                "ciphertext": .object([device.curve25519: ["type": .numeric(Double(olm.type)), "body": .string(olm.body)]]),
            ]
            shared.append(device.reference)
        }
        guard !shared.isEmpty else { return }
        // The Olm ratchets moved: on disk before the keys leave.
        try await commitChanges()
        let body: JSON = ["messages": .object(messages.mapValues { .object($0) })]
        _ = try await call("room key share", .put, "/sendToDevice/m.room.encrypted/\(MatrixAPI.pathEscape("sb.keys." + UUID().uuidString))", body: body)
        try await machine.markShared(roomID: roomID, sessionID: session.sessionID, with: shared)
        try await commitChanges()
        logger.info("shared a room key", metadata: ["room_id": "\(roomID)", "session_id": "\(session.sessionID)", "devices": "\(shared.count)"])
    }

    /// New Olm sessions from claimed one-time (or fallback) keys, each checked against its device's signature.
    private func claimSessions(with targets: [DeviceIdentity]) async throws {
        var request: [String: [String: JSON]] = [:]
        for device in targets { request[device.userID, default: [:]][device.deviceID] = "signed_curve25519" }
        let answer = try await call("key claim", .post, "/keys/claim",
                                    body: ["one_time_keys": .object(request.mapValues { .object($0) }), "timeout": 10000])
        for device in targets {
            let claimed = answer["one_time_keys"]?[device.userID]?[device.deviceID]?.object ?? [:]
            guard let key = claimed.values.lazy.compactMap({ DeviceKeys.claimedKey($0, by: device) }).first else {
                logger.warning("no usable one-time key for a device; it will miss this room key",
                               metadata: ["user_id": "\(device.userID)", "device_id": "\(device.deviceID)"])
                continue
            }
            try await machine.startOlmSession(with: device.curve25519, oneTimeKey: key)
        }
    }

    // MARK: Members and devices

    func joinedMembers(of roomID: String) async throws -> Set<String> {
        if let known = members[roomID] { return known }
        let answer = try await call("joined members", .get, "/rooms/\(MatrixAPI.pathEscape(roomID))/joined_members")
        let joined = Set((answer["joined"]?.object ?? [:]).keys)
        members[roomID] = joined
        return joined
    }

    /// Queries the users whose devices are unknown or outdated, in one request.
    func refreshDevices(of users: Set<String>) async throws {
        let stale = users.filter { devices[$0] == nil || outdatedUsers.contains($0) }.sorted()
        guard !stale.isEmpty else { return }
        let answer = try await call("key query", .post, "/keys/query",
                                    body: ["device_keys": .object(Dictionary(uniqueKeysWithValues: stale.map { ($0, JSON.array([])) })), "timeout": 10000])
        for user in stale {
            var verified: [String: DeviceIdentity] = [:]
            for device in DeviceKeys.verifiedDevices(of: user, in: answer) {
                // A device id that comes back with other keys is not the device we knew: keep the first.
                if let known = devices[user]?[device.deviceID], known.ed25519 != device.ed25519 {
                    logger.warning("a device's keys changed; keeping the ones first seen",
                                   metadata: ["user_id": "\(user)", "device_id": "\(device.deviceID)"])
                    verified[device.deviceID] = known
                } else {
                    verified[device.deviceID] = device
                }
            }
            devices[user] = verified
            outdatedUsers.remove(user)
            setRow(RowKind.devices, user, .array(verified.values.sorted { $0.deviceID < $1.deviceID }.map(Self.json)))
        }
    }

    /// The sender's device with this Curve25519 key, querying the sender's devices when it is not known yet.
    func knownDevice(of user: String, curve25519: String) async throws -> DeviceIdentity? {
        if let device = devices[user]?.values.first(where: { $0.curve25519 == curve25519 }), !outdatedUsers.contains(user) { return device }
        outdatedUsers.insert(user)
        try await refreshDevices(of: [user])
        return devices[user]?.values.first { $0.curve25519 == curve25519 }
    }
}
