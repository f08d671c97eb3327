import Foundation

/// Tier 3: a short qualitative observation about a user, with how sure we are of it.
public struct Insight: Equatable, Sendable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case behavioralPattern = "behavioural_pattern"
        case weeklyPattern = "weekly_pattern"
        case userFeedback = "user_feedback"
        case llmInterpretation = "llm_interpretation"
    }

    public var id: Int64?
    public var userID: String
    public var kind: Kind
    public var text: String
    public var confidence: Double
    public var sourceEventIDs: [String]
    public var createdAt: Date

    public init(id: Int64? = nil, userID: String, kind: Kind, text: String, confidence: Double,
                sourceEventIDs: [String] = [], createdAt: Date) {
        self.id = id
        self.userID = userID
        self.kind = kind
        self.text = text
        self.confidence = min(1, max(0, confidence))
        self.sourceEventIDs = sourceEventIDs
        self.createdAt = createdAt
    }
}
