import COlm

/// Thin owners of libolm objects. None of them is Sendable: they live inside `OlmMachine` only,
/// and everything that leaves the actor is a string or bytes.

/// Cryptographically secure bytes (getrandom on Linux) for libolm's random inputs.
func randomBytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
}

/// Wipes a buffer that held secret material before it is released.
func wipe(_ bytes: inout [UInt8]) {
    for index in bytes.indices { bytes[index] = 0 }
}

/// Calls a libolm function that returns `olm_error()` on failure, turning that into a thrown error.
@discardableResult
func check(_ result: Int, _ lastError: () -> String, _ what: String) throws -> Int {
    if result == olm_error() { throw CryptoError.olm(operation: what, code: lastError()) }
    return result
}

@discardableResult
/// Runs `body` with a mutable copy of `bytes`: libolm overwrites its inputs (base64 decoding in place).
func withScratch<T>(_ bytes: [UInt8], _ body: (UnsafeMutableRawPointer, Int) throws -> T) rethrows -> T {
    var copy = bytes
    defer { wipe(&copy) }
    return try copy.withUnsafeMutableBytes { try body($0.baseAddress!, $0.count) }
}

func string(_ bytes: [UInt8], count: Int) -> String {
    String(decoding: bytes.prefix(count), as: UTF8.self)
}

final class OlmAccountBox {
    private var memory: [UInt8]
    let pointer: OpaquePointer

    init() {
        memory = [UInt8](repeating: 0, count: olm_account_size())
        pointer = memory.withUnsafeMutableBytes { olm_account($0.baseAddress!) }
    }

    deinit { olm_clear_account(pointer) }

    var lastError: String { String(cString: olm_account_last_error(pointer)) }

    func create() throws {
        try withScratch(randomBytes(olm_create_account_random_length(pointer))) { random, length in
            try check(olm_create_account(pointer, random, length), { lastError }, "create account")
        }
    }

    func pickle(_ key: PickleKey) throws -> String {
        var out = [UInt8](repeating: 0, count: olm_pickle_account_length(pointer))
        let written = try key.bytes.withUnsafeBytes { keyBytes in
            try check(olm_pickle_account(pointer, keyBytes.baseAddress, keyBytes.count, &out, out.count), { lastError }, "pickle account")
        }
        return string(out, count: written)
    }

    func unpickle(_ pickle: String, key: PickleKey) throws {
        try withScratch(Array(pickle.utf8)) { buffer, length in
            try key.bytes.withUnsafeBytes { keyBytes in
                try check(olm_unpickle_account(pointer, keyBytes.baseAddress, keyBytes.count, buffer, length), { lastError }, "unpickle account")
            }
        }
    }

    /// `{"curve25519": "...", "ed25519": "..."}` as libolm writes it.
    func identityKeysJSON() throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: olm_account_identity_keys_length(pointer))
        let written = try check(olm_account_identity_keys(pointer, &out, out.count), { lastError }, "identity keys")
        return Array(out.prefix(written))
    }

    func sign(_ message: [UInt8]) throws -> String {
        var signature = [UInt8](repeating: 0, count: olm_account_signature_length(pointer))
        let written = try message.withUnsafeBytes { bytes in
            try check(olm_account_sign(pointer, bytes.baseAddress, bytes.count, &signature, signature.count), { lastError }, "sign")
        }
        return string(signature, count: written)
    }

    var maxOneTimeKeys: Int { olm_account_max_number_of_one_time_keys(pointer) }

    func generateOneTimeKeys(_ count: Int) throws {
        try withScratch(randomBytes(olm_account_generate_one_time_keys_random_length(pointer, count))) { random, length in
            try check(olm_account_generate_one_time_keys(pointer, count, random, length), { lastError }, "generate one-time keys")
        }
    }

    /// `{"curve25519": {"AAAAAQ": "key", ...}}`: the keys not yet marked published.
    func oneTimeKeysJSON() throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: olm_account_one_time_keys_length(pointer))
        let written = try check(olm_account_one_time_keys(pointer, &out, out.count), { lastError }, "one-time keys")
        return Array(out.prefix(written))
    }

    func generateFallbackKey() throws {
        try withScratch(randomBytes(olm_account_generate_fallback_key_random_length(pointer))) { random, length in
            try check(olm_account_generate_fallback_key(pointer, random, length), { lastError }, "generate fallback key")
        }
    }

    func unpublishedFallbackKeyJSON() throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: olm_account_unpublished_fallback_key_length(pointer))
        let written = try check(olm_account_unpublished_fallback_key(pointer, &out, out.count), { lastError }, "fallback key")
        return Array(out.prefix(written))
    }

    func forgetOldFallbackKey() { olm_account_forget_old_fallback_key(pointer) }

    func markKeysAsPublished() { olm_account_mark_keys_as_published(pointer) }

    func removeOneTimeKeys(usedBy session: OlmSessionBox) throws {
        try check(olm_remove_one_time_keys(pointer, session.pointer), { lastError }, "remove one-time key")
    }
}

