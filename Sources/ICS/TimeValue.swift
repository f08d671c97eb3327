import Foundation

/// A DATE or DATE-TIME property value (RFC 5545 §3.3.4, §3.3.5) as written, before any zone is applied.
public enum TimeValue: Hashable, Sendable, CustomStringConvertible {
    /// An all-day value: `20261124`.
    case date(CivilDate)
    /// A wall time with no zone: it means the same clock time wherever the reader is.
    case floating(CivilDateTime)
    /// `...Z`.
    case utc(CivilDateTime)
    /// A wall time in the zone named by TZID.
    case zoned(CivilDateTime, tzid: String)

    public var isDate: Bool { if case .date = self { true } else { false } }

    /// The wall time as written (midnight for a date).
    public var wallTime: CivilDateTime {
        switch self {
        case .date(let date): CivilDateTime(date: date)
        case .floating(let time), .utc(let time), .zoned(let time, _): time
        }
    }

    /// The same kind of value at another wall time (recurrences keep the zone of DTSTART).
    func with(wallTime: CivilDateTime) -> TimeValue {
        switch self {
        case .date: .date(wallTime.date)
        case .floating: .floating(wallTime)
        case .utc: .utc(wallTime)
        case .zoned(_, let tzid): .zoned(wallTime, tzid: tzid)
        }
    }

    public var description: String {
        switch self {
        case .date(let date): "\(date)"
        case .floating(let time): "\(time)"
        case .utc(let time): "\(time)Z"
        case .zoned(let time, let tzid): "\(time)[\(tzid)]"
        }
    }

    /// Reads `20261124`, `20261124T093000`, `20261124T093000Z`; `tzid` applies to a local date-time.
    static func parse(_ text: Substring, tzid: String?, valueIsDate: Bool) -> TimeValue? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let date = CivilDate.valid(year: year, month: month, day: day) else { return nil }
        if bytes.count == 8 { return .date(date) }
        guard !valueIsDate, bytes.count >= 15, bytes[8] == UInt8(ascii: "T"),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
              hour < 24, minute < 60, second <= 60 else { return nil }
        let time = CivilDateTime(date: date, hour: hour, minute: minute, second: min(second, 59))
        if bytes.count == 16, bytes[15] == UInt8(ascii: "Z") { return .utc(time) }
        guard bytes.count == 15 else { return nil }
        if let tzid { return .zoned(time, tzid: tzid) }
        return .floating(time)
    }
}

/// A zone's UTC offset at any instant: from the IANA database, a VTIMEZONE, or fixed.
public protocol ZoneRules: Sendable {
    /// Seconds east of UTC at the instant `utcSeconds` (seconds since 1970 UTC).
    func offset(atUTC utcSeconds: Int64) -> Int
}

/// An IANA zone through Foundation's copy of the tz database.
public struct SystemZone: ZoneRules {
    public let zone: TimeZone
    public init(_ zone: TimeZone) { self.zone = zone }
    public func offset(atUTC utcSeconds: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcSeconds)))
    }
}

public struct FixedZone: ZoneRules {
    public let seconds: Int
    public init(seconds: Int) { self.seconds = seconds }
    public func offset(atUTC utcSeconds: Int64) -> Int { seconds }
}

extension ZoneRules {
    /// The instant of a wall time in this zone. A wall time that occurs twice (clocks going back) is the first
    /// one; one that never occurs (clocks going forward) is read with the offset in force before the gap, so
    /// 02:30 on a spring-forward night is 03:30 (RFC 5545 §3.3.5).
    public func instant(of wall: CivilDateTime) -> Int64 {
        let local = wall.localSeconds
        let before = offset(atUTC: local - 86_400)
        let after = offset(atUTC: local + 86_400)
        var consistent: [Int64] = []
        for candidate in Set([before, after, offset(atUTC: local - Int64(before))]) {
            let utc = local - Int64(candidate)
            if offset(atUTC: utc) == candidate { consistent.append(utc) }
        }
        if let earliest = consistent.min() { return earliest }
        return local - Int64(before)
    }
}
