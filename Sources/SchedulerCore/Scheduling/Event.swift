import Foundation

/// Tier 1: one scheduled instance of a task type.
public struct Event: Equatable, Sendable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case scheduled, done, skipped, cancelled
    }

    /// Assigned by the store on first save.
    public var id: Int64?
    public var userID: String
    public var taskTypeID: Int64
    public var title: String
    public var start: Date
    public var end: Date
    public var status: Status
    /// 0...1, set when the outcome is known.
    public var successRating: Double?
    /// 0...1, how the user felt afterwards.
    public var energyAfter: Double?
    public var note: String?
    public var createdAt: Date
    /// The slot score the finder gave when it placed the event (nil for user-fixed times it did not score).
    public var score: Double?

    public init(id: Int64? = nil, userID: String, taskTypeID: Int64, title: String, start: Date, end: Date,
                status: Status = .scheduled, successRating: Double? = nil, energyAfter: Double? = nil,
                note: String? = nil, createdAt: Date, score: Double? = nil) {
        self.id = id
        self.userID = userID
        self.taskTypeID = taskTypeID
        self.title = title
        self.start = start
        self.end = end
        self.status = status
        self.successRating = successRating
        self.energyAfter = energyAfter
        self.note = note
        self.createdAt = createdAt
        self.score = score
    }

    public var durationMinutes: Int { Int(end.timeIntervalSince(start) / 60) }

    public func overlaps(start otherStart: Date, end otherEnd: Date) -> Bool {
        start < otherEnd && otherStart < end
    }
}
