/// A baseline that learns nothing: it always prefers office hours (Monday to Friday, 9:00 to 17:00).
///
/// What a calendar does with no learning at all; the simulator compares the others against it.
public struct FixedHoursLearner: Learner {
    public let name = "nine-to-five"
    public let preferred: WeekGrid

    public init(firstHour: Int = 9, endHour: Int = 17, weekdays: Set<Int> = [1, 2, 3, 4, 5]) {
        var grid = WeekGrid(repeating: 0)
        for day in weekdays where (0..<7).contains(day) {
            for hour in max(0, firstHour)..<min(24, max(firstHour, endHour)) {
                grid[WeekSlot(weekday: day, hour: hour)] = 1
            }
        }
        preferred = grid
    }

    public func learn(_ outcome: Outcome, taskType: inout TaskType, energy: inout EnergyPattern) {
        if outcome.completed { taskType.completionCount += 1 }
    }

    public func scoringHabit(for taskType: TaskType, seed: UInt64) -> WeekGrid { preferred }
}

/// A baseline that places every task at a uniformly random free slot.
public struct RandomLearner: Learner {
    public let name = "random"

    public init() {}

    public func learn(_ outcome: Outcome, taskType: inout TaskType, energy: inout EnergyPattern) {
        if outcome.completed { taskType.completionCount += 1 }
    }

    public func scoringHabit(for taskType: TaskType, seed: UInt64) -> WeekGrid {
        var generator = SeededGenerator(seed: seed)
        var grid = WeekGrid(repeating: 0)
        for index in 0..<WeekSlot.count { grid[index] = generator.nextUnit() }
        return grid
    }
}
