import Foundation

/// Reads an iCalendar stream (RFC 5545) into events and time zones. Unknown components and properties are
/// skipped; anything that would change which times are busy and cannot be read is an error naming its line.
public enum CalendarReader {
    public static func read(_ text: String) throws(CalendarParseError) -> ParsedCalendar {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard body.drop(while: \.isWhitespace).prefix(15).uppercased() == "BEGIN:VCALENDAR" else {
            throw CalendarParseError(line: 1, reason: "this is not an iCalendar file (it does not start with BEGIN:VCALENDAR)")
        }
        let lines = try ContentLineReader.lines(of: body)
        let roots = try ComponentTree.build(lines)
        guard let calendar = roots.first(where: { $0.name == "VCALENDAR" }) else {
            throw CalendarParseError(line: lines.first?.lineNumber ?? 1, reason: "no BEGIN:VCALENDAR found; this is not an iCalendar file")
        }
        var zones: [String: VTimeZone] = [:]
        var events: [CalendarEvent] = []
        var unsupported: [String: Int] = [:]
        for child in calendar.children {
            switch child.name {
            case "VTIMEZONE":
                let zone = try timeZone(child)
                zones[zone.tzid] = zone
            case "VEVENT":
                let event = try self.event(child)
                events.append(event)
                for part in event.rule?.unsupportedParts ?? [] { unsupported[part, default: 0] += 1 }
            default:
                continue
            }
        }
        return ParsedCalendar(events: events, timeZones: zones, unsupported: unsupported)
    }

    static func event(_ component: Component) throws(CalendarParseError) -> CalendarEvent {
        guard let startLine = component.first("DTSTART") else {
            throw CalendarParseError(line: component.line, reason: "this VEVENT has no DTSTART")
        }
        let start = try time(startLine)
        let uid = component.first("UID").map(\.value) ?? "line-\(component.line)"
        var event = CalendarEvent(uid: uid, summary: TextValue.unescape(component.first("SUMMARY")?.value ?? ""),
                                  start: start, line: component.line)
        if let endLine = component.first("DTEND") {
            let end = try time(endLine)
            event.end = end
        } else if let durationLine = component.first("DURATION") {
            guard let duration = NominalDuration.parse(durationLine.value) else {
                throw CalendarParseError(line: durationLine.lineNumber, reason: "DURATION \"\(durationLine.value)\" is not a duration")
            }
            event.duration = duration
        }
        if let ruleLine = component.first("RRULE") {
            do {
                event.rule = try RecurrenceRule.parse(ruleLine.value)
            } catch {
                throw CalendarParseError(line: ruleLine.lineNumber, reason: "RRULE: \(error.reason)")
            }
        }
        for line in component.all("RDATE") { event.extraDates += try times(line) }
        for line in component.all("EXDATE") { event.exceptionDates += try times(line) }
        if let recurrenceLine = component.first("RECURRENCE-ID") { event.recurrenceID = try time(recurrenceLine) }
        event.isCancelled = component.first("STATUS")?.value.uppercased() == "CANCELLED"
        event.isTransparent = component.first("TRANSP")?.value.uppercased() == "TRANSPARENT"
        event.sequence = component.first("SEQUENCE").flatMap { Int($0.value) } ?? 0
        return event
    }

    static func time(_ line: ContentLine) throws(CalendarParseError) -> TimeValue {
        guard let value = try times(line).first else {
            throw CalendarParseError(line: line.lineNumber, reason: "\(line.name) has no value")
        }
        return value
    }

    /// A list value (EXDATE and RDATE may hold several, comma-separated; a PERIOD counts from its start).
    static func times(_ line: ContentLine) throws(CalendarParseError) -> [TimeValue] {
        let tzid = line.parameter("TZID").map(normalisedTZID)
        let isDate = line.parameter("VALUE")?.uppercased() == "DATE"
        var values: [TimeValue] = []
        for piece in line.value.split(separator: ",") {
            let start = piece.split(separator: "/", maxSplits: 1).first ?? piece
            guard let value = TimeValue.parse(start, tzid: tzid, valueIsDate: isDate) else {
                throw CalendarParseError(line: line.lineNumber, reason: "\(line.name) \"\(piece)\" is not a date or date-time")
            }
            values.append(value)
        }
        return values
    }