final class OlmSessionBox {
    private var memory: [UInt8]
    let pointer: OpaquePointer

    init() {
        memory = [UInt8](repeating: 0, count: olm_session_size())
        pointer = memory.withUnsafeMutableBytes { olm_session($0.baseAddress!) }
    }

    deinit { olm_clear_session(pointer) }

    var lastError: String { String(cString: olm_session_last_error(pointer)) }

    var id: String {
        var out = [UInt8](repeating: 0, count: olm_session_id_length(pointer))
        let written = olm_session_id(pointer, &out, out.count)
        return written == olm_error() ? "" : string(out, count: written)
    }

    func pickle(_ key: PickleKey) throws -> String {
        var out = [UInt8](repeating: 0, count: olm_pickle_session_length(pointer))
        let written = try key.bytes.withUnsafeBytes { keyBytes in
            try check(olm_pickle_session(pointer, keyBytes.baseAddress, keyBytes.count, &out, out.count), { lastError }, "pickle session")
        }
        return string(out, count: written)
    }

    func unpickle(_ pickle: String, key: PickleKey) throws {
        try withScratch(Array(pickle.utf8)) { buffer, length in
            try key.bytes.withUnsafeBytes { keyBytes in
                try check(olm_unpickle_session(pointer, keyBytes.baseAddress, keyBytes.count, buffer, length), { lastError }, "unpickle session")
            }
        }
    }

    func createOutbound(account: OlmAccountBox, identityKey: String, oneTimeKey: String) throws {
        let random = randomBytes(olm_create_outbound_session_random_length(pointer))
        let identity = Array(identityKey.utf8), oneTime = Array(oneTimeKey.utf8)
        try withScratch(random) { randomBuffer, randomLength in
            try check(olm_create_outbound_session(pointer, account.pointer, identity, identity.count, oneTime, oneTime.count,
                                                  randomBuffer, randomLength), { lastError }, "create outbound session")
        }
    }

    func createInbound(account: OlmAccountBox, from identityKey: String, preKeyMessage: String) throws {
        let identity = Array(identityKey.utf8)
        try withScratch(Array(preKeyMessage.utf8)) { message, length in
            try check(olm_create_inbound_session_from(pointer, account.pointer, identity, identity.count, message, length),
                      { lastError }, "create inbound session")
        }
    }

    func matchesInbound(from identityKey: String, preKeyMessage: String) -> Bool {
        let identity = Array(identityKey.utf8)
        return withScratch(Array(preKeyMessage.utf8)) { message, length in
            olm_matches_inbound_session_from(pointer, identity, identity.count, message, length) == 1
        }
    }

    func encrypt(_ plaintext: [UInt8]) throws -> (type: Int, body: String) {
        let type = olm_encrypt_message_type(pointer)
        var out = [UInt8](repeating: 0, count: olm_encrypt_message_length(pointer, plaintext.count))
        let written = try withScratch(randomBytes(olm_encrypt_random_length(pointer))) { random, randomLength in
            try check(olm_encrypt(pointer, plaintext, plaintext.count, random, randomLength, &out, out.count), { lastError }, "olm encrypt")
        }
        return (type, string(out, count: written))
    }

