import Foundation

extension InsightDetector {
    /// "User struggles with Deep Coding after lunch": repeated failures at 13:00-15:00.
    func postLunchFailures(_ evidence: InsightEvidence) -> [Insight] {
        let week = LocalWeek(timeZone: evidence.timeZone)
        let postLunch = evidence.outcomes.filter { thresholds.postLunchHours.contains(week.slot(of: $0.event.start).hour) }
        return perType(postLunch, evidence) { type in "User struggles with \(type) after lunch" }
    }

    /// "User struggles with Deep Coding after meetings": repeated failures soon after a collaborative event ends.
    func afterMeetingFailures(_ evidence: InsightEvidence) -> [Insight] {
        let collaborative = Set(evidence.taskTypes.filter { $0.category == .collaborative }.compactMap(\.id))
        let meetingEnds = evidence.events
            .filter { collaborative.contains($0.taskTypeID) && $0.status != .cancelled }
            .map(\.end)
        let window = Double(thresholds.afterMeetingMinutes) * 60
        let afterMeetings = evidence.outcomes.filter { outcome in
            !collaborative.contains(outcome.event.taskTypeID) && meetingEnds.contains { end in
                let gap = outcome.event.start.timeIntervalSince(end)
                return gap >= 0 && gap <= window
            }
        }
        return perType(afterMeetings, evidence) { type in "User struggles with \(type) after meetings" }
    }

    /// One insight per task type with more than the threshold of failures that are also most of its outcomes here.
    private func perType(_ outcomes: [(event: Event, success: Double)], _ evidence: InsightEvidence,
                         text: (String) -> String) -> [Insight] {
        let names = Dictionary(evidence.taskTypes.compactMap { type in type.id.map { ($0, type.displayName) } },
                               uniquingKeysWith: { first, _ in first })
        var found: [Insight] = []
        for (typeID, group) in Dictionary(grouping: outcomes, by: \.event.taskTypeID).sorted(by: { $0.key < $1.key }) {
            let failures = group.filter { $0.success < thresholds.failureBelow }
            let share = Double(failures.count) / Double(group.count)
            guard failures.count > thresholds.situationFailures, share >= thresholds.situationFailureShare,
                  let name = names[typeID] else { continue }
            found.append(insight(.behavioralPattern, text(name), confidence: share, events: failures.map(\.event), evidence))
        }
        return found
    }
}
