import SchedulerCore
import Synchronization

/// Wraps a learner and times each update, so the simulator can report microseconds per update
/// whether learning runs in the engine or in the core driver.
public final class MeasuredLearner: Learner {
    public let inner: any Learner
    /// Nanoseconds of each update, in order.
    private let durations = Mutex<[Int64]>([])

    public init(_ inner: any Learner) { self.inner = inner }

    public var name: String { inner.name }

    public func learn(_ outcome: Outcome, taskType: inout TaskType, energy: inout EnergyPattern) {
        let clock = ContinuousClock()
        let started = clock.now
        inner.learn(outcome, taskType: &taskType, energy: &energy)
        let elapsed = started.duration(to: clock.now)
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        durations.withLock { $0.append(nanoseconds) }
    }

    public func scoringHabit(for taskType: TaskType, seed: UInt64) -> WeekGrid {
        inner.scoringHabit(for: taskType, seed: seed)
    }

    public func scoringWeek(for taskType: TaskType, energy: EnergyPattern, seed: UInt64) -> ScoringWeek {
        inner.scoringWeek(for: taskType, energy: energy, seed: seed)
    }

    public func explanationWeek(for taskType: TaskType, energy: EnergyPattern) -> ScoringWeek {
        inner.explanationWeek(for: taskType, energy: energy)
    }

    public var updateCount: Int { durations.withLock { $0.count } }

    /// Durations of the updates from `index` on.
    public func durations(from index: Int) -> [Int64] {
        durations.withLock { Array($0[min(index, $0.count)...]) }
    }
}
