import Foundation

/// Finds tier-3 insights in a user's behaviour, as the design describes: consistent success at a day
/// and hour, a weekday decline, failures after lunch or after meetings, morning or evening energy.
///
/// Pure: evidence in, insight values out. The caller stores them (see `InsightMemory` for dedup).
public struct InsightDetector: Sendable {
    public var thresholds: InsightThresholds

    public init(thresholds: InsightThresholds = InsightThresholds()) {
        self.thresholds = thresholds
    }

    public func detect(_ evidence: InsightEvidence) -> [Insight] {
        let found = consistentSuccesses(evidence) + weekdayDeclines(evidence) + postLunchFailures(evidence)
            + afterMeetingFailures(evidence) + energyRhythm(evidence)
        return InsightMemory.unique(found)
    }

    func insight(_ kind: Insight.Kind, _ text: String, confidence: Double, events: [Event], _ evidence: InsightEvidence) -> Insight {
        Insight(userID: evidence.userID, kind: kind, text: text, confidence: confidence,
                sourceEventIDs: events.compactMap { $0.id.map(String.init) }, createdAt: evidence.now)
    }
}
