import SharedValues
import MatrixCrypto

/// Reading other devices' keys from the key server, trusting only what their own signatures cover.
enum DeviceKeys {
    /// The devices `/keys/query` lists for `userID` whose self-signature holds and whose ids match
    /// where they are filed (a server cannot move keys between devices or users).
    static func verifiedDevices(of userID: String, in answer: JSON) -> [DeviceIdentity] {
        let listed = answer["device_keys"]?[userID]?.object ?? [:]
        return listed.sorted { $0.key < $1.key }.compactMap { deviceID, keys in verify(keys, userID: userID, deviceID: deviceID) }
    }

    static func verify(_ keys: JSON, userID: String, deviceID: String) -> DeviceIdentity? {
        guard keys["user_id"]?.string == userID, keys["device_id"]?.string == deviceID,
              keys["algorithms"]?.array?.contains(.string(Algorithm.megolm)) == true || keys["algorithms"]?.array?.contains(.string(Algorithm.olm)) == true,
              let curve = keys["keys"]?["curve25519:" + deviceID]?.string,
              let ed = keys["keys"]?["ed25519:" + deviceID]?.string,
              let signature = keys["signatures"]?[userID]?["ed25519:" + deviceID]?.string,
              OlmMachine.verifyEd25519(key: ed, message: CanonicalJSON.signable(keys), signature: signature)
        else { return nil }
        return DeviceIdentity(userID: userID, deviceID: deviceID, curve25519: curve, ed25519: ed)
    }

    /// The Curve25519 key of a claimed `signed_curve25519` one-time or fallback key, if `device` signed it.
    static func claimedKey(_ claimed: JSON, by device: DeviceIdentity) -> String? {
        guard let key = claimed["key"]?.string,
              let signature = claimed["signatures"]?[device.userID]?["ed25519:" + device.deviceID]?.string,
              OlmMachine.verifyEd25519(key: device.ed25519, message: CanonicalJSON.signable(claimed), signature: signature)
        else { return nil }
        return key
    }

    /// This device's own keys, signed, as `/keys/upload` takes them.
    static func ownDeviceKeys(of machine: OlmMachine) async throws -> JSON {
        let deviceID = machine.deviceID
        let unsigned: JSON = [
            "user_id": .string(machine.userID), "device_id": .string(deviceID),
            "algorithms": [.string(Algorithm.olm), .string(Algorithm.megolm)],
            "keys": .object(["curve25519:" + deviceID: .string(machine.identityKeys.curve25519),
                             "ed25519:" + deviceID: .string(machine.identityKeys.ed25519)]),
        ]
        return try await signed(unsigned, by: machine)
    }

    /// `value` with this device's signature added.
    static func signed(_ value: JSON, by machine: OlmMachine) async throws -> JSON {
        let signature = try await machine.sign(CanonicalJSON.signable(value))
        return adding(signature: signature, keyID: "ed25519:" + machine.deviceID, userID: machine.userID, to: value)
    }

    static func adding(signature: String, keyID: String, userID: String, to value: JSON) -> JSON {
        guard var fields = value.object else { return value }
        var signatures = fields["signatures"]?.object ?? [:]
        var mine = signatures[userID]?.object ?? [:]
        mine[keyID] = .string(signature)
        signatures[userID] = .object(mine)
        fields["signatures"] = .object(signatures)
        return .object(fields)
    }

    /// Signed `signed_curve25519:<id>` entries for `/keys/upload` (`fallback: true` for the fallback key).
    static func signedKeys(_ keys: [(id: String, key: String)], fallback: Bool, by machine: OlmMachine) async throws -> [String: JSON] {
        var out: [String: JSON] = [:]
        for (id, key) in keys {
            var unsigned: [String: JSON] = ["key": .string(key)]
            if fallback { unsigned["fallback"] = true }
            out["signed_curve25519:" + id] = try await signed(.object(unsigned), by: machine)
        }
        return out
    }
}
