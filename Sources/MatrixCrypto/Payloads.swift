import Foundation

/// A device as the key server describes it, after its self-signature was checked.
public struct DeviceIdentity: Sendable, Hashable {
    public var userID: String
    public var deviceID: String
    public var curve25519: String
    public var ed25519: String

    public init(userID: String, deviceID: String, curve25519: String, ed25519: String) {
        self.userID = userID
        self.deviceID = deviceID
        self.curve25519 = curve25519
        self.ed25519 = ed25519
    }

    /// How outbound sessions remember who already has their key.
    public var reference: String { userID + " " + deviceID }
}

public struct IdentityKeys: Sendable, Equatable, Decodable {
    public var curve25519: String
    public var ed25519: String
}

/// One Olm ciphertext for one recipient device: `{"type": 0|1, "body": "..."}`.
public struct OlmMessage: Sendable, Equatable {
    public var type: Int
    public var body: String

    public init(type: Int, body: String) {
        self.type = type
        self.body = body
    }
}

/// What a decrypted to-device event turned out to be.
public enum ToDeviceOutcome: Sendable, Equatable {
    /// A Megolm room key, now stored.
    case roomKey(roomID: String, sessionID: String)
    /// A room key the store already had from an earlier (or equal) index.
    case knownRoomKey(roomID: String, sessionID: String)
    /// Any other event type, with its decrypted JSON payload for the caller.
    case other(type: String, payload: [UInt8])
}

/// A decrypted room event: the JSON `{"type", "content", "room_id"}` that the sender encrypted.
public struct DecryptedRoomEvent: Sendable, Equatable {
    public var payload: [UInt8]
    public var senderKey: String
    public var senderEd25519: String
    public var messageIndex: UInt32
}

/// What to send for one encrypted room event (`m.room.encrypted` with `m.megolm.v1.aes-sha2`).
public struct MegolmCiphertext: Sendable, Equatable {
    public var sessionID: String
    public var ciphertext: String
    public var senderKey: String
    public var deviceID: String
}

/// The room's current outbound session, with the devices that still need its key.
public struct OutboundSessionInfo: Sendable, Equatable {
    public var sessionID: String
    /// The key at the current index; only for sharing over Olm, never to be logged.
    public var sessionKey: String
    public var sharedWith: Set<String>
    public var isNew: Bool
}

/// The fields of an Olm plaintext the spec asks a receiver to check (olm_plaintext.yaml).
struct OlmPayloadHeader: Decodable {
    var type: String
    var sender: String
    var recipient: String
    var recipientKeys: [String: String]
    var keys: [String: String]

    enum CodingKeys: String, CodingKey {
        case type, sender, recipient, recipientKeys = "recipient_keys", keys
    }
}

struct RoomKeyContent: Codable {
    var algorithm: String
    var roomID: String
    var sessionID: String
    var sessionKey: String

    enum CodingKeys: String, CodingKey {
        case algorithm, roomID = "room_id", sessionID = "session_id", sessionKey = "session_key"
    }
}

struct RoomKeyPayload: Decodable {
    var content: RoomKeyContent
}

/// The Olm plaintext that carries a room key to one device.
struct OutboundRoomKeyPayload: Encodable {
    var type = "m.room_key"
    var content: RoomKeyContent
    var sender: String
    var senderDevice: String
    var recipient: String
    var recipientKeys: [String: String]
    var keys: [String: String]

    enum CodingKeys: String, CodingKey {
        case type, content, sender, senderDevice = "sender_device", recipient, recipientKeys = "recipient_keys", keys
    }
}

/// The part of a Megolm plaintext checked against the event it came in.
struct MegolmPayloadHeader: Decodable {
    var type: String
    var roomID: String?

    enum CodingKeys: String, CodingKey {
        case type, roomID = "room_id"
    }
}

public enum Algorithm {
    public static let olm = "m.olm.v1.curve25519-aes-sha2"
    public static let megolm = "m.megolm.v1.aes-sha2"
}
