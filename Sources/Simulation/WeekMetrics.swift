/// What one learner achieved in one simulated week, summed over users.
public struct WeekMetrics: Sendable, Equatable, Codable {
    public var week: Int
    public var decisions = 0
    public var regretTotal = 0.0
    public var normalisedRegretTotal = 0.0
    public var topDecile = 0
    public var unplaced = 0
    public var skips = 0
    public var llmCalls = 0
    /// Duration of each learning update this week, in nanoseconds.
    public var updateNanoseconds: [Int64] = []

    public init(week: Int) { self.week = week }

    public var meanRegret: Double { decisions == 0 ? 0 : regretTotal / Double(decisions) }
    /// Regret as a share of each day's best-to-worst gap, the way an outside judge of one day's choice measures it.
    public var meanNormalisedRegret: Double { decisions == 0 ? 0 : normalisedRegretTotal / Double(decisions) }
    public var topDecileShare: Double { decisions == 0 ? 0 : Double(topDecile) / Double(decisions) }
    public var updates: Int { updateNanoseconds.count }
    /// The median, so one-off costs (a process's first call, a preempted thread on a busy machine) do not hide the typical update.
    public var microsecondsPerUpdate: Double {
        guard !updateNanoseconds.isEmpty else { return 0 }
        let sorted = updateNanoseconds.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
        return median / 1000
    }

    mutating func add(_ other: WeekMetrics) {
        decisions += other.decisions
        regretTotal += other.regretTotal
        normalisedRegretTotal += other.normalisedRegretTotal
        topDecile += other.topDecile
        unplaced += other.unplaced
        skips += other.skips
        llmCalls += other.llmCalls
        updateNanoseconds += other.updateNanoseconds
    }
}
