import AsyncSupport
import SharedValues
import Foundation
import Logging
import MatrixCrypto
import StoreProtocols

/// Why end-to-end encryption could not start; each says what the operator should do.
public enum EncryptionSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingPickleKey
    case noStore
    /// The homeserver knows keys for this device but the local store is gone: a new login is needed.
    case lostStore(deviceID: String)
    case noDeviceID

    public var description: String {
        switch self {
        case .missingPickleKey:
            "[matrix] encryption is on but no pickle key is set: set SCHEDULER_BOT_MATRIX_PICKLE_KEY (or [matrix] pickle_key) to a random secret of at least \(PickleKey.minimumLength) characters kept outside the data directory, or set [matrix] encryption = false"
        case .noStore: "[matrix] encryption needs the bot's SQLite store"
        case .lostStore(let deviceID):
            "the crypto store for Matrix device \(deviceID) is missing but the homeserver has its keys; the bot must log in as a new device: set [matrix] password (or SCHEDULER_BOT_MATRIX_PASSWORD), or give it an access token of a new login"
        case .noDeviceID: "the homeserver did not say which device this access token belongs to (whoami without device_id)"
        }
    }
}

extension RoomEncryption {
    /// Opens (or creates) this device's crypto identity and publishes its keys. A store for another
    /// device is discarded; a missing store for a device the server already has keys for is refused,
    /// because re-using a device id with new keys makes every client distrust it.
    static func start(userID: String, deviceID: String, pickleKey: PickleKey, store: any MatrixCryptoStore, api: MatrixAPI,
                      caller: RetryingCaller, logger: Logger, undecryptableNoticeDelay: TimeInterval) async throws -> RoomEncryption {
        // The store is read (and a stale one deleted) on the thread the encryption layer will run on.
        let thread = newThread()
        let storeOnThread = CryptoStoreOnThread(store: store, executor: thread)
        var rows = try await storeOnThread.rows()
        let records = rows.compactMap { row in CryptoRecord.Kind(rawValue: row.kind).map { CryptoRecord(kind: $0, id: row.id, value: row.value) } }
        var machine: OlmMachine?
        if records.contains(where: { $0.kind == .account }) {
            let restored = try await OlmMachine(restoring: records, pickleKey: pickleKey)
            if restored.userID == userID, restored.deviceID == deviceID {
                machine = restored
            } else {
                logger.warning("the crypto store belongs to another Matrix device; starting a new identity for this one",
                               metadata: ["stored_device": "\(restored.deviceID)", "device_id": "\(deviceID)"])
                try await storeOnThread.deleteAll()
                rows = []
            }
        }
        let isNew = machine == nil
        if isNew, try await serverHasKeys(of: userID, deviceID: deviceID, api: api, caller: caller) {
            throw EncryptionSetupError.lostStore(deviceID: deviceID)
        }
        let ready: OlmMachine
        if let machine { ready = machine } else { ready = try await OlmMachine(newDeviceFor: userID, deviceID: deviceID, pickleKey: pickleKey) }
        let encryption = RoomEncryption(machine: ready, store: store, api: api, caller: caller, logger: logger,
                                        undecryptableNoticeDelay: undecryptableNoticeDelay, rows: rows, executor: thread)
        // The account (with its private keys) is on disk before any public key leaves the process.
        try await encryption.commitChanges()
        let counts = try await encryption.call("key counts", .post, "/keys/upload", body: [:])["one_time_key_counts"]?.object?
            .compactMapValues(\.int)
        try await encryption.publishKeys(oneTimeKeyCounts: counts ?? [:], unusedFallbackKeyTypes: isNew ? [] : nil, includeDeviceKeys: isNew)
        logger.info(isNew ? "created a new end-to-end encryption identity" : "opened the end-to-end encryption store",
                    metadata: ["device_id": "\(deviceID)", "ed25519": "\(ready.identityKeys.ed25519)"])
        await encryption.bootstrapCrossSigning()
        return encryption
    }

    private static func serverHasKeys(of userID: String, deviceID: String, api: MatrixAPI, caller: RetryingCaller) async throws -> Bool {
        let body: JSON = ["device_keys": .object([userID: [.string(deviceID)]])]
        let answer = try await caller.run("key query") { try await api.call(.post, "/_matrix/client/v3/keys/query", body: body) }
        return answer["device_keys"]?[userID]?[deviceID] != nil
    }

