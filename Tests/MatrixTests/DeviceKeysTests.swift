import SharedValues
import Foundation
import MatrixCrypto
import Testing
@testable import Matrix

struct CanonicalJSONTests {
    @Test func matchesTheSpecExamples() {
        func canonical(_ value: JSON) -> String { String(decoding: CanonicalJSON.encode(value), as: UTF8.self) }
        #expect(canonical([:]) == "{}")
        #expect(canonical(["one": 1, "two": "Two"]) == #"{"one":1,"two":"Two"}"#)
        #expect(canonical(["b": "2", "a": "1"]) == #"{"a":"1","b":"2"}"#)
        #expect(canonical(["auth": ["success": true, "mxid": "@john.doe:example.com",
                                    "profile": ["display_name": "John Doe", "three_pids": [["medium": "email", "address": "john.doe@example.org"]]]]])
                == #"{"auth":{"mxid":"@john.doe:example.com","profile":{"display_name":"John Doe","three_pids":[{"address":"john.doe@example.org","medium":"email"}]},"success":true}}"#)
        #expect(canonical(["a": "日本語"]) == #"{"a":"日本語"}"#)
        #expect(canonical(["本": 2, "日": 1]) == #"{"日":1,"本":2}"#)
        #expect(canonical(["a": "\u{1F1EC}\u{1F1E7}"]) == "{\"a\":\"\u{1F1EC}\u{1F1E7}\"}")
        #expect(canonical(["a": .null]) == #"{"a":null}"#)
        #expect(canonical(["a": "line\nquote\"back\\\u{01}"]) == #"{"a":"line\nquote\"back\\\u0001"}"#)
    }

    @Test func signableBytesLeaveOutSignaturesAndUnsigned() {
        let signed: JSON = ["a": 1, "signatures": ["@x:y": ["ed25519:D": "sig"]], "unsigned": ["age": 5]]
        #expect(CanonicalJSON.signable(signed) == CanonicalJSON.encode(["a": 1]))
    }
}

struct DeviceKeysTests {
    let key = PickleKey("device keys test pickle key")!

    @Test func ownDeviceKeysVerifyAndTamperedOnesDoNot() async throws {
        let machine = try await OlmMachine(newDeviceFor: "@bot:localhost", deviceID: "BOT", pickleKey: key)
        let keys = try await DeviceKeys.ownDeviceKeys(of: machine)
        let device = try #require(DeviceKeys.verify(keys, userID: "@bot:localhost", deviceID: "BOT"))
        #expect(device.curve25519 == machine.identityKeys.curve25519 && device.ed25519 == machine.identityKeys.ed25519)
        // Filed under another device or user: refused, whatever the signature says.
        #expect(DeviceKeys.verify(keys, userID: "@bot:localhost", deviceID: "OTHER") == nil)
        #expect(DeviceKeys.verify(keys, userID: "@eve:localhost", deviceID: "BOT") == nil)
        // A server that swaps the Curve25519 key breaks the signature.
        var fields = try #require(keys.object)
        fields["keys"] = ["curve25519:BOT": "c3dhcHBlZA", "ed25519:BOT": .string(machine.identityKeys.ed25519)]
        #expect(DeviceKeys.verify(.object(fields), userID: "@bot:localhost", deviceID: "BOT") == nil)
        // Unsigned extras (display names) are outside the signature.
        fields = try #require(keys.object)
        fields["unsigned"] = ["device_display_name": "phone"]
        #expect(DeviceKeys.verify(.object(fields), userID: "@bot:localhost", deviceID: "BOT") != nil)
        let answer: JSON = ["device_keys": ["@bot:localhost": ["BOT": keys, "MOVED": keys]]]
        #expect(DeviceKeys.verifiedDevices(of: "@bot:localhost", in: answer).map(\.deviceID) == ["BOT"])
    }

    @Test func claimedKeysMustCarryTheDeviceSignature() async throws {
        let machine = try await OlmMachine(newDeviceFor: "@human:localhost", deviceID: "PHONE", pickleKey: key)
        let device = DeviceIdentity(userID: "@human:localhost", deviceID: "PHONE", curve25519: machine.identityKeys.curve25519,
                                    ed25519: machine.identityKeys.ed25519)
        let oneTime = try await machine.oneTimeKeysToPublish(serverCount: 0, target: 1)
        let signed = try await DeviceKeys.signedKeys(oneTime, fallback: false, by: machine)
        let claimed = try #require(signed.values.first)
        #expect(DeviceKeys.claimedKey(claimed, by: device) == oneTime.first?.key)
        let fallback = try #require(try await DeviceKeys.signedKeys(oneTime, fallback: true, by: machine).values.first)
        #expect(fallback["fallback"] == true)
        #expect(DeviceKeys.claimedKey(fallback, by: device) == oneTime.first?.key)
        var forged = try #require(claimed.object)
        forged["key"] = "Zm9yZ2Vk"
        #expect(DeviceKeys.claimedKey(.object(forged), by: device) == nil)
    }
}
