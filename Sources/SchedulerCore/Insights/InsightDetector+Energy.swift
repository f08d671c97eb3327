import Foundation

extension InsightDetector {
    static let morningHours = 6..<12
    static let eveningHours = 18..<23

    /// "User shows strong morning energy patterns" (seed 002): confidence > 0.7 and morning > evening x 1.3;
    /// and the mirror image for evenings.
    func energyRhythm(_ evidence: InsightEvidence) -> [Insight] {
        let energy = evidence.energy
        let morning = InsightDetector.mean(over: InsightDetector.morningHours, energy.energy)
        let evening = InsightDetector.mean(over: InsightDetector.eveningHours, energy.energy)
        let confidence = InsightDetector.mean(
            InsightDetector.slots(in: InsightDetector.morningHours).map { energy.confidence[$0] }
                + InsightDetector.slots(in: InsightDetector.eveningHours).map { energy.confidence[$0] })
        guard confidence > thresholds.energyConfidence else { return [] }
        if morning > evening * thresholds.energyRatio {
            return [insight(.behavioralPattern, "User shows strong morning energy patterns", confidence: confidence, events: [], evidence)]
        }
        if evening > morning * thresholds.energyRatio {
            return [insight(.behavioralPattern, "User shows strong evening energy patterns", confidence: confidence, events: [], evidence)]
        }
        return []
    }

    static func slots(in hours: Range<Int>) -> [WeekSlot] {
        (0..<7).flatMap { day in hours.map { WeekSlot(weekday: day, hour: $0) } }
    }

    static func mean(over hours: Range<Int>, _ grid: WeekGrid) -> Double {
        mean(slots(in: hours).map { grid[$0] })
    }
}
