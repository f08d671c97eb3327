/// How much an outcome at one hour of the week tells us about the others.
///
/// People's good hours come in runs and repeat across the week, so one outcome also moves the
/// neighbouring hours of the same day and the same hours of similar days, with less weight.
public struct PoolingKernel: Sendable, Equatable {
    /// Weight by distance in hours on the same day; index 0 is the hour itself.
    public var hourWeights: [Double]
    /// Weight for another day of the same kind (weekday to weekday, weekend to weekend).
    public var similarDayWeight: Double
    /// Weight for a day of the other kind.
    public var otherDayWeight: Double

    public init(hourWeights: [Double], similarDayWeight: Double, otherDayWeight: Double) {
        self.hourWeights = hourWeights.map { min(1, max(0, $0)) }
        self.similarDayWeight = min(1, max(0, similarDayWeight))
        self.otherDayWeight = min(1, max(0, otherDayWeight))
    }

    public static let standard = PoolingKernel(hourWeights: [1, 0.4, 0.1], similarDayWeight: 0.5, otherDayWeight: 0.15)

    /// Weight in [0, 1] that evidence at `source` carries for `target`; 1 for the slot itself.
    public func weight(from source: WeekSlot, to target: WeekSlot) -> Double {
        let distance = abs(source.hour - target.hour)
        guard distance < hourWeights.count else { return 0 }
        let hourWeight = hourWeights[distance]
        if source.weekday == target.weekday { return hourWeight }
        let sameKind = PoolingKernel.isWeekend(source.weekday) == PoolingKernel.isWeekend(target.weekday)
        return hourWeight * (sameKind ? similarDayWeight : otherDayWeight)
    }

    static func isWeekend(_ weekday: Int) -> Bool { weekday == 0 || weekday == 6 }
}
