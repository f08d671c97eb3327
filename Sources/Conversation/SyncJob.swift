import Coaching
import Foundation
import SchedulerCore

/// One sync decided in a transaction and run after it: the type, the insights it reads, and who interprets them.
struct SyncJob: Sendable {
    var userID: String
    var taskTypeID: Int64
    var taskName: String
    var insights: [Insight]
    var route: SyncRoute

    var insightIDs: [Int64] { insights.compactMap(\.id) }
    var texts: [String] { insights.map(\.text) }

    /// A sync of the type at or after this instant already read every insight this job has.
    func isCovered(by lastSyncedAt: Date?) -> Bool {
        guard let lastSyncedAt, let newest = insights.map(\.createdAt).max() else { return false }
        return lastSyncedAt >= newest
    }

    /// The model's brief: the type's name and its insights, numbered; nothing else about the user.
    var prompt: String {
        "Task type: \(taskName)\nInsights:\n" + texts.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
    }
}

/// The insights about a task type, by meaning: most similar first, above a floor, at most `limit`.
struct InsightRelevance {
    let matcher: TaskTypeMatcher
    let minSimilarity: Double
    let limit: Int

    /// Each insight embedded once per user, then compared with every type.
    func embedded(_ insights: [Insight]) -> [(Insight, EmbeddingVector)] {
        insights.map { ($0, matcher.embedding.embed($0.text)) }
    }

    func relevant(to type: TaskType, among insights: [(Insight, EmbeddingVector)]) -> [Insight] {
        let name = matcher.embedding.embed(type.displayName)
        let scored = insights.compactMap { insight, vector -> (Insight, Double)? in
            guard let similarity = name.cosine(vector), similarity >= minSimilarity else { return nil }
            return (insight, similarity)
        }
        return scored.sorted { $0.1 > $1.1 }.prefix(limit).map(\.0)
    }
}
