import Foundation
import SharedValues

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
        guard let json = try? JSON.parse(Self.unfenced(answer)) else {
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

    private func list(_ json: JSON) throws -> [JSON] {
        switch json {
        case .array(let items): return items
        case .object(let members):
            guard members.count == 1, case .array(let items)? = json["adjustments"] else {
                throw AdjustmentError.wrongShape("expected an array or {\"adjustments\": [...]}")
            }
            return items
        default: throw AdjustmentError.wrongShape("expected an array or {\"adjustments\": [...]}")
        }
    }

    private func adjustment(_ item: JSON) throws -> SyncAdjustment {
        guard let fields = item.object else { throw AdjustmentError.wrongShape("an adjustment is not an object") }
        if let extra = fields.keys.sorted().first(where: { !Self.keys.contains($0) }) { throw AdjustmentError.unknownKey(extra) }
        if let missing = Self.keys.sorted().first(where: { fields[$0] == nil }) { throw AdjustmentError.missingKey(missing) }
        guard case .string(let dayText)? = fields["day_pattern"] else { throw AdjustmentError.unknownDay("(not a string)") }
        guard let day = DayPattern(rawValue: dayText.lowercased()) else { throw AdjustmentError.unknownDay(dayText) }
        guard let modifier = fields["modifier"]?.double else { throw AdjustmentError.wrongShape("modifier is not a number") }
        guard case .string(let reason)? = fields["reason"] else { throw AdjustmentError.badReason }
        return SyncAdjustment(dayPattern: day, hourRange: try hours(fields["hour_range"]), modifier: modifier, reason: reason)
    }

    private func hours(_ value: JSON?) throws -> [Int] {
        guard case .array(let items)? = value else { throw AdjustmentError.wrongShape("hour_range is not an array") }
        guard items.count <= 24 else { throw AdjustmentError.tooManyHours(items.count) }
        return try items.map { item in
            guard let hour = item.int, (0...23).contains(hour) else { throw AdjustmentError.badHour(item.sketch) }
            return hour
        }
    }
}

extension JSON {
    /// A short rendering for error messages (never the whole value).
    var sketch: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .integer(let value): String(Double(value))
        case .number(let value): String(value)
        case .string(let value): "\"\(value.prefix(20))\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
