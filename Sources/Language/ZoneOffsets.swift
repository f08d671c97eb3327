import Foundation

/// A time zone's UTC offsets around a reference instant, precomputed once so that resolving a phrase
/// needs no Foundation calls (TimeZone lookups are slow on Linux). Outside the table it asks the zone.
public struct ZoneOffsets: Sendable {
    public let timeZone: TimeZone
    /// Instants (seconds since 1970 UTC) where the offset changes, ascending.
    private let transitions: [Int]
    /// `offsets[i]` applies before `transitions[i]`; the last entry applies after the last transition.
    private let offsets: [Int]
    private let coveredFrom: Int
    private let coveredUntil: Int

    /// Covers roughly two years before and three years after `reference`.
    public init(timeZone: TimeZone, around reference: Date) {
        self.timeZone = timeZone
        let from = reference.addingTimeInterval(-2 * 366 * 86_400)
        let until = reference.addingTimeInterval(3 * 366 * 86_400)
        var transitions: [Int] = []
        var offsets = [timeZone.secondsFromGMT(for: from)]
        var cursor = from
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next < until, transitions.count < 64 {
            transitions.append(Int(next.timeIntervalSince1970))
            offsets.append(timeZone.secondsFromGMT(for: next))
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
        self.coveredFrom = Int(from.timeIntervalSince1970)
        self.coveredUntil = Int(until.timeIntervalSince1970)
    }

    /// The zone's offset from UTC, in seconds, at a UTC instant.
    public func offset(atUTC seconds: Int) -> Int {
        guard seconds >= coveredFrom, seconds < coveredUntil else {
            return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        var index = 0
        while index < transitions.count, transitions[index] <= seconds { index += 1 }
        return offsets[index]
    }

    /// The UTC instant of a local wall-clock time (seconds since 1970 as if local were UTC).
    /// Ambiguous times (the repeated hour when clocks go back) take the earlier instant;
    /// times skipped when clocks go forward are moved forward by the gap (02:30 becomes 03:30).
    public func utc(fromLocal local: Int) -> Int {
        let before = offset(atUTC: local - 43_200)
        let after = offset(atUTC: local + 43_200)
        var best: Int?
        for candidate in [before, after] {
            let instant = local - candidate
            if offset(atUTC: instant) == candidate { best = min(best ?? instant, instant) }
        }
        return best ?? (local - before)
    }

    /// Local wall-clock seconds of a UTC instant.
    public func local(fromUTC seconds: Int) -> Int { seconds + offset(atUTC: seconds) }
}
