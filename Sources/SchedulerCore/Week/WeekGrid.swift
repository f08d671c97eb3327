/// One hour of the week in the user's local time.
///
/// The index is `weekday * 24 + hour` with weekday 0 = Sunday, so Tuesday 10:00 is 58.
public struct WeekSlot: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let count = 168
    public let index: Int

    public init?(index: Int) {
        guard (0..<WeekSlot.count).contains(index) else { return nil }
        self.index = index
    }

    public init(weekday: Int, hour: Int) {
        precondition((0..<7).contains(weekday) && (0..<24).contains(hour), "weekday 0...6, hour 0...23")
        self.index = weekday * 24 + hour
    }

    public var weekday: Int { index / 24 }
    public var hour: Int { index % 24 }

    public static func < (lhs: WeekSlot, rhs: WeekSlot) -> Bool { lhs.index < rhs.index }

    public static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    public static let weekdayShortNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    public var description: String {
        "\(WeekSlot.weekdayNames[weekday]) \(hour < 10 ? "0" : "")\(hour):00"
    }
}

/// 168 values in [0, 1], one per hour of the week.
public struct WeekGrid: Equatable, Sendable, Codable {
    public private(set) var values: [Double]

    public init(repeating value: Double) {
        values = Array(repeating: WeekGrid.clamp(value), count: WeekSlot.count)
    }

    /// Fails unless there are exactly 168 finite values; each is clamped into [0, 1].
    public init?(values: [Double]) {
        guard values.count == WeekSlot.count, values.allSatisfy(\.isFinite) else { return nil }
        self.values = values.map(WeekGrid.clamp)
    }

    /// The same 24-hour curve on every day, scaled per weekday.
    public init(dailyCurve: [Double], weekdayFactors: [Double] = Array(repeating: 1, count: 7)) {
        precondition(dailyCurve.count == 24 && weekdayFactors.count == 7)
        var out: [Double] = []
        out.reserveCapacity(WeekSlot.count)
        for day in 0..<7 {
            for hour in 0..<24 { out.append(WeekGrid.clamp(dailyCurve[hour] * weekdayFactors[day])) }
        }
        values = out
    }

    public subscript(slot: WeekSlot) -> Double {
        get { values[slot.index] }
        set { values[slot.index] = WeekGrid.clamp(newValue) }
    }

    public subscript(index: Int) -> Double {
        get { values[index] }
        set { values[index] = WeekGrid.clamp(newValue) }
    }

    public var mean: Double { values.reduce(0, +) / Double(values.count) }

    /// NaN and infinities collapse to the neutral 0.5 so one bad input can never poison a grid.
    static func clamp(_ value: Double) -> Double {
        guard value.isFinite else { return 0.5 }
        return min(1, max(0, value))
    }
}
