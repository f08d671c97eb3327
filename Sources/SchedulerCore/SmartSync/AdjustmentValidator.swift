/// The one gate every adjustment passes before it may touch a learned week.
public struct AdjustmentValidator: Sendable {
    public var limits: AdjustmentLimits

    public init(limits: AdjustmentLimits = AdjustmentLimits()) {
        self.limits = limits
    }

    /// The adjustments unchanged when all are valid; otherwise the first problem.
    public func validate(_ adjustments: [SyncAdjustment]) -> Result<[SyncAdjustment], AdjustmentError> {
        guard adjustments.count <= limits.maxAdjustments else { return .failure(.tooMany(adjustments.count)) }
        var seen: Set<String> = []
        for (index, adjustment) in adjustments.enumerated() {
            if let problem = check(adjustment) { return .failure(problem) }
            // Same days and same hours twice would compound the modifier: a model repeating itself is not evidence.
            let key = adjustment.dayPattern.rawValue + ":" + adjustment.hourRange.sorted().map(String.init).joined(separator: ",")
            guard seen.insert(key).inserted else { return .failure(.duplicateAdjustment(index)) }
        }
        return .success(adjustments)
    }

    func check(_ adjustment: SyncAdjustment) -> AdjustmentError? {
        let hours = adjustment.hourRange
        guard !hours.isEmpty else { return .wrongShape("hour_range is empty") }
        guard hours.count <= 24 else { return .tooManyHours(hours.count) }
        if let bad = hours.first(where: { !(0...23).contains($0) }) { return .badHour(String(bad)) }
        var seen: Set<Int> = []
        if let repeated = hours.first(where: { !seen.insert($0).inserted }) { return .duplicateHour(repeated) }
        let modifier = adjustment.modifier
        guard modifier.isFinite, limits.modifierRange.contains(modifier) else { return .modifierOutOfRange(modifier) }
        guard adjustment.reason.count <= limits.maxReasonLength else { return .badReason }
        return nil
    }
}
