import Foundation
import SchedulerCore

/// Compact column encodings for the value types of the core.
enum ColumnCoding {
    /// 168 little-endian Float64 values: exact round trips, 1344 bytes, no parsing cost.
    static func blob(_ grid: WeekGrid) -> Data {
        // Filled in place: 168 small `Data.append`s were a tenth of all CPU in the scale bench (Linux Foundation).
        var data = Data(count: WeekSlot.count * 8)
        data.withUnsafeMutableBytes { raw in
            for (i, value) in grid.values.enumerated() {
                raw.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: i * 8, as: UInt64.self)
            }
        }
        return data
    }

    static func grid(_ data: Data, fallback: Double = 0.5) -> WeekGrid {
        guard data.count == WeekSlot.count * 8 else { return WeekGrid(repeating: fallback) }
        var values = [Double](repeating: 0, count: WeekSlot.count)
        data.withUnsafeBytes { raw in
            for i in 0..<WeekSlot.count {
                let bits = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                values[i] = Double(bitPattern: UInt64(littleEndian: bits))
            }
        }
        return WeekGrid(values: values) ?? WeekGrid(repeating: fallback)
    }

    static let standardAvailabilityText = text(.standard)

    /// "480-1200,1320-1380|...|" : seven days (Sunday first), windows in local minutes.
    static func text(_ availability: Availability) -> String {
        availability.windows.map { day in
            day.map { "\($0.startMinute)-\($0.endMinute)" }.joined(separator: ",")
        }.joined(separator: "|")
    }

    static func availability(_ text: String) -> Availability {
        // Most users keep the default hours; recognising its text skips the parse on every message.
        if text == standardAvailabilityText { return .standard }
        let days = text.split(separator: "|", omittingEmptySubsequences: false)
        guard days.count == 7 else { return .standard }
        let windows = days.map { day in
            day.split(separator: ",").compactMap { window -> Availability.Window? in
                let bounds = window.split(separator: "-").compactMap { Int($0) }
                guard bounds.count == 2 else { return nil }
                return Availability.Window(startMinute: bounds[0], endMinute: bounds[1])
            }
        }
        return Availability(windows: windows)
    }

    static func seconds(_ date: Date) -> Double { date.timeIntervalSince1970 }
    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }
}
