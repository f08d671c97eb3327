import SharedValues
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
