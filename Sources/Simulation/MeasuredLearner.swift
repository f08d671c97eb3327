import SchedulerCore
import Synchronization

/// Wraps a learner and times each update, so the simulator can report microseconds per update
/// whether learning runs in the engine or in the core driver.
public final class MeasuredLearner: Learner {
    public let inner: any Learner
    private let totals = Mutex(UpdateTotals())

    public struct UpdateTotals: Sendable, Equatable {
        public var updates = 0
        public var nanoseconds: Int64 = 0
    }

    public init(_ inner: any Learner) { self.inner = inner }

    public var name: String { inner.name }

    public func learn(_ outcome: Outcome, taskType: inout TaskType, energy: inout EnergyPattern) {
        let clock = ContinuousClock()
        let started = clock.now
        inner.learn(outcome, taskType: &taskType, energy: &energy)
        let elapsed = started.duration(to: clock.now)
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        totals.withLock {
            $0.updates += 1
            $0.nanoseconds += nanoseconds
        }
    }

    public func scoringHabit(for taskType: TaskType, seed: UInt64) -> WeekGrid {
        inner.scoringHabit(for: taskType, seed: seed)
    }

    public var snapshot: UpdateTotals { totals.withLock { $0 } }
}
