import Foundation
import SharedValues

extension ResolvedTime {
    /// `{"start":"2026-11-24T15:00:00+01:00","end":null,"grain":"hour"}` in the zone's offsets.
    public func json(in zone: ZoneOffsets) -> String { value(in: zone).text }

    func value(in zone: ZoneOffsets) -> JSON {
        ["start": .string(ISO8601.format(start, zone: zone)), "end": end.map { ISO8601.format($0, zone: zone) }.json,
         "grain": .string(grain.rawValue)]
    }
}

extension TimeScan {
    /// The `parse-time` line: the time, or `{"error":"no time found"}`; a duration adds `duration_minutes`.
    public func json(in zone: ZoneOffsets) -> String {
        var members: [(String, JSON)]
        if let time, case .object(let timeMembers) = time.value(in: zone) {
            members = timeMembers
        } else {
            members = [("error", "no time found")]
        }
        if let durationMinutes { members.append(("duration_minutes", .integer(durationMinutes))) }
        return JSON.object(members).text
    }
}

extension Reading {
    /// The `parse` line: the contract fields in a fixed order, then optional extras when set.
    public func json(in zone: ZoneOffsets) -> String {
        let fields = command.fields
        var members: [(String, JSON)] = [
            ("intent", .string(intent.rawValue)),
            ("task", fields.task.json),
            ("when", fields.when.map { $0.value(in: zone) } ?? .null),
            ("duration_minutes", fields.durationMinutes.map(JSON.integer) ?? .null),
            ("rating", fields.rating.map { .number(($0 * 1000).rounded() / 1000) } ?? .null),
            ("note", fields.note.json),
        ]
        switch command {
        case .agenda(let request):
            members.append(("agenda_scope", .string(request.scope.rawValue)))
        case .timezone(let name):
            members.append(("timezone", .string(name)))
        case .unreadable(let unreadable):
            if case .unknownTimeZone(let name) = unreadable.problem { members.append(("timezone", .string(name))) }
        case .available(let request):
            members.append(("available", [
                "days": .array(request.weekdays.map(JSON.integer)),
                "from_minute": .integer(request.fromMinute),
                "to_minute": .integer(request.toMinute),
            ]))
        default:
            break
        }
        if let correction { members.append(("correction", .string(correction))) }
        if case .unreadable(let unreadable) = command { members.append(("problem", .string(unreadable.message))) }
        return JSON.object(members).text
    }
}
