import Foundation

extension InsightDetector {
    /// "User consistently excels at Deep Coding on Tuesday at 10:00": score above 0.8 with more than 5 completions there.
    func consistentSuccesses(_ evidence: InsightEvidence) -> [Insight] {
        let week = LocalWeek(timeZone: evidence.timeZone)
        var found: [Insight] = []
        for type in evidence.taskTypes {
            guard let typeID = type.id else { continue }
            let done = evidence.events.filter { $0.taskTypeID == typeID && $0.status == .done }
            let bySlot = Dictionary(grouping: done) { week.slot(of: $0.start) }
            for (slot, events) in bySlot.sorted(by: { $0.key < $1.key })
            where events.count > thresholds.successCompletions && type.habit[slot] > thresholds.successScore {
                found.append(insight(.behavioralPattern,
                                     "User consistently excels at \(type.displayName) on \(slot.description)",
                                     confidence: type.habit[slot], events: events, evidence))
            }
        }
        return found
    }
}