    func decrypt(type: Int, body: String) throws -> [UInt8] {
        let maximum = try withScratch(Array(body.utf8)) { message, length in
            try check(olm_decrypt_max_plaintext_length(pointer, type, message, length), { lastError }, "olm decrypt")
        }
        var out = [UInt8](repeating: 0, count: maximum)
        let written = try withScratch(Array(body.utf8)) { message, length in
            try check(olm_decrypt(pointer, type, message, length, &out, out.count), { lastError }, "olm decrypt")
        }
        return Array(out.prefix(written))
    }
}

final class InboundGroupSessionBox {
    private var memory: [UInt8]
    let pointer: OpaquePointer

    init() {
        memory = [UInt8](repeating: 0, count: olm_inbound_group_session_size())
        pointer = memory.withUnsafeMutableBytes { olm_inbound_group_session($0.baseAddress!) }
    }

    deinit { olm_clear_inbound_group_session(pointer) }

    var lastError: String { String(cString: olm_inbound_group_session_last_error(pointer)) }

    func initialise(sessionKey: String) throws {
        let key = Array(sessionKey.utf8)
        try check(olm_init_inbound_group_session(pointer, key, key.count), { lastError }, "init inbound group session")
    }

    var id: String {
        var out = [UInt8](repeating: 0, count: olm_inbound_group_session_id_length(pointer))
        let written = olm_inbound_group_session_id(pointer, &out, out.count)
        return written == olm_error() ? "" : string(out, count: written)
    }

    var firstKnownIndex: UInt32 { olm_inbound_group_session_first_known_index(pointer) }

    func pickle(_ key: PickleKey) throws -> String {
        var out = [UInt8](repeating: 0, count: olm_pickle_inbound_group_session_length(pointer))
        let written = try key.bytes.withUnsafeBytes { keyBytes in
            try check(olm_pickle_inbound_group_session(pointer, keyBytes.baseAddress, keyBytes.count, &out, out.count),
                      { lastError }, "pickle inbound group session")
        }
        return string(out, count: written)
    }

    func unpickle(_ pickle: String, key: PickleKey) throws {
        try withScratch(Array(pickle.utf8)) { buffer, length in
            try key.bytes.withUnsafeBytes { keyBytes in
                try check(olm_unpickle_inbound_group_session(pointer, keyBytes.baseAddress, keyBytes.count, buffer, length),
                          { lastError }, "unpickle inbound group session")
            }
        }
    }

    func decrypt(_ ciphertext: String) throws -> (plaintext: [UInt8], index: UInt32) {
        let maximum = try withScratch(Array(ciphertext.utf8)) { message, length in
            try check(olm_group_decrypt_max_plaintext_length(pointer, message.assumingMemoryBound(to: UInt8.self), length),
                      { lastError }, "megolm decrypt")
        }
        var out = [UInt8](repeating: 0, count: maximum)
        var index: UInt32 = 0
        let written = try withScratch(Array(ciphertext.utf8)) { message, length in
            try check(olm_group_decrypt(pointer, message.assumingMemoryBound(to: UInt8.self), length, &out, out.count, &index),
                      { lastError }, "megolm decrypt")
        }
        return (Array(out.prefix(written)), index)
    }
}

final class OutboundGroupSessionBox {
    private var memory: [UInt8]
    let pointer: OpaquePointer

    init() {
        memory = [UInt8](repeating: 0, count: olm_outbound_group_session_size())
        pointer = memory.withUnsafeMutableBytes { olm_outbound_group_session($0.baseAddress!) }
    }

    deinit { olm_clear_outbound_group_session(pointer) }

    var lastError: String { String(cString: olm_outbound_group_session_last_error(pointer)) }

    func create() throws {
        try withScratch(randomBytes(olm_init_outbound_group_session_random_length(pointer))) { random, length in
            try check(olm_init_outbound_group_session(pointer, random.assumingMemoryBound(to: UInt8.self), length),
                      { lastError }, "init outbound group session")
        }
    }

    var id: String {
        var out = [UInt8](repeating: 0, count: olm_outbound_group_session_id_length(pointer))
        let written = olm_outbound_group_session_id(pointer, &out, out.count)
        return written == olm_error() ? "" : string(out, count: written)
    }

