import Foundation

/// Every libolm object of one Matrix device, in one actor. Callers get strings and bytes only,
/// and collect what changed with `takeChanges()` to persist it (the account before its keys are
/// uploaded; sessions before the sync token that delivered them moves on).
public actor OlmMachine {
    public nonisolated let userID: String
    public nonisolated let deviceID: String
    public nonisolated let identityKeys: IdentityKeys
    let pickleKey: PickleKey
    let account: OlmAccountBox
    let accountCreatedAt: Date
    /// Olm sessions by the other device's Curve25519 key, most recently used first.
    var olmSessions: [String: [OlmSessionEntry]] = [:]
    var inboundGroups: [String: InboundGroupEntry] = [:]
    /// Outbound Megolm sessions by room id.
    var outboundGroups: [String: OutboundGroupEntry] = [:]
    /// "session_id index" → event id.
    var usedIndices: [String: String] = [:]
    var crossSigning: CrossSigningKeys?
    /// Rows to persist, by "kind id" so repeated changes to one row collapse.
    var pending: [String: CryptoRecord] = [:]

    /// libolm accounts can hold this many unpublished one-time keys; the server gets at most half.
    public var maxOneTimeKeys: Int { account.maxOneTimeKeys }

    /// A brand-new device identity. Persist `takeChanges()` before uploading anything.
    public init(newDeviceFor userID: String, deviceID: String, pickleKey: PickleKey, now: Date = Date()) async throws {
        let account = OlmAccountBox()
        try account.create()
        self.userID = userID
        self.deviceID = deviceID
        self.identityKeys = try Self.identityKeys(of: account)
        self.pickleKey = pickleKey
        self.account = account
        self.accountCreatedAt = now
        markAccountChanged()
    }

    /// The device saved in `records`. Throws `wrongPickleKey` when the key does not open the store.
    public init(restoring records: [CryptoRecord], pickleKey: PickleKey) async throws {
        guard let stored = records.first(where: { $0.kind == .account }),
              let accountRecord = RecordCoding.decode(AccountRecord.self, stored.value) else { throw CryptoError.noAccount }
        let account = OlmAccountBox()
        do {
            try account.unpickle(accountRecord.pickle, key: pickleKey)
        } catch CryptoError.olm(_, let code) where code.contains("BAD_ACCOUNT_KEY") {
            throw CryptoError.wrongPickleKey
        }
        self.userID = accountRecord.userID
        self.deviceID = accountRecord.deviceID
        self.identityKeys = try Self.identityKeys(of: account)
        self.pickleKey = pickleKey
        self.account = account
        self.accountCreatedAt = Date(timeIntervalSince1970: accountRecord.createdAt)
        try restoreSessions(from: records)
    }

    private static func identityKeys(of account: OlmAccountBox) throws -> IdentityKeys {
        guard let keys = try? JSONDecoder().decode(IdentityKeys.self, from: Data(try account.identityKeysJSON())) else {
            throw CryptoError.olm(operation: "identity keys", code: "unreadable")
        }
        return keys
    }

    /// Everything that changed since the last call, to write in one transaction.
    public func takeChanges() -> [CryptoRecord] {
        defer { pending.removeAll() }
        return pending.values.sorted { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
    }

    func record(_ kind: CryptoRecord.Kind, _ id: String, _ value: String?) {
        pending[kind.rawValue + " " + id] = CryptoRecord(kind: kind, id: id, value: value)
    }

    func markAccountChanged() {
        // A pickle failure here means libolm is out of memory; the old row then stays, which is safe.
        guard let pickle = try? account.pickle(pickleKey) else { return }
        record(.account, "device", RecordCoding.encode(AccountRecord(userID: userID, deviceID: deviceID, pickle: pickle,
                                                                      createdAt: accountCreatedAt.timeIntervalSince1970)))
    }

    // MARK: Signing and keys for upload

    /// The device's Ed25519 signature over canonical JSON bytes.
    public func sign(_ canonicalJSON: [UInt8]) throws -> String {
        try account.sign(canonicalJSON)
    }

    /// Checks an Ed25519 signature (base64, unpadded) by `key` over `message`.
    public static func verifyEd25519(key: String, message: [UInt8], signature: String) -> Bool {
        OlmUtilityBox().verifyEd25519(key: key, message: message, signature: signature)
    }

    /// The unpublished one-time keys after topping them up so the server holds `target` in all
    /// (key id → Curve25519 key). Persist before uploading; `markKeysAsPublished()` after.
    public func oneTimeKeysToPublish(serverCount: Int, target: Int? = nil) throws -> [(id: String, key: String)] {
        let goal = target ?? account.maxOneTimeKeys / 2
        var unpublished = try unpublishedOneTimeKeys()
        let missing = goal - serverCount - unpublished.count
        if missing > 0 {
            try account.generateOneTimeKeys(missing)
            markAccountChanged()
            unpublished = try unpublishedOneTimeKeys()
        }
        return unpublished
    }

    private func unpublishedOneTimeKeys() throws -> [(id: String, key: String)] {
        struct Keys: Decodable { var curve25519: [String: String] }
        let keys = (try? JSONDecoder().decode(Keys.self, from: Data(try account.oneTimeKeysJSON())))?.curve25519 ?? [:]
        return keys.sorted { $0.key < $1.key }.map { (id: $0.key, key: $0.value) }
    }

    /// A fallback key to upload: a new one when the server has none unused, or the one generated
    /// earlier and not yet marked published (a crash between persisting and uploading).
    public func fallbackKeyToPublish(serverHasUnused: Bool) throws -> (id: String, key: String)? {
        if let waiting = try unpublishedFallbackKey() { return waiting }
        guard !serverHasUnused else { return nil }
        try account.generateFallbackKey()
        markAccountChanged()
        return try unpublishedFallbackKey()
    }

    private func unpublishedFallbackKey() throws -> (id: String, key: String)? {
        struct Keys: Decodable { var curve25519: [String: String] }
        let keys = (try? JSONDecoder().decode(Keys.self, from: Data(try account.unpublishedFallbackKeyJSON())))?.curve25519 ?? [:]
        return keys.first.map { (id: $0.key, key: $0.value) }
    }

    public func markKeysAsPublished() {
        account.markKeysAsPublished()
        markAccountChanged()
    }
}
