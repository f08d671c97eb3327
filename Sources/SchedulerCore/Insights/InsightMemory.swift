import Foundation

/// Keeps insight memory free of duplicates: a detected insight that already exists reinforces it.
public enum InsightMemory {
    /// What to do with one detected insight.
    public enum Change: Equatable, Sendable {
        /// Not known yet: store it.
        case add(Insight)
        /// Already known: update the stored one (same id) with higher confidence and the new source events.
        case reinforce(Insight)
    }

    /// The stable identity of an insight: its kind and its text with case, punctuation and spacing ignored.
    /// Detectors word a pattern the same way every time, so the same pattern always has the same key.
    public static func key(of insight: Insight) -> String {
        insight.kind.rawValue + ":" + TaskName.normalise(insight.text)
    }

    /// Detected insights against the user's stored ones.
    public static func merge(_ detected: [Insight], into existing: [Insight],
                             thresholds: InsightThresholds = InsightThresholds()) -> [Change] {
        var known = Dictionary(existing.map { (key(of: $0), $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [Change] = []
        for insight in unique(detected) {
            let key = key(of: insight)
            guard var stored = known[key] else {
                changes.append(.add(insight))
                known[key] = insight
                continue
            }
            stored.confidence = reinforced(stored.confidence, by: insight.confidence, share: thresholds.reinforcement)
            stored.sourceEventIDs = mergedIDs(stored.sourceEventIDs, insight.sourceEventIDs)
            known[key] = stored
            changes.append(.reinforce(stored))
        }
        return changes
    }

    /// First of each key, in order.
    static func unique(_ insights: [Insight]) -> [Insight] {
        var seen: Set<String> = []
        return insights.filter { seen.insert(key(of: $0)).inserted }
    }

    /// Never lower than either reading, and always a step closer to 1 (still at most 1).
    static func reinforced(_ stored: Double, by detected: Double, share: Double) -> Double {
        let base = max(stored, detected)
        return min(1, base + (1 - base) * min(1, max(0, share)))
    }

    static func mergedIDs(_ old: [String], _ new: [String]) -> [String] {
        var seen = Set(old)
        return old + new.filter { seen.insert($0).inserted }
    }
}
