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
        let hex = String(fnv1a(userID), radix: 16)
        return "u" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// FNV-1a 64 of salt, a unit separator, and `text`.
    func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(salt.utf8) + [0x1F] + Array(text.utf8) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
