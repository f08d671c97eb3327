/// The three kinds of work the design distinguishes; each starts from its own prior week.
public enum TaskCategory: String, Sendable, Codable, CaseIterable {
    case focused, collaborative, administrative

    /// How demanding a new task of this category is assumed to be, until learned otherwise.
    public var defaultCognitiveLoad: Double {
        switch self {
        case .focused: 0.8
        case .collaborative: 0.5
        case .administrative: 0.3
        }
    }

    /// Minutes of rest assumed after a demanding task (only applied at cognitive load >= 0.7).
    public var defaultRecoveryMinutes: Int {
        switch self {
        case .focused: 30
        case .collaborative: 15
        case .administrative: 0
        }
    }

    public var defaultDurationMinutes: Int {
        switch self {
        case .focused: 90
        case .collaborative: 30
        case .administrative: 30
        }
    }
}

/// Prior habit curves for new task types, before anything is learned.
///
/// Hour-by-hour values (index = local hour). Weekends are scaled down by `weekendFactor`
/// because most people schedule less work then; learning moves them freely.
/// - focused: rises from 07:00, peaks 09:00-11:00 (0.90), dips after lunch, fades in the evening.
/// - collaborative: peaks late morning (10:00-11:00, 0.80) and early afternoon (13:00-15:00, 0.80).
/// - administrative: low in the morning, peaks in the afternoon 14:00-16:00 (0.80).
public enum CategoryPriors {
    public static let weekendFactor = 0.75
    public static let initialConfidence = 0.1

    public static func dailyCurve(for category: TaskCategory) -> [Double] {
        switch category {
        case .focused:
            return [0.05, 0.03, 0.02, 0.02, 0.02, 0.05, 0.15, 0.35, 0.60, 0.85, 0.90, 0.85,
                    0.55, 0.45, 0.60, 0.60, 0.50, 0.35, 0.25, 0.20, 0.15, 0.10, 0.08, 0.05]
        case .collaborative:
            return [0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.05, 0.15, 0.45, 0.65, 0.80, 0.80,
                    0.50, 0.80, 0.80, 0.75, 0.55, 0.35, 0.15, 0.10, 0.05, 0.03, 0.02, 0.02]
        case .administrative:
            return [0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.05, 0.15, 0.35, 0.45, 0.50, 0.55,
                    0.50, 0.65, 0.80, 0.80, 0.75, 0.60, 0.40, 0.30, 0.20, 0.10, 0.05, 0.02]
        }
    }

    public static func habitGrid(for category: TaskCategory) -> WeekGrid {
        let factors = [weekendFactor, 1, 1, 1, 1, 1, weekendFactor]
        return WeekGrid(dailyCurve: dailyCurve(for: category), weekdayFactors: factors)
    }
}
