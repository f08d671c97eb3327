/// What one learner achieved in one simulated week, summed over users.
public struct WeekMetrics: Sendable, Equatable, Codable {
    public var week: Int
    public var decisions = 0
    public var regretTotal = 0.0
    public var topDecile = 0
    public var unplaced = 0
    public var skips = 0
    public var llmCalls = 0
    public var updates = 0
    public var updateNanoseconds: Int64 = 0

    public init(week: Int) { self.week = week }

    public var meanRegret: Double { decisions == 0 ? 0 : regretTotal / Double(decisions) }
    public var topDecileShare: Double { decisions == 0 ? 0 : Double(topDecile) / Double(decisions) }
    public var microsecondsPerUpdate: Double { updates == 0 ? 0 : Double(updateNanoseconds) / Double(updates) / 1000 }

    mutating func add(_ other: WeekMetrics) {
        decisions += other.decisions
        regretTotal += other.regretTotal
        topDecile += other.topDecile
        unplaced += other.unplaced
        skips += other.skips
        llmCalls += other.llmCalls
        updates += other.updates
        updateNanoseconds += other.updateNanoseconds
    }
}
