import Foundation

/// Notes a user adds to an outcome ("done, but I was exhausted after the standup") become user_feedback insights.
public enum UserFeedback {
    /// Notes longer than this are cut, so memory holds short texts.
    public static let maxNoteLength = 280

    /// Nil for an empty note.
    public static func insight(note: String, taskName: String, event: Event, at now: Date) -> Insight? {
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        return Insight(userID: event.userID, kind: .userFeedback,
                       text: "User mentioned about \(taskName): \(trimmed.prefix(maxNoteLength))",
                       confidence: 0.9, sourceEventIDs: event.id.map { [String($0)] } ?? [], createdAt: now)
    }
}
