/// The design's reference learner: a confidence-weighted moving average on the covered slots.
///
/// `lr = 0.3 * (1 - confidence)`, `score = score * (1 - lr) + signal * lr`,
/// `confidence = min(0.95, confidence + 0.05)`; energy-after updates the energy week the same way.
public struct SeedEMALearner: Learner {
    public let name = "seed-ema"
    public static let baseRate = 0.3
    public static let confidenceStep = 0.05
    public static let maxConfidence = 0.95

    public init() {}

    public func learn(_ outcome: Outcome, taskType: inout TaskType, energy: inout EnergyPattern) {
        for slot in outcome.slots {
            SeedEMALearner.update(&taskType.habit, &taskType.confidence, at: slot, signal: outcome.signal)
            if let energyAfter = outcome.energyAfter {
                SeedEMALearner.update(&energy.energy, &energy.confidence, at: slot, signal: energyAfter)
            }
        }
        if outcome.completed { taskType.completionCount += 1 }
    }

    static func update(_ scores: inout WeekGrid, _ confidences: inout WeekGrid, at slot: WeekSlot, signal: Double) {
        let confidence = confidences[slot]
        let rate = baseRate * (1 - confidence)
        scores[slot] = scores[slot] * (1 - rate) + signal * rate
        confidences[slot] = min(maxConfidence, confidence + confidenceStep)
    }
}
