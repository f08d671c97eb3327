import Foundation
/// One stored turn of a user's conversation with the assistant.
public struct ThreadTurn: Sendable, Equatable {
    public enum Speaker: String, Sendable, Codable { case user, assistant }
    public var speaker: Speaker
    public var text: String

    public init(speaker: Speaker, text: String) {
        self.speaker = speaker
        self.text = text
    }
}

/// Keeps what the strong model sees bounded however long a conversation grows:
/// the last `keepLast` turns verbatim, and older ones folded into a running summary.
public struct ThreadPruner: Sendable {
    public var keepLast: Int
    /// Upper bound on the summary's length in characters (about a quarter as many tokens).
    public var summaryLimit: Int

    public init(keepLast: Int = 20, summaryLimit: Int = 800) {
        self.keepLast = keepLast
        self.summaryLimit = summaryLimit
    }

    public struct Pruned: Sendable, Equatable {
        public var summary: String
        public var recent: [ThreadTurn]
        /// Turns that were folded into the summary this time.
        public var folded: Int
    }

    /// Folds every turn before the last `keepLast` into `summary` by extraction (no model needed):
    /// the first sentence of each older user turn, newest kept when the limit is reached.
    public func prune(_ turns: [ThreadTurn], summary: String) -> Pruned {
        guard turns.count > keepLast else { return Pruned(summary: summary, recent: turns, folded: 0) }
        let older = turns.prefix(turns.count - keepLast)
        return Pruned(summary: fold(older, into: summary), recent: Array(turns.suffix(keepLast)), folded: older.count)
    }

    /// The summary with `turns` folded in: the first sentence of each user turn, the newest kept
    /// when the limit is reached.
    func fold(_ turns: some Sequence<ThreadTurn>, into summary: String) -> String {
        let points = turns.filter { $0.speaker == .user }.map { ThreadPruner.firstSentence($0.text) }.filter { !$0.isEmpty }
        guard !points.isEmpty else { return summary }
        var folded = summary.isEmpty ? [] : [summary]
        folded += points.map { "User said: \($0)" }
        var text = folded.joined(separator: " ")
        if text.count > summaryLimit { text = "…" + String(text.suffix(summaryLimit - 1)) }
        return text
    }

    static func firstSentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let end = trimmed.firstIndex { ".!?\n".contains($0) } ?? trimmed.endIndex
        return String(trimmed[..<end].prefix(160))
    }
}
