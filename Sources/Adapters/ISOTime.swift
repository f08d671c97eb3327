import Foundation
import Language

/// ISO-8601 instants for machine interfaces: "2026-11-23T08:00:00Z" or with an offset, fractions allowed.
public enum ISOTime {
    /// The instant, or nil unless the text names its offset ("Z", "+01:00"): a bare local time is ambiguous.
    public static func parse(_ text: String) -> Date? {
        guard let time = text.split(separator: "T", maxSplits: 1).last, text.contains("T"),
              time.hasSuffix("Z") || time.contains("+") || time.contains("-") else { return nil }
        return ISO8601.parse(text)
    }

    /// UTC with a "Z", whole seconds.
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
