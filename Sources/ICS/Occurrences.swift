import Foundation

/// One occurrence of an event in real time.
public struct Occurrence: Sendable, Hashable {
    public var uid: String
    public var title: String
    public var start: Date
    public var end: Date
    public var isAllDay: Bool
    /// Blocks time (not cancelled, not TRANSP:TRANSPARENT).
    public var isBusy: Bool
    /// The start the series rule gave this occurrence (equal to `start` unless an override moved it).
    public var seriesStart: Date?
}

/// Turns a read calendar into occurrences over a window: rules expanded, EXDATEs removed, RECURRENCE-ID
/// overrides applied, times resolved through the IANA database, the file's own VTIMEZONEs, or the reader's zone.
public struct CalendarExpander: Sendable {
    public let calendar: ParsedCalendar
    /// The zone for floating times and all-day dates: the user's.
    public let floatingZone: TimeZone
    private let zones: ZoneTable

    public init(calendar: ParsedCalendar, floatingZone: TimeZone) {
        self.calendar = calendar
        self.floatingZone = floatingZone
        zones = ZoneTable(defined: calendar.timeZones, floating: SystemZone(floatingZone))
    }

    /// Every occurrence that overlaps `window` (a zero-length one counts when it starts inside), by start.
    public func occurrences(in window: DateInterval) -> [Occurrence] {
        let overrides = Dictionary(grouping: calendar.events.filter { $0.recurrenceID != nil }, by: \.uid)
        var result: [Occurrence] = []
        for event in calendar.events where event.recurrenceID == nil {
            let replaced = Set((overrides[event.uid] ?? []).compactMap { $0.recurrenceID.map(instant) })
            for occurrence in seriesOccurrences(of: event, in: window) {
                guard let original = occurrence.seriesStart, !replaced.contains(Int64(original.timeIntervalSince1970)) else { continue }
                result.append(occurrence)
            }
        }
        for override in calendar.events where override.recurrenceID != nil {
            let occurrence = makeOccurrence(override, wallStart: override.start.wallTime)
            if overlaps(occurrence, window) { result.append(occurrence) }
        }
        return result.sorted { ($0.start, $0.end, $0.uid) < ($1.start, $1.end, $1.uid) }
    }

    /// The busy ones only.
    public func busyOccurrences(in window: DateInterval) -> [Occurrence] { occurrences(in: window).filter(\.isBusy) }

    func seriesOccurrences(of event: CalendarEvent, in window: DateInterval) -> [Occurrence] {
        var walls: [CivilDateTime] = [event.start.wallTime]
        let rules = zones.rules(for: event.start)
        if let rule = event.rule {
            let span = max(0, Int64(spanSeconds(event)))
            // Wall bounds a day wider than the window: no offset exceeds ±14 h.
            let limit = CivilDateTime(localSeconds: Int64(window.end.timeIntervalSince1970) + 86_400)
            let earliest = CivilDateTime(localSeconds: Int64(window.start.timeIntervalSince1970) - 86_400 - span)
            walls = RuleExpansion(rule: rule, start: event.start.wallTime)
                .wallTimes(through: limit, notBefore: earliest) { wall in withinUntil(wall, rule.until, start: event.start, rules) }
            // DTSTART is always an instance (RFC 5545 §3.8.5.3). When the rule itself would not produce it, COUNT still
            // counts the rule's own instances, as dateutil and recurring-ical-events do: one extra busy block at
            // worst, never a meeting left out.
            if !walls.contains(event.start.wallTime) { walls.insert(event.start.wallTime, at: 0) }
        }
        var starts = walls.map { (wall: $0, at: rules.instant(of: $0)) }
        for extra in event.extraDates {
            let at = zones.rules(for: extra).instant(of: extra.wallTime)
            starts.append((wall: CivilDateTime(localSeconds: at + Int64(rules.offset(atUTC: at))), at: at))
        }
        let excluded = Set(event.exceptionDates.map(instant))
        let excludedDays = Set(event.exceptionDates.filter(\.isDate).map(\.wallTime.date))
        var seen = Set<Int64>()
        var result: [Occurrence] = []
        for start in starts.sorted(by: { $0.at < $1.at }) where seen.insert(start.at).inserted {
            if excluded.contains(start.at) || (!event.start.isDate && excludedDays.contains(start.wall.date)) { continue }
            let occurrence = makeOccurrence(event, wallStart: start.wall)
            if overlaps(occurrence, window) { result.append(occurrence) }
        }
        return result
    }

