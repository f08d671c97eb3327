import Foundation

/// Tier 2: a kind of task a user does, which learns its own 168-hour week.
public struct TaskType: Equatable, Sendable {
    public var id: Int64?
    public var userID: String
    /// Lower-cased, whitespace-collapsed name; unique per user.
    public var name: String
    public var displayName: String
    public var category: TaskCategory
    public var habit: WeekGrid
    public var confidence: WeekGrid
    public var typicalDurationMinutes: Int
    public var cognitiveLoad: Double
    public var recoveryMinutes: Int
    public var completionCount: Int
    public var recentScheduleCount: Int
    public var lastSyncedAt: Date?

    /// A new type starts from its category's prior at low confidence.
    public init(userID: String, displayName: String, category: TaskCategory) {
        self.id = nil
        self.userID = userID
        self.name = TaskName.normalise(displayName)
        self.displayName = TaskName.display(displayName)
        self.category = category
        self.habit = CategoryPriors.habitGrid(for: category)
        self.confidence = WeekGrid(repeating: CategoryPriors.initialConfidence)
        self.typicalDurationMinutes = category.defaultDurationMinutes
        self.cognitiveLoad = category.defaultCognitiveLoad
        self.recoveryMinutes = category.defaultRecoveryMinutes
        self.completionCount = 0
        self.recentScheduleCount = 0
        self.lastSyncedAt = nil
    }

    public init(id: Int64?, userID: String, name: String, displayName: String, category: TaskCategory,
                habit: WeekGrid, confidence: WeekGrid, typicalDurationMinutes: Int, cognitiveLoad: Double,
                recoveryMinutes: Int, completionCount: Int, recentScheduleCount: Int, lastSyncedAt: Date?) {
        self.id = id
        self.userID = userID
        self.name = name
        self.displayName = displayName
        self.category = category
        self.habit = habit
        self.confidence = confidence
        self.typicalDurationMinutes = typicalDurationMinutes
        self.cognitiveLoad = cognitiveLoad
        self.recoveryMinutes = recoveryMinutes
        self.completionCount = completionCount
        self.recentScheduleCount = recentScheduleCount
        self.lastSyncedAt = lastSyncedAt
    }

    /// Whether the slot finder keeps a rest buffer after this task.
    public var needsRecovery: Bool { TaskType.restAfter(cognitiveLoad: cognitiveLoad, recoveryMinutes: recoveryMinutes) > 0 }

    /// Minutes the slot finder keeps free after a task: its recovery time when it is demanding, else none.
    public static func restAfter(cognitiveLoad: Double, recoveryMinutes: Int) -> Int {
        cognitiveLoad >= 0.7 && recoveryMinutes > 0 ? recoveryMinutes : 0
    }
}

public enum TaskName {
    /// Task names are labels, not essays; longer ones are refused so a paste never becomes a task type.
    public static let maxLength = 80

    /// The name without control and format characters (Unicode Cc and Cf: bidi overrides such as U+202E,
    /// zero-width marks), which could make one user's text display reversed or hidden; spaces collapsed.
    public static func clean(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { scalar in
            let category = scalar.properties.generalCategory
            return category != .control && category != .format
        }
        return String(String.UnicodeScalarView(kept)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The key that makes "Deep  Coding!" and "deep coding" the same type.
    public static func normalise(_ text: String) -> String {
        let kept = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }

    /// Title case for display ("deep coding" -> "Deep Coding"), keeping small joining words lower case
    /// after the first word and leaving words the user capitalised, or that start with a digit, as typed.
    public static func display(_ text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        return words.enumerated().map { index, word -> String in
            guard let first = word.first, first.isLowercase else { return String(word) }
            if index > 0, smallWords.contains(word.lowercased()) { return String(word) }
            return first.uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }

    static let smallWords: Set<String> = ["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "vs"]
}
