/// Why a crypto operation failed, sorted by what the caller does next.
public enum CryptoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libolm refused (the code is libolm's, e.g. BAD_MESSAGE_MAC); never carries key material.
    case olm(operation: String, code: String)
    /// The store was written with another pickle key: the operator must supply the right one.
    case wrongPickleKey
    /// The store holds no account (a fresh device must be created and logged in).
    case noAccount
    /// A Megolm event whose room key has not arrived (yet): keep it and retry when keys arrive.
    case unknownSession(sessionID: String)
    /// The same message index arrived under another event id: a replay.
    case replayedMessageIndex(sessionID: String, index: UInt32)
    /// A decrypted payload that fails the spec's checks (wrong room, sender, recipient or keys).
    case invalidPayload(String)
    /// A normal (type 1) Olm message that no session of that device can read.
    case noMatchingOlmSession
    case noOlmSession(identityKey: String)

    public var description: String {
        switch self {
        case .olm(let operation, let code): "\(operation) failed: \(code)"
        case .wrongPickleKey:
            "the Matrix crypto store cannot be opened with this pickle key; set the [matrix] pickle_key (or SCHEDULER_BOT_MATRIX_PICKLE_KEY) it was created with"
        case .noAccount: "the Matrix crypto store has no account"
        case .unknownSession(let sessionID): "no room key for Megolm session \(sessionID) yet"
        case .replayedMessageIndex(let sessionID, let index): "message index \(index) of session \(sessionID) was already used by another event"
        case .invalidPayload(let reason): "decrypted payload rejected: \(reason)"
        case .noMatchingOlmSession: "no Olm session of the sending device can decrypt this message"
        case .noOlmSession(let key): "no Olm session with device key \(key)"
        }
    }
}