    private func makeOccurrence(_ event: CalendarEvent, wallStart: CivilDateTime) -> Occurrence {
        let rules = zones.rules(for: event.start)
        let startAt = rules.instant(of: wallStart)
        let endAt: Int64
        if let end = event.end, end.hasSameZone(as: event.start) {
            // Same zone: the length is kept on the wall clock, as calendar apps show it.
            let wallEnd = CivilDateTime(localSeconds: wallStart.localSeconds + end.wallTime.localSeconds - event.start.wallTime.localSeconds)
            endAt = rules.instant(of: wallEnd)
        } else if let end = event.end {
            endAt = startAt + (instant(end) - instant(event.start))
        } else {
            let duration = event.duration ?? NominalDuration(days: event.start.isDate ? 1 : 0)
            let wallEnd = CivilDateTime(localSeconds: wallStart.localSeconds + Int64(duration.days) * 86_400)
            endAt = rules.instant(of: wallEnd) + Int64(duration.seconds)
        }
        let seriesStart: Date = event.recurrenceID.map { Date(timeIntervalSince1970: TimeInterval(instant($0))) }
            ?? Date(timeIntervalSince1970: TimeInterval(startAt))
        return Occurrence(uid: event.uid, title: event.summary, start: Date(timeIntervalSince1970: TimeInterval(startAt)),
                          end: Date(timeIntervalSince1970: TimeInterval(max(endAt, startAt))), isAllDay: event.start.isDate,
                          isBusy: event.isBusy, seriesStart: seriesStart)
    }

    private func spanSeconds(_ event: CalendarEvent) -> Int {
        if let end = event.end { return Int(instant(end) - instant(event.start)) }
        let duration = event.duration ?? NominalDuration(days: event.start.isDate ? 1 : 0)
        return duration.days * 86_400 + duration.seconds
    }

    private func overlaps(_ occurrence: Occurrence, _ window: DateInterval) -> Bool {
        occurrence.start < window.end && (occurrence.end > window.start || (occurrence.end == occurrence.start && occurrence.start >= window.start))
    }

    private func instant(_ value: TimeValue) -> Int64 { zones.rules(for: value).instant(of: value.wallTime) }

    private func withinUntil(_ wall: CivilDateTime, _ until: TimeValue?, start: TimeValue, _ rules: any ZoneRules) -> Bool {
        guard let until else { return true }
        switch (until, start) {
        case (.date(let day), _): return wall.date <= day
        case (_, .date): return wall.date <= until.wallTime.date
        case (.utc(let utc), .zoned), (.utc(let utc), .utc): return rules.instant(of: wall) <= utc.localSeconds
        default: return wall <= until.wallTime
        }
    }
}

extension TimeValue {
    func hasSameZone(as other: TimeValue) -> Bool {
        switch (self, other) {
        case (.date, .date), (.floating, .floating), (.utc, .utc): true
        case (.zoned(_, let a), .zoned(_, let b)): a == b
        default: false
        }
    }
}

/// Resolves a TZID: the IANA name first (what calendar apps write), then the file's VTIMEZONE, then a Windows
/// zone name, else the reader's own zone.
struct ZoneTable: Sendable {
    let defined: [String: VTimeZone]
    let floating: SystemZone
    private let system: [String: SystemZone]

    init(defined: [String: VTimeZone], floating: SystemZone) {
        self.defined = defined
        self.floating = floating
        var system: [String: SystemZone] = [:]
        for tzid in defined.keys { if let zone = ZoneTable.iana(tzid) { system[tzid] = SystemZone(zone) } }
        self.system = system
    }

    func rules(for value: TimeValue) -> any ZoneRules {
        switch value {
        case .date, .floating: return floating
        case .utc: return FixedZone(seconds: 0)
        case .zoned(_, let tzid):
            if let known = system[tzid] { return known }
            if let zone = defined[tzid] { return zone }
            if let zone = ZoneTable.iana(tzid) { return SystemZone(zone) }
            return floating
        }
    }

    static func iana(_ tzid: String) -> TimeZone? {
        if tzid.contains("/") || tzid == "UTC" || tzid == "GMT", let zone = TimeZone(identifier: tzid) { return zone }
        return WindowsZones.iana[tzid].flatMap(TimeZone.init(identifier:))
    }
}
