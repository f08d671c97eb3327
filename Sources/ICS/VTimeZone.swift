/// A VTIMEZONE (RFC 5545 §3.6.5): its observances expanded once into a table of UTC transitions.
public struct VTimeZone: ZoneRules, Hashable {
    public struct Observance: Hashable, Sendable {
        /// The onset as a wall time in the offset in force before it (TZOFFSETFROM).
        public var start: CivilDateTime
        public var offsetFrom: Int
        public var offsetTo: Int
        public var rule: RecurrenceRule?
        public var extraDates: [CivilDateTime]
    }

    public let tzid: String
    /// (UTC second the offset starts, offset), sorted.
    private let transitions: [(at: Int64, offset: Int)]
    private let initialOffset: Int

    public static func == (a: VTimeZone, b: VTimeZone) -> Bool { a.tzid == b.tzid && a.transitions.elementsEqual(b.transitions, by: ==) }
    public func hash(into hasher: inout Hasher) { hasher.combine(tzid) }

    /// Expanded through `lastYear`; later instants keep the last offset.
    public init(tzid: String, observances: [Observance], lastYear: Int = 2100) {
        self.tzid = tzid
        let limit = CivilDateTime(date: CivilDate(year: lastYear, month: 12, day: 31), hour: 23, minute: 59)
        var table: [(at: Int64, offset: Int)] = []
        for observance in observances {
            var onsets = observance.extraDates + [observance.start]
            if let rule = observance.rule {
                let until = rule.until
                onsets += RuleExpansion(rule: rule, start: observance.start).wallTimes(through: limit) { wall in
                    guard let until else { return true }
                    if case .utc(let utc) = until { return wall.localSeconds - Int64(observance.offsetFrom) <= utc.localSeconds }
                    return wall <= until.wallTime
                }
            }
            table += Set(onsets).map { (at: $0.localSeconds - Int64(observance.offsetFrom), offset: observance.offsetTo) }
        }
        table.sort { $0.at < $1.at }
        transitions = table
        initialOffset = observances.min { $0.start < $1.start }?.offsetFrom ?? 0
    }

    public func offset(atUTC utcSeconds: Int64) -> Int {
        // Binary search for the last transition at or before the instant.
        var low = 0, high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle].at <= utcSeconds { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? initialOffset : transitions[low - 1].offset
    }

    /// Reads `+0100`, `-0530`, `+013045`.
    static func parseOffset(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 5 || bytes.count == 7, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
              let digits = Int(String(decoding: bytes[1...], as: UTF8.self)) else { return nil }
        let seconds = bytes.count == 7 ? digits % 100 : 0
        let hhmm = bytes.count == 7 ? digits / 100 : digits
        let value = hhmm / 100 * 3600 + hhmm % 100 * 60 + seconds
        return bytes[0] == UInt8(ascii: "-") ? -value : value
    }
}
