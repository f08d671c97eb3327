import Foundation

/// What happened when a user did (or did not do) a scheduled task.
public struct Outcome: Sendable, Equatable {
    /// The local hours the event covered.
    public var slots: [WeekSlot]
    /// 0...1: the success rating, or the default signal for done / skipped.
    public var signal: Double
    /// 0...1 when the user said how they felt afterwards.
    public var energyAfter: Double?
    public var completed: Bool

    public init(slots: [WeekSlot], signal: Double, energyAfter: Double? = nil, completed: Bool) {
        self.slots = slots
        self.signal = min(1, max(0, signal.isFinite ? signal : 0.5))
        self.energyAfter = energyAfter.map { min(1, max(0, $0.isFinite ? $0 : 0.5)) }
        self.completed = completed
    }

    /// Done without a rating counts as 0.9, skipped or missed as 0.1 (the design's signals).
    public static let doneSignal = 0.9
    public static let skippedSignal = 0.1
}

/// Turns outcomes into updated habit and energy weeks. Pure and fast: no I/O, no LLM.
public protocol Learner: Sendable {
    var name: String { get }
    func learn(_ outcome: Outcome, taskType: inout TaskType, energy: inout EnergyPattern)
    /// The habit week the slot finder should score with for the next placement of `taskType`.
    ///
    /// Learners that explore perturb their estimate here; `seed` makes the perturbation a pure
    /// function of the request, so a replay of the same messages places events identically.
    func scoringHabit(for taskType: TaskType, seed: UInt64) -> WeekGrid
    /// Both weeks the slot finder mixes for the next placement of `taskType` (habit 0.6, energy 0.4).
    func scoringWeek(for taskType: TaskType, energy: EnergyPattern, seed: UInt64) -> ScoringWeek
    /// The weeks as the learner believes them, without exploration noise: what `why` shows the user.
    func explanationWeek(for taskType: TaskType, energy: EnergyPattern) -> ScoringWeek
}

extension Learner {
    /// Greedy by default: score with the learned habit week as it is.
    public func scoringHabit(for taskType: TaskType, seed: UInt64) -> WeekGrid { taskType.habit }

    /// By default the learner's scoring habit and the user's energy week as learned.
    public func scoringWeek(for taskType: TaskType, energy: EnergyPattern, seed: UInt64) -> ScoringWeek {
        ScoringWeek(habit: scoringHabit(for: taskType, seed: seed), energy: energy.energy)
    }

    /// By default the learned grids as stored.
    public func explanationWeek(for taskType: TaskType, energy: EnergyPattern) -> ScoringWeek {
        ScoringWeek(habit: taskType.habit, energy: energy.energy)
    }
}

/// The two weeks a placement is scored with.
public struct ScoringWeek: Sendable, Equatable {
    public var habit: WeekGrid
    public var energy: WeekGrid

    public init(habit: WeekGrid, energy: WeekGrid) {
        self.habit = habit
        self.energy = energy
    }
}
