import COlm
import Foundation

/// The three cross-signing key pairs. The master key signs the other two; the self-signing key
/// signs this device, so clients that only trust cross-signed devices accept the bot's messages.
struct CrossSigningKeys {
    let master: PkSigningBox
    let selfSigning: PkSigningBox
    let userSigning: PkSigningBox
    let record: CrossSigningRecord
}

public enum CrossSigningRole: String, Sendable {
    case master, selfSigning = "self_signing", userSigning = "user_signing"
}

/// Public halves of the cross-signing keys (unpadded base64 Ed25519).
public struct CrossSigningPublicKeys: Sendable, Equatable {
    public var master: String
    public var selfSigning: String
    public var userSigning: String
}

/// Keeps a 32-byte seed inside a libolm PkDecryption pickle, so it is encrypted with the pickle
/// key exactly like the account (libolm has no pickle for signing keys).
final class SeedPickleBox {
    private var memory: [UInt8]
    let pointer: OpaquePointer

    init() {
        memory = [UInt8](repeating: 0, count: olm_pk_decryption_size())
        pointer = memory.withUnsafeMutableBytes { olm_pk_decryption($0.baseAddress!) }
    }

    deinit { olm_clear_pk_decryption(pointer) }

    var lastError: String { String(cString: olm_pk_decryption_last_error(pointer)) }

    func pickle(seed: [UInt8], key: PickleKey) throws -> String {
        var publicKey = [UInt8](repeating: 0, count: olm_pk_key_length())
        _ = try seed.withUnsafeBytes { seedBytes in
            try check(olm_pk_key_from_private(pointer, &publicKey, publicKey.count, seedBytes.baseAddress, seedBytes.count),
                      { lastError }, "store seed")
        }
        var out = [UInt8](repeating: 0, count: olm_pickle_pk_decryption_length(pointer))
        let written = try key.bytes.withUnsafeBytes { keyBytes in
            try check(olm_pickle_pk_decryption(pointer, keyBytes.baseAddress, keyBytes.count, &out, out.count), { lastError }, "pickle seed")
        }
        return string(out, count: written)
    }

    func seed(from pickle: String, key: PickleKey) throws -> [UInt8] {
        var publicKey = [UInt8](repeating: 0, count: olm_pk_key_length())
        _ = try withScratch(Array(pickle.utf8)) { buffer, length in
            try key.bytes.withUnsafeBytes { keyBytes in
                try check(olm_unpickle_pk_decryption(pointer, keyBytes.baseAddress, keyBytes.count, buffer, length,
                                                     &publicKey, publicKey.count), { lastError }, "unpickle seed")
            }
        }
        var seed = [UInt8](repeating: 0, count: olm_pk_private_key_length())
        try check(olm_pk_get_private_key(pointer, &seed, seed.count), { lastError }, "read seed")
        return seed
    }
}

extension CrossSigningRecord {
    static func restore(_ value: String?, key: PickleKey) throws -> CrossSigningKeys? {
        guard let record = RecordCoding.decode(CrossSigningRecord.self, value) else { return nil }
        func signing(_ pickle: String) throws -> PkSigningBox {
            var seed = try SeedPickleBox().seed(from: pickle, key: key)
            defer { wipe(&seed) }
            return try PkSigningBox(seed: seed)
        }
        return CrossSigningKeys(master: try signing(record.masterPickle), selfSigning: try signing(record.selfSigningPickle),
                                userSigning: try signing(record.userSigningPickle), record: record)
    }
}

extension OlmMachine {
    /// The cross-signing keys, made (and queued for persisting) on first use.
    public func crossSigningPublicKeys() throws -> CrossSigningPublicKeys {
        let keys = try crossSigning ?? makeCrossSigningKeys()
        return CrossSigningPublicKeys(master: keys.master.publicKey, selfSigning: keys.selfSigning.publicKey,
                                      userSigning: keys.userSigning.publicKey)
    }

    public var hasCrossSigningKeys: Bool { crossSigning != nil }

    public func signWithCrossSigningKey(_ role: CrossSigningRole, _ canonicalJSON: [UInt8]) throws -> String {
        let keys = try crossSigning ?? makeCrossSigningKeys()
        switch role {
        case .master: return try keys.master.sign(canonicalJSON)
        case .selfSigning: return try keys.selfSigning.sign(canonicalJSON)
        case .userSigning: return try keys.userSigning.sign(canonicalJSON)
        }
    }

    private func makeCrossSigningKeys() throws -> CrossSigningKeys {
        var seeds = (0..<3).map { _ in randomBytes(PkSigningBox.seedLength) }
        defer { for index in seeds.indices { wipe(&seeds[index]) } }
        let record = CrossSigningRecord(masterPickle: try SeedPickleBox().pickle(seed: seeds[0], key: pickleKey),
                                        selfSigningPickle: try SeedPickleBox().pickle(seed: seeds[1], key: pickleKey),
                                        userSigningPickle: try SeedPickleBox().pickle(seed: seeds[2], key: pickleKey))
        let keys = CrossSigningKeys(master: try PkSigningBox(seed: seeds[0]), selfSigning: try PkSigningBox(seed: seeds[1]),
                                    userSigning: try PkSigningBox(seed: seeds[2]), record: record)
        crossSigning = keys
        self.record(.crossSigning, "keys", RecordCoding.encode(record))
        return keys
    }
}
