import Foundation

/// Reads a model's answer as adjustments: strict JSON, either an array or `{"adjustments": [...]}`,
/// with exactly the four known keys per item, then the shared validation. Anything else is refused whole.
public struct AdjustmentParser: Sendable {
    public var validator: AdjustmentValidator

    public init(limits: AdjustmentLimits = AdjustmentLimits()) {
        self.validator = AdjustmentValidator(limits: limits)
    }

    static let keys: Set<String> = ["day_pattern", "hour_range", "modifier", "reason"]

    public func parse(_ answer: String) -> Result<[SyncAdjustment], AdjustmentError> {
        guard answer.count <= validator.limits.maxAnswerLength else { return .failure(.tooLong(answer.count)) }
        guard let json = try? JSONDecoder().decode(StrictJSON.self, from: Data(Self.unfenced(answer).utf8)) else {
            return .failure(.notJSON)
        }
        do {
            let items = try list(json)
            guard items.count <= validator.limits.maxAdjustments else { return .failure(.tooMany(items.count)) }
            return validator.validate(try items.map(adjustment))
        } catch let error as AdjustmentError {
            return .failure(error)
        } catch {
            return .failure(.notJSON)
        }
    }

    /// Models often wrap JSON in one Markdown fence; that wrapper (and only that) is removed.
    static func unfenced(_ answer: String) -> String {
        var text = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("```"), text.hasSuffix("```"), text.count >= 6 else { return text }
        text = String(text.dropFirst(3).dropLast(3))
        if text.hasPrefix("json") { text = String(text.dropFirst(4)) }
        return text
    }

    private func list(_ json: StrictJSON) throws -> [StrictJSON] {
        switch json {
        case .array(let items): return items
        case .object(let fields):
            guard fields.count == 1, case .array(let items)? = fields["adjustments"] else {
                throw AdjustmentError.wrongShape("expected an array or {\"adjustments\": [...]}")
            }
            return items
        default: throw AdjustmentError.wrongShape("expected an array or {\"adjustments\": [...]}")
        }
    }

    private func adjustment(_ item: StrictJSON) throws -> SyncAdjustment {
        guard case .object(let fields) = item else { throw AdjustmentError.wrongShape("an adjustment is not an object") }
        if let extra = fields.keys.sorted().first(where: { !Self.keys.contains($0) }) { throw AdjustmentError.unknownKey(extra) }
        if let missing = Self.keys.sorted().first(where: { fields[$0] == nil }) { throw AdjustmentError.missingKey(missing) }
        guard case .string(let dayText)? = fields["day_pattern"] else { throw AdjustmentError.unknownDay("(not a string)") }
        guard let day = DayPattern(rawValue: dayText.lowercased()) else { throw AdjustmentError.unknownDay(dayText) }
        guard case .number(let modifier)? = fields["modifier"] else { throw AdjustmentError.wrongShape("modifier is not a number") }
        guard case .string(let reason)? = fields["reason"] else { throw AdjustmentError.badReason }
        return SyncAdjustment(dayPattern: day, hourRange: try hours(fields["hour_range"]), modifier: modifier, reason: reason)
    }

    private func hours(_ value: StrictJSON?) throws -> [Int] {
        guard case .array(let items)? = value else { throw AdjustmentError.wrongShape("hour_range is not an array") }
        guard items.count <= 24 else { throw AdjustmentError.tooManyHours(items.count) }
        return try items.map { item in
            guard case .number(let hour) = item, hour.isFinite, hour == hour.rounded(), (0...23).contains(hour) else {
                throw AdjustmentError.badHour(item.sketch)
            }
            return Int(hour)
        }
    }
}

/// Just enough JSON to tell a number from a boolean (Foundation bridges both to NSNumber).
enum StrictJSON: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([StrictJSON])
    case object([String: StrictJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([StrictJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: StrictJSON].self))
        }
    }

    /// A short rendering for error messages (never the whole value).
    var sketch: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .number(let value): String(value)
        case .string(let value): "\"\(value.prefix(20))\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
