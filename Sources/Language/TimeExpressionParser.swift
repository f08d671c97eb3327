/// Finds and resolves date/time expressions. (First cut: being replaced by the full parser.)
public struct TimeExpressionParser: Sendable {
    public init() {}

    public func parse(_ text: String, context: TimeContext) -> ResolvedTime? { nil }
}
