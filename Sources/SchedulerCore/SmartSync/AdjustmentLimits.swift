/// The bounds every adjustment must meet, whoever proposed it (a model or the offline interpreter).
public struct AdjustmentLimits: Equatable, Sendable {
    public var modifierRange: ClosedRange<Double>
    /// More adjustments than this is not an interpretation, it is noise (or an attack on the grid).
    public var maxAdjustments: Int
    public var maxReasonLength: Int
    /// Answers longer than this are refused before parsing.
    public var maxAnswerLength: Int

    public init(modifierRange: ClosedRange<Double> = 0.5...1.5, maxAdjustments: Int = 12,
                maxReasonLength: Int = 200, maxAnswerLength: Int = 16_000) {
        self.modifierRange = modifierRange
        self.maxAdjustments = maxAdjustments
        self.maxReasonLength = maxReasonLength
        self.maxAnswerLength = maxAnswerLength
    }
}

/// Why a proposed set of adjustments was refused; the text goes to the log and the sync record.
public enum AdjustmentError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooLong(Int)
    case notJSON
    case wrongShape(String)
    case tooMany(Int)
    case unknownKey(String)
    case missingKey(String)
    case unknownDay(String)
    case badHour(String)
    case tooManyHours(Int)
    case duplicateHour(Int)
    case modifierOutOfRange(Double)
    case badReason
    case duplicateAdjustment(Int)

    public var description: String {
        switch self {
        case .tooLong(let count): "answer of \(count) characters is too long"
        case .notJSON: "answer is not JSON"
        case .wrongShape(let what): "answer has the wrong shape: \(what)"
        case .tooMany(let count): "\(count) adjustments is too many"
        case .unknownKey(let key): "unknown key \"\(key.prefix(40))\""
        case .missingKey(let key): "missing key \"\(key)\""
        case .unknownDay(let day): "unknown day pattern \"\(day.prefix(40))\""
        case .badHour(let hour): "hour \(hour.prefix(40)) is not a whole number from 0 to 23"
        case .tooManyHours(let count): "\(count) hours is more than a day"
        case .duplicateHour(let hour): "hour \(hour) is listed twice"
        case .modifierOutOfRange(let value): "modifier \(value) is outside the allowed range"
        case .badReason: "reason is missing or too long"
        case .duplicateAdjustment(let index): "adjustment \(index + 1) repeats an earlier one"
        }
    }
}