    /// Some producers write TZIDs as paths ("/mozilla.org/20050126_1/Europe/Berlin") or quoted.
    static func normalisedTZID(_ raw: String) -> String {
        var tzid = raw.trimmingCharacters(in: ["\""])
        if tzid.hasPrefix("/") {
            let parts = tzid.split(separator: "/")
            if parts.count >= 2, let area = parts.firstIndex(where: { ["Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific", "Etc"].contains($0) }) {
                tzid = parts[area...].joined(separator: "/")
            } else {
                tzid = String(tzid.dropFirst())
            }
        }
        return tzid
    }

    static func timeZone(_ component: Component) throws(CalendarParseError) -> VTimeZone {
        guard let tzid = component.first("TZID")?.value else {
            throw CalendarParseError(line: component.line, reason: "this VTIMEZONE has no TZID")
        }
        var observances: [VTimeZone.Observance] = []
        for child in component.children where child.name == "STANDARD" || child.name == "DAYLIGHT" {
            guard let startLine = child.first("DTSTART"), let from = child.first("TZOFFSETFROM"), let to = child.first("TZOFFSETTO") else {
                throw CalendarParseError(line: child.line, reason: "\(child.name) needs DTSTART, TZOFFSETFROM and TZOFFSETTO")
            }
            guard let offsetFrom = VTimeZone.parseOffset(from.value) else {
                throw CalendarParseError(line: from.lineNumber, reason: "TZOFFSETFROM \"\(from.value)\" is not an offset like +0100")
            }
            guard let offsetTo = VTimeZone.parseOffset(to.value) else {
                throw CalendarParseError(line: to.lineNumber, reason: "TZOFFSETTO \"\(to.value)\" is not an offset like +0100")
            }
            var rule: RecurrenceRule?
            if let ruleLine = child.first("RRULE") {
                do { rule = try RecurrenceRule.parse(ruleLine.value) } catch {
                    throw CalendarParseError(line: ruleLine.lineNumber, reason: "RRULE: \(error.reason)")
                }
            }
            var extra: [CivilDateTime] = []
            for line in child.all("RDATE") { extra += try times(line).map(\.wallTime) }
            observances.append(.init(start: try time(startLine).wallTime, offsetFrom: offsetFrom, offsetTo: offsetTo,
                                     rule: rule, extraDates: extra))
        }
        return VTimeZone(tzid: normalisedTZID(tzid), observances: observances)
    }
}

/// BEGIN/END nesting of content lines.
struct Component {
    var name: String
    var line: Int
    var properties: [ContentLine] = []
    var children: [Component] = []

    func first(_ name: String) -> ContentLine? { properties.first { $0.name == name } }
    func all(_ name: String) -> [ContentLine] { properties.filter { $0.name == name } }
}

enum ComponentTree {
    static func build(_ lines: [ContentLine]) throws(CalendarParseError) -> [Component] {
        var stack: [Component] = []
        var roots: [Component] = []
        for line in lines {
            switch line.name {
            case "BEGIN":
                stack.append(Component(name: line.value.uppercased(), line: line.lineNumber))
            case "END":
                let name = line.value.uppercased()
                guard let open = stack.popLast() else {
                    throw CalendarParseError(line: line.lineNumber, reason: "END:\(name) without a matching BEGIN")
                }
                guard open.name == name else {
                    throw CalendarParseError(line: line.lineNumber, reason: "END:\(name) closes BEGIN:\(open.name) from line \(open.line)")
                }
                if stack.isEmpty { roots.append(open) } else { stack[stack.count - 1].children.append(open) }
            default:
                guard !stack.isEmpty else {
                    throw CalendarParseError(line: line.lineNumber, reason: "\(line.name) stands outside any BEGIN:VCALENDAR")
                }
                stack[stack.count - 1].properties.append(line)
            }
        }
        if let open = stack.last {
            throw CalendarParseError(line: open.line, reason: "BEGIN:\(open.name) is never closed (the file may be cut off)")
        }
        return roots
    }
}
