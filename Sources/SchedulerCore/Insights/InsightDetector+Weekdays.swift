import Foundation

extension InsightDetector {
    static let monday = 1
    static let friday = 5

    /// "User shows significant performance decline on Fridays": Friday's mean success below 0.6 x Monday's.
    func weekdayDeclines(_ evidence: InsightEvidence) -> [Insight] {
        let week = LocalWeek(timeZone: evidence.timeZone)
        let outcomes = evidence.outcomes
        let mondays = outcomes.filter { week.weekday($0.event.start) == InsightDetector.monday }
        let fridays = outcomes.filter { week.weekday($0.event.start) == InsightDetector.friday }
        guard mondays.count >= thresholds.weekdayMinimumOutcomes, fridays.count >= thresholds.weekdayMinimumOutcomes else { return [] }
        let monday = InsightDetector.mean(mondays.map(\.success))
        let friday = InsightDetector.mean(fridays.map(\.success))
        guard friday < thresholds.weekdayDeclineRatio * monday else { return [] }
        // The further below the line, the surer; the fewer outcomes, the less sure.
        let margin = 1 - friday / max(monday, 1e-9)
        let support = Double(min(mondays.count, fridays.count)) / Double(min(mondays.count, fridays.count) + 3)
        return [insight(.weeklyPattern, "User shows significant performance decline on Fridays",
                        confidence: margin * support + 0.3, events: fridays.map(\.event), evidence)]
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
