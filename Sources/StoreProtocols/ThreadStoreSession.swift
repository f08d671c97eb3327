import Foundation

/// The assistant thread of each user: the turns kept, and the summary of the turns pruned.
public protocol ThreadStoreSession {
    /// The assistant thread: turns after `afterID`, oldest first.
    func threadTurns(of userID: String, after afterID: Int64) throws -> [StoredTurn]
    func appendTurn(_ turn: StoredTurn) throws
    func threadSummary(of userID: String) throws -> ThreadSummary?
    func saveThreadSummary(_ summary: ThreadSummary) throws
}

/// One stored turn of a user's thread with the assistant.
public struct StoredTurn: Sendable, Equatable {
    public var id: Int64?
    public var userID: String
    public var speaker: String
    public var text: String
    public var createdAt: Date

    public init(id: Int64? = nil, userID: String, speaker: String, text: String, createdAt: Date) {
        self.id = id
        self.userID = userID
        self.speaker = speaker
        self.text = text
        self.createdAt = createdAt
    }
}

/// The running summary of turns that were pruned from the thread.
public struct ThreadSummary: Sendable, Equatable {
    public var userID: String
    public var text: String
    /// The id of the newest turn folded into the summary.
    public var foldedThrough: Int64

    public init(userID: String, text: String, foldedThrough: Int64) {
        self.userID = userID
        self.text = text
        self.foldedThrough = foldedThrough
    }
}
