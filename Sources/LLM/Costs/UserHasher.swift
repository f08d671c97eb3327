import SharedValues

/// Turns a chat user id into the stable pseudonym the cost log stores, so a log can be shared
/// for auditing without naming anyone.
///
/// `"u" + hex(FNV-1a-64(utf8(salt) + 0x1F + utf8(userID)))`, 16 lowercase hex digits.
/// FNV-1a is not cryptographic: with the salt known, a guessed id can be checked. Set a private
/// salt (bot.conf `[costs] user_hash_salt`) and keep it out of shared copies; changing it
/// changes every pseudonym.
public struct UserHasher: Sendable, Hashable {
    public var salt: String

    public init(salt: String = "") {
        self.salt = salt
    }

    public func pseudonym(for userID: String) -> String {
        "u" + StableHash.hex(salt + "\u{1F}" + userID)
    }

    /// FNV-1a 64 of salt, a unit separator, and `text`.
    func fnv1a(_ text: String) -> UInt64 {
        StableHash.value(salt + "\u{1F}" + text)
    }
}
