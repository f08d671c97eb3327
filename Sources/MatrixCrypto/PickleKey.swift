/// The secret that encrypts every pickle in the store (libolm derives AES-256 and HMAC-SHA-256 keys
/// from it with HKDF). It lives outside the database, and it is never printed.
public struct PickleKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let bytes: [UInt8]

    /// Shorter keys are refused: the pickle key is the only protection of the store's private keys.
    public static let minimumLength = 16

    public init?(_ secret: String) {
        let bytes = Array(secret.utf8)
        guard bytes.count >= Self.minimumLength else { return nil }
        self.bytes = bytes
    }

    public var description: String { "PickleKey(<redacted>)" }
    public var debugDescription: String { description }
    /// `dump` and debuggers see no bytes either.
    public var customMirror: Mirror { Mirror(self, children: []) }
}
