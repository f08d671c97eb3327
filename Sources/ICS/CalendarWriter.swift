import Foundation

/// One event of a published feed.
public struct FeedEvent: Sendable, Hashable {
    /// Stable for the life of the event, across moves and cancellation.
    public var uid: String
    public var title: String
    public var start: Date
    public var end: Date
    /// Bumped by the publisher on every move or status change.
    public var sequence: Int
    public var isCancelled: Bool
    public var lastModified: Date?
    public var description: String?

    public init(uid: String, title: String, start: Date, end: Date, sequence: Int = 0, isCancelled: Bool = false,
                lastModified: Date? = nil, description: String? = nil) {
        self.uid = uid
        self.title = title
        self.start = start
        self.end = end
        self.sequence = sequence
        self.isCancelled = isCancelled
        self.lastModified = lastModified
        self.description = description
    }
}

/// Writes a VCALENDAR (RFC 5545): CRLF lines folded at 75 octets, TEXT escaped, times with TZID and a matching
/// VTIMEZONE built from the IANA transitions the events span (or in UTC for UTC and zones without changes).
public struct CalendarWriter: Sendable {
    public var productID: String
    public var name: String?
    public var timeZone: TimeZone

    public init(productID: String = "-//scheduler-bot//scheduler-bot//EN", name: String? = nil, timeZone: TimeZone = .gmt) {
        self.productID = productID
        self.name = name
        self.timeZone = timeZone
    }

    public func document(_ events: [FeedEvent], stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + TextValue.escape(productID), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if let name { lines += ["X-WR-CALNAME:" + TextValue.escape(name), "NAME:" + TextValue.escape(name)] }
        let zoned = usesTZID(for: events)
        if zoned, let first = events.map(\.start).min(), let last = events.map(\.end).max() {
            lines += timeZoneLines(from: first, to: last)
        }
        for event in events.sorted(by: { ($0.start, $0.uid) < ($1.start, $1.uid) }) {
            lines += eventLines(event, stamp: stamp, zoned: zoned)
        }
        lines.append("END:VCALENDAR")
        return lines.map(LineFolding.fold).joined(separator: "\r\n") + "\r\n"
    }

    private func usesTZID(for events: [FeedEvent]) -> Bool {
        guard !events.isEmpty, timeZone.identifier != "UTC", timeZone.identifier != "GMT" else { return false }
        return true
    }

    private func eventLines(_ event: FeedEvent, stamp: Date, zoned: Bool) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:" + TextValue.escape(event.uid), "DTSTAMP:" + CalendarWriter.utc(stamp)]
        lines.append(timeLine("DTSTART", event.start, zoned: zoned))
        lines.append(timeLine("DTEND", max(event.end, event.start), zoned: zoned))
        lines.append("SEQUENCE:\(event.sequence)")
        lines.append("SUMMARY:" + TextValue.escape(event.title))
        if let description = event.description { lines.append("DESCRIPTION:" + TextValue.escape(description)) }
        lines.append("STATUS:" + (event.isCancelled ? "CANCELLED" : "CONFIRMED"))
        lines.append("TRANSP:" + (event.isCancelled ? "TRANSPARENT" : "OPAQUE"))
        if let modified = event.lastModified { lines.append("LAST-MODIFIED:" + CalendarWriter.utc(modified)) }
        lines.append("END:VEVENT")
        return lines
    }

    private func timeLine(_ name: String, _ date: Date, zoned: Bool) -> String {
        guard zoned else { return name + ":" + CalendarWriter.utc(date) }
        let local = Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(timeZone.secondsFromGMT(for: date))
        return "\(name);TZID=\(timeZone.identifier):" + CalendarWriter.format(.floating(CivilDateTime(localSeconds: local)))
    }

    /// One STANDARD or DAYLIGHT observance per offset change in force during [from, to], plus the one in force at
    /// `from`, so every written time resolves to the same instant in any reader.
    private func timeZoneLines(from: Date, to: Date) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + timeZone.identifier]
        let anchor = Int64(from.timeIntervalSince1970) - 366 * 86_400
        var cursor = Date(timeIntervalSince1970: TimeInterval(anchor))
        let firstOffset = timeZone.secondsFromGMT(for: cursor)
        lines += observance(daylight: timeZone.isDaylightSavingTime(for: cursor), at: anchor, offsetFrom: firstOffset,
                            offsetTo: firstOffset, name: timeZone.abbreviation(for: cursor))
        let end = to.addingTimeInterval(366 * 86_400)
        var previous = timeZone.secondsFromGMT(for: cursor)
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let offset = timeZone.secondsFromGMT(for: next)
            lines += observance(daylight: timeZone.isDaylightSavingTime(for: next), at: Int64(next.timeIntervalSince1970),
                                offsetFrom: previous, offsetTo: offset, name: timeZone.abbreviation(for: next))
            previous = offset
            cursor = next
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    private func observance(daylight: Bool, at utc: Int64, offsetFrom: Int, offsetTo: Int, name: String?) -> [String] {
        let kind = daylight ? "DAYLIGHT" : "STANDARD"
        var lines = ["BEGIN:" + kind, "DTSTART:" + CalendarWriter.format(.floating(CivilDateTime(localSeconds: utc + Int64(offsetFrom)))),
                     "TZOFFSETFROM:" + CalendarWriter.offset(offsetFrom), "TZOFFSETTO:" + CalendarWriter.offset(offsetTo)]
        if let name { lines.append("TZNAME:" + TextValue.escape(name)) }
        lines.append("END:" + kind)
        return lines
    }

    static func utc(_ date: Date) -> String {
        format(.utc(CivilDateTime(localSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))))
    }

    static func offset(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        var text = (seconds < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + pad(magnitude % 3600 / 60, 2)
        if magnitude % 60 != 0 { text += pad(magnitude % 60, 2) }
        return text
    }

    /// The value as written in a property (`20261124`, `20261124T093000`, `20261124T093000Z`).
    public static func format(_ value: TimeValue) -> String {
        let date = value.wallTime.date
        let day = pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2)
        guard !value.isDate else { return day }
        let time = value.wallTime
        let clock = "T" + pad(time.hour, 2) + pad(time.minute, 2) + pad(time.second, 2)
        if case .utc = value { return day + clock + "Z" }
        return day + clock
    }
}