    /// Uploads device keys (first start), one-time keys up to half of what the account holds, and a
    /// fallback key when the server has none unused. The account is persisted before the upload.
    func publishKeys(oneTimeKeyCounts: [String: Int], unusedFallbackKeyTypes: [String]?, includeDeviceKeys: Bool) async throws {
        let oneTime = try await machine.oneTimeKeysToPublish(serverCount: oneTimeKeyCounts["signed_curve25519"] ?? 0)
        // nil: the server did not say (older servers, or the first call); keep what it has.
        let hasFallback = unusedFallbackKeyTypes.map { $0.contains("signed_curve25519") } ?? true
        let fallback = try await machine.fallbackKeyToPublish(serverHasUnused: hasFallback)
        guard includeDeviceKeys || !oneTime.isEmpty || fallback != nil else { return }
        try await commitChanges()
        var body: [String: JSON] = [:]
        if includeDeviceKeys { body["device_keys"] = try await DeviceKeys.ownDeviceKeys(of: machine) }
        if !oneTime.isEmpty { body["one_time_keys"] = .object(try await DeviceKeys.signedKeys(oneTime, fallback: false, by: machine)) }
        if let fallback { body["fallback_keys"] = .object(try await DeviceKeys.signedKeys([fallback], fallback: true, by: machine)) }
        _ = try await call("key upload", .post, "/keys/upload", body: .object(body))
        await machine.markKeysAsPublished()
        try await commitChanges()
        logger.info("published encryption keys", metadata: [
            "device_keys": "\(includeDeviceKeys)", "one_time_keys": "\(oneTime.count)", "fallback_key": "\(fallback != nil)",
        ])
    }

    /// Master, self-signing and user-signing keys, and the self-signing key's signature on this device.
    /// Synapse accepts the first upload without interactive auth; if the account already has other
    /// cross-signing keys (made by a person's client), the bot leaves them alone and says so.
    func bootstrapCrossSigning() async {
        let flag = "cross_signed " + deviceID
        if (try? store.cryptoRows(kinds: [RowKind.flag]))?.contains(where: { $0.id == flag }) == true { return }
        let userID = machine.userID
        do {
            let keys = try await machine.crossSigningPublicKeys()
            try await commitChanges()
            let query = try await call("key query", .post, "/keys/query", body: ["device_keys": .object([userID: []])])
            let existing = query["master_keys"]?[userID]?["keys"]?.object?.values.first?.string
            if existing == nil {
                try await uploadCrossSigningKeys(keys)
            } else if existing != keys.master {
                logger.warning("the bot's account already has other cross-signing keys; its device stays signed only by itself")
                return
            }
            try await signOwnDevice(with: keys)
            setRow(RowKind.flag, flag, ["at": .number(Date().timeIntervalSince1970)])
            try await commitChanges()
            logger.info("cross-signing set up; the bot's device is signed by its self-signing key", metadata: ["master_key": "\(keys.master)"])
        } catch {
            logger.warning("could not set up cross-signing; clients that require cross-signed devices may hide the bot's messages",
                           metadata: ["error": "\(error)"])
        }
    }

    private func uploadCrossSigningKeys(_ keys: CrossSigningPublicKeys) async throws {
        let userID = machine.userID
        func key(_ usage: String, _ publicKey: String) -> JSON {
            ["user_id": .string(userID), "usage": [.string(usage)], "keys": .object(["ed25519:" + publicKey: .string(publicKey)])]
        }
        func signedByMaster(_ value: JSON) async throws -> JSON {
            let signature = try await machine.signWithCrossSigningKey(.master, CanonicalJSON.signable(value))
            return DeviceKeys.adding(signature: signature, keyID: "ed25519:" + keys.master, userID: userID, to: value)
        }
        // The device signs the master key too, so the bot's own devices see it as trusted.
        let master = try await DeviceKeys.signed(key("master", keys.master), by: machine)
        let body: JSON = [
            "master_key": master,
            "self_signing_key": try await signedByMaster(key("self_signing", keys.selfSigning)),
            "user_signing_key": try await signedByMaster(key("user_signing", keys.userSigning)),
        ]
        _ = try await call("cross-signing upload", .post, "/keys/device_signing/upload", body: body)
    }

    private func signOwnDevice(with keys: CrossSigningPublicKeys) async throws {
        let device = try await DeviceKeys.ownDeviceKeys(of: machine)
        let signature = try await machine.signWithCrossSigningKey(.selfSigning, CanonicalJSON.signable(device))
        var fields = device.object ?? [:]
        fields["signatures"] = .object([machine.userID: .object(["ed25519:" + keys.selfSigning: .string(signature)])])
        let answer = try await call("signature upload", .post, "/keys/signatures/upload",
                                    body: .object([machine.userID: .object([deviceID: .object(fields)])]))
        if let failures = answer["failures"]?.object, !failures.isEmpty {
            throw MatrixError.malformedResponse("signature upload failed: \(failures.keys.sorted())")
        }
    }
}

/// The crypto store's start-up reads and clean-up, on the thread the encryption layer is about to run on, before
/// that layer exists: synchronous SQLite calls never hold a thread of the shared pool.
private actor CryptoStoreOnThread {
    let store: any MatrixCryptoStore
    let executor: ThreadExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(store: any MatrixCryptoStore, executor: ThreadExecutor) {
        self.store = store
        self.executor = executor
    }

    func rows() throws -> [CryptoStoreRow] { try store.cryptoRows(kinds: []) }
    func deleteAll() throws { try store.deleteAllCryptoRows() }
}
