import Foundation

/// Hand-written ISO-8601 reading and writing (DateFormatter is slow on Linux).
public enum ISO8601 {
    /// Reads "2026-11-23T08:00:00+01:00", "...Z", "2026-11-23T08:00" (local to `zone`), fractions ignored.
    public static func parse(_ text: String, zone: ZoneOffsets? = nil) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for b in bytes[index..<(index + count)] {
                guard b >= 48 && b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            index += count
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")),
              let day = digits(2), (1...12).contains(month), (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        var seconds = 0
        if index < bytes.count {
            guard expect(UInt8(ascii: "T")) || expect(UInt8(ascii: " ")), let hour = digits(2), expect(UInt8(ascii: ":")),
                  let minute = digits(2), hour < 24, minute < 60 else { return nil }
            seconds = hour * 3600 + minute * 60
            if expect(UInt8(ascii: ":")) {
                guard let second = digits(2), second < 61 else { return nil }
                seconds += second
                if expect(UInt8(ascii: ".")) || expect(UInt8(ascii: ",")) {
                    while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                }
            }
        }
        let local = CivilCalendar.dayNumber(year: year, month: month, day: day) * 86_400 + seconds
        if index == bytes.count {
            guard let zone else { return Date(timeIntervalSince1970: TimeInterval(local)) }
            return Date(timeIntervalSince1970: TimeInterval(zone.utc(fromLocal: local)))
        }
        guard let offset = parseOffset(String(decoding: bytes[index...], as: UTF8.self)) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(local - offset))
    }

    /// "Z", "+01:00", "-0230", "+05" as seconds east of UTC.
    public static func parseOffset(_ text: String) -> Int? {
        if text == "Z" || text == "z" { return 0 }
        let bytes = Array(text.utf8)
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard (digits.count == 2 || digits.count == 4 || digits.count == 1),
              digits.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              bytes.dropFirst().filter({ $0 == UInt8(ascii: ":") }).count <= 1 else { return nil }
        let numbers = digits.map { Int($0 - 48) }
        let hours = numbers.count == 1 ? numbers[0] : numbers[0] * 10 + numbers[1]
        let minutes = numbers.count == 4 ? numbers[2] * 10 + numbers[3] : 0
        guard hours <= 18, minutes < 60 else { return nil }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// "2026-11-24T15:00:00+01:00", with the zone's offset at that instant.
    public static func format(_ date: Date, zone: ZoneOffsets) -> String {
        let utc = Int(date.timeIntervalSince1970.rounded(.down))
        let offset = zone.offset(atUTC: utc)
        let local = utc + offset
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - day * 86_400
        let (y, m, d) = CivilCalendar.date(ofDay: day)
        var out: [UInt8] = []
        out.reserveCapacity(25)
        append(y, width: 4, to: &out); out.append(UInt8(ascii: "-"))
        append(m, width: 2, to: &out); out.append(UInt8(ascii: "-"))
        append(d, width: 2, to: &out); out.append(UInt8(ascii: "T"))
        append(secondOfDay / 3600, width: 2, to: &out); out.append(UInt8(ascii: ":"))
        append(secondOfDay / 60 % 60, width: 2, to: &out); out.append(UInt8(ascii: ":"))
        append(secondOfDay % 60, width: 2, to: &out)
        out.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        append(abs(offset) / 3600, width: 2, to: &out); out.append(UInt8(ascii: ":"))
        append(abs(offset) / 60 % 60, width: 2, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Zero-padded decimal digits, written straight into the byte buffer (no intermediate strings).
    private static func append(_ value: Int, width: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor * 10 <= value { divisor *= 10 }
        var v = value
        while divisor > 0 {
            out.append(UInt8(48 + v / divisor))
            v %= divisor
            divisor /= 10
        }
    }
}

/// Reads the zone option of the CLI: an IANA name ("Europe/Berlin"), "UTC"/"Z", or a fixed offset ("-02:00").
public enum ZoneName {
    public static func timeZone(_ text: String) -> TimeZone? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let offset = ISO8601.parseOffset(trimmed) { return TimeZone(secondsFromGMT: offset) }
        if trimmed.uppercased() == "UTC" || trimmed.uppercased() == "GMT" { return TimeZone(secondsFromGMT: 0) }
        guard trimmed.contains("/") || trimmed.count >= 3 else { return nil }
        return TimeZone(identifier: trimmed)
    }
}
