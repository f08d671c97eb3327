/// The features that change a plan's structure — never names or free text — and the cache key they make.
///
/// Two users with the same role, goal category, field and horizon get the same cached plan, filled with
/// their own details through placeholders.
public struct PlanProfile: Sendable, Equatable {
    public var role: String
    public var category: String
    public var field: String?
    /// "week" for plans of the coming week, "block" for longer training/study blocks.
    public var horizon: String

    public init(role: String?, goal: String, catalog: PlanCatalog) {
        self.role = role ?? "other"
        self.category = catalog.category(of: goal)
        self.field = catalog.field(of: goal)
        let words = Set(PatternText.words(goal))
        self.horizon = words.isDisjoint(with: ["block", "month", "months", "semester", "season", "quarter"]) ? "week" : "block"
    }

    /// Stable across runs and machines; the prompt version makes a prompt change a cache miss.
    public func cacheKey(promptVersion: String) -> String {
        let text = ["plan", promptVersion, role, category, field ?? "-", horizon].joined(separator: "|")
        return "plan-" + StableHash.hex(text)
    }
}

/// FNV-1a 64-bit: a stable, dependency-free hash for cache keys and prompt versions (not for secrets).
public enum StableHash {
    public static func value(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        return hash
    }

    /// The value as 16 lowercase hex digits.
    public static func hex(_ text: String) -> String {
        let digits = String(value(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
