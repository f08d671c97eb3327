import Foundation

/// One row of the crypto store, as the actor hands it out: a kind, an id within the kind, and a
/// JSON value whose secret parts are libolm pickles (already encrypted with the pickle key).
/// `value == nil` deletes the row. The layout keeps libolm pickles as they are, so a later move to
/// vodozemac can import them (`*.from_libolm_pickle`).
public struct CryptoRecord: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case account
        case olmSession = "olm_session"
        case inboundGroupSession = "inbound_group_session"
        case outboundGroupSession = "outbound_group_session"
        /// (session id, message index) → event id, for replay protection.
        case megolmIndex = "megolm_index"
        case crossSigning = "cross_signing"
    }

    public var kind: Kind
    public var id: String
    public var value: String?

    public init(kind: Kind, id: String, value: String?) {
        self.kind = kind
        self.id = id
        self.value = value
    }
}

struct AccountRecord: Codable {
    var userID: String
    var deviceID: String
    var pickle: String
    var createdAt: Double

    enum CodingKeys: String, CodingKey {
        case userID = "user_id", deviceID = "device_id", pickle, createdAt = "created_at"
    }
}

struct OlmSessionRecord: Codable {
    var senderKey: String
    var sessionID: String
    var pickle: String
    var lastUsed: Double

    enum CodingKeys: String, CodingKey {
        case senderKey = "sender_key", sessionID = "session_id", pickle, lastUsed = "last_used"
    }
}

struct InboundGroupRecord: Codable {
    var sessionID: String
    var roomID: String
    var senderKey: String
    var senderEd25519: String
    var firstKnownIndex: UInt32
    var pickle: String

    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id", roomID = "room_id", senderKey = "sender_key", senderEd25519 = "sender_ed25519"
        case firstKnownIndex = "first_known_index", pickle
    }
}

struct OutboundGroupRecord: Codable {
    var roomID: String
    var sessionID: String
    var pickle: String
    var createdAt: Double
    var messagesSent: Int
    /// "user_id device_id" of every device that got the key.
    var sharedWith: [String]

    enum CodingKeys: String, CodingKey {
        case roomID = "room_id", sessionID = "session_id", pickle, createdAt = "created_at"
        case messagesSent = "messages_sent", sharedWith = "shared_with"
    }
}

struct CrossSigningRecord: Codable {
    /// The seeds, each kept inside a libolm PkDecryption pickle so they are encrypted like every other key.
    var masterPickle: String
    var selfSigningPickle: String
    var userSigningPickle: String

    enum CodingKeys: String, CodingKey {
        case masterPickle = "master", selfSigningPickle = "self_signing", userSigningPickle = "user_signing"
    }
}

enum RecordCoding {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Records are strings and numbers only, which always encode.
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
