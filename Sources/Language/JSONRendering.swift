import Foundation
import SharedValues

/// Writes the CLI's JSON lines field by field in a stable order, so the output is byte-for-byte reproducible;
/// strings are escaped by the one JSON writer every layer shares.
struct JSONObjectWriter {
    private var out = "{"
    private var first = true

    mutating func key(_ name: String) {
        if !first { out.append(",") }
        first = false
        out.append("\"\(name)\":")
    }

    mutating func string(_ name: String, _ value: String?) {
        key(name)
        guard let value else { out.append("null"); return }
        out.append(Self.quoted(value))
    }

    mutating func int(_ name: String, _ value: Int?) {
        key(name)
        out.append(value.map(String.init) ?? "null")
    }

    mutating func double(_ name: String, _ value: Double?) {
        key(name)
        guard let value else { out.append("null"); return }
        out.append(String((value * 1000).rounded() / 1000))
    }

    mutating func raw(_ name: String, _ json: String) {
        key(name)
        out.append(json)
    }

    func finished() -> String { out + "}" }

    static func quoted(_ value: String) -> String {
        var out = ""
        JSON.quote(value, into: &out)
        return out
    }
}

extension ResolvedTime {
    /// `{"start":"2026-11-24T15:00:00+01:00","end":null,"grain":"hour"}` in the zone's offsets.
    public func json(in zone: ZoneOffsets) -> String {
        var writer = JSONObjectWriter()
        writer.string("start", ISO8601.format(start, zone: zone))
        writer.string("end", end.map { ISO8601.format($0, zone: zone) })
        writer.string("grain", grain.rawValue)
        if let open { writer.string("open", open.rawValue) }
        return writer.finished()
    }
}

extension TimeScan {
    /// The `parse-time` line: the time, or `{"error":"no time found"}`; a duration adds `duration_minutes`.
    /// An impossible value adds `"problem"` (e.g. "25:00 is not a time"), `"problem_kind"` and `"problem_value"`;
    /// `explain` adds `"rules"`, the grammar rules that built the answer.
    public func json(in zone: ZoneOffsets, explain: Bool = false) -> String {
        var base: String
        if let time {
            base = time.json(in: zone)
            if let durationMinutes { base = String(base.dropLast()) + ",\"duration_minutes\":\(durationMinutes)}" }
        } else {
            var writer = JSONObjectWriter()
            writer.string("error", "no time found")
            if let durationMinutes { writer.int("duration_minutes", durationMinutes) }
            base = writer.finished()
        }
        guard let problem = problems.first else { return explain ? withRules(base) : base }
        var extra = JSONObjectWriter()
        extra.string("problem", problem.description)
        extra.string("problem_kind", problem.kind.rawValue)
        extra.string("problem_value", problem.value)
        let fields = extra.finished().dropFirst().dropLast()
        base = String(base.dropLast()) + "," + fields + "}"
        return explain ? withRules(base) : base
    }

    private func withRules(_ json: String) -> String {
        let list = "[" + ruleNames.map(JSONObjectWriter.quoted).joined(separator: ",") + "]"
        return String(json.dropLast()) + ",\"rules\":" + list + "}"
    }
}

extension Reading {
    /// The `parse` line: the contract fields in a fixed order, then optional extras when set.
    public func json(in zone: ZoneOffsets) -> String {
        var writer = JSONObjectWriter()
        let fields = command.fields
        writer.string("intent", intent.rawValue)
        writer.string("task", fields.task)
        writer.raw("when", fields.when.map { $0.json(in: zone) } ?? "null")
        writer.int("duration_minutes", fields.durationMinutes)
        writer.double("rating", fields.rating)
        writer.string("note", fields.note)
        switch command {
        case .agenda(let request):
            writer.string("agenda_scope", request.scope.rawValue)
        case .move(let request):
            if let from = request.from { writer.raw("from", from.json(in: zone)) }
            if let shift = request.shift {
                var object = JSONObjectWriter()
                object.int("amount", shift.amount)
                object.string("unit", shift.unit.rawValue)
                writer.raw("shift", object.finished())
            }
        case .timezone(let name):
            writer.string("timezone", name)
        case .unreadable(let unreadable):
            if case .unknownTimeZone(let name) = unreadable.problem { writer.string("timezone", name) }
        case .available(let request):
            var available = JSONObjectWriter()
            available.raw("days", "[" + request.weekdays.map(String.init).joined(separator: ",") + "]")
            available.int("from_minute", request.fromMinute)
            available.int("to_minute", request.toMinute)
            writer.raw("available", available.finished())
        default:
            break
        }
        if let correction { writer.string("correction", correction) }
        if case .unreadable(let unreadable) = command { writer.string("problem", unreadable.message) }
        return writer.finished()
    }
}