    var messageIndex: UInt32 { olm_outbound_group_session_message_index(pointer) }

    /// The session key at the current ratchet index: whoever gets it can read from this message on.
    func sessionKey() throws -> String {
        var out = [UInt8](repeating: 0, count: olm_outbound_group_session_key_length(pointer))
        let written = try check(olm_outbound_group_session_key(pointer, &out, out.count), { lastError }, "export group session key")
        defer { wipe(&out) }
        return string(out, count: written)
    }

    func pickle(_ key: PickleKey) throws -> String {
        var out = [UInt8](repeating: 0, count: olm_pickle_outbound_group_session_length(pointer))
        let written = try key.bytes.withUnsafeBytes { keyBytes in
            try check(olm_pickle_outbound_group_session(pointer, keyBytes.baseAddress, keyBytes.count, &out, out.count),
                      { lastError }, "pickle outbound group session")
        }
        return string(out, count: written)
    }

    func unpickle(_ pickle: String, key: PickleKey) throws {
        try withScratch(Array(pickle.utf8)) { buffer, length in
            try key.bytes.withUnsafeBytes { keyBytes in
                try check(olm_unpickle_outbound_group_session(pointer, keyBytes.baseAddress, keyBytes.count, buffer, length),
                          { lastError }, "unpickle outbound group session")
            }
        }
    }

    func encrypt(_ plaintext: [UInt8]) throws -> String {
        var out = [UInt8](repeating: 0, count: olm_group_encrypt_message_length(pointer, plaintext.count))
        let written = try check(olm_group_encrypt(pointer, plaintext, plaintext.count, &out, out.count), { lastError }, "megolm encrypt")
        return string(out, count: written)
    }
}

/// Ed25519 signature checks (stateless, but libolm wants a utility object).
final class OlmUtilityBox {
    private var memory: [UInt8]
    let pointer: OpaquePointer

    init() {
        memory = [UInt8](repeating: 0, count: olm_utility_size())
        pointer = memory.withUnsafeMutableBytes { olm_utility($0.baseAddress!) }
    }

    deinit { olm_clear_utility(pointer) }

    func verifyEd25519(key: String, message: [UInt8], signature: String) -> Bool {
        let keyBytes = Array(key.utf8)
        return withScratch(Array(signature.utf8)) { signatureBuffer, signatureLength in
            olm_ed25519_verify(pointer, keyBytes, keyBytes.count, message, message.count, signatureBuffer, signatureLength) != olm_error()
        }
    }
}

/// An Ed25519 key pair from a 32-byte seed: the cross-signing master and self-signing keys.
final class PkSigningBox {
    private var memory: [UInt8]
    let pointer: OpaquePointer
    let publicKey: String

    init(seed: [UInt8]) throws {
        memory = [UInt8](repeating: 0, count: olm_pk_signing_size())
        // libolm only places the object in the memory it is given; it cannot fail.
        let pointer: OpaquePointer = memory.withUnsafeMutableBytes { olm_pk_signing($0.baseAddress!) }!
        self.pointer = pointer
        var key = [UInt8](repeating: 0, count: olm_pk_signing_public_key_length())
        let result = seed.withUnsafeBytes { seedBytes in
            olm_pk_signing_key_from_seed(pointer, &key, key.count, seedBytes.baseAddress, seedBytes.count)
        }
        if result == olm_error() {
            throw CryptoError.olm(operation: "signing key from seed", code: String(cString: olm_pk_signing_last_error(pointer)))
        }
        publicKey = string(key, count: key.count)
    }

    deinit { olm_clear_pk_signing(pointer) }

    static var seedLength: Int { olm_pk_signing_seed_length() }

    func sign(_ message: [UInt8]) throws -> String {
        var signature = [UInt8](repeating: 0, count: olm_pk_signature_length())
        // Success returns no length: the signature fills the buffer.
        try check(olm_pk_sign(pointer, message, message.count, &signature, signature.count),
                  { String(cString: olm_pk_signing_last_error(pointer)) }, "pk sign")
        return string(signature, count: signature.count)
    }
}
