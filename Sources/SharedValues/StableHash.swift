/// FNV-1a 64-bit: a stable, dependency-free hash for cache keys, prompt versions, embeddings, user
/// pseudonyms and seeds. The same input gives the same value on every run and machine. Not for secrets.
public struct StableHash: Sendable, Equatable {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    public mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x100_0000_01B3
    }

    public mutating func mix(_ text: String) {
        for byte in text.utf8 { mix(byte) }
    }

    public mutating func mix(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { mix(byte) }
    }

    public static func value(_ text: String) -> UInt64 {
        var hash = StableHash()
        hash.mix(text)
        return hash.value
    }

    /// The value as 16 lowercase hex digits.
    public static func hex(_ text: String) -> String {
        let digits = String(value(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
