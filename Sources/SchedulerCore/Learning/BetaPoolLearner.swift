import Foundation

/// The default learner: a Beta estimate per hour of the week, with evidence pooled across
/// neighbouring hours and similar days, and Thompson-style exploration while unsure.
///
/// The posterior is kept in the task type's existing grids, so storage needs no new columns:
/// `habit` is the posterior mean and `confidence = n / (n + pseudoCount)` encodes the evidence n.
/// Evidence is capped at `maxEvidence`, which turns old outcomes into a slow fade; a surprising outcome
/// discounts the whole week's evidence, so a changed habit is relearned in days rather than months.
/// An update touches at most 168 cells: about 2-4 µs in release builds.
public struct BetaPoolLearner: Learner, BetaEvidence {
    public let name = "beta-pool"
    public var kernel: PoolingKernel
    /// Evidence that makes confidence 0.5; the category prior (confidence 0.1) is worth a ninth of it.
    public var pseudoCount: Double
    public var maxEvidence: Double
    /// Scale of the exploration noise, in posterior standard deviations.
    public var explorationScale: Double
    /// An outcome further than this from what we expected at its hours is a surprise...
    public var surpriseThreshold: Double
    /// ...and discounts the whole week's evidence by up to this share (for a total surprise).
    public var surpriseForgetting: Double

    /// Defaults chosen with `scheduler-bot simulate --users 200 --weeks 8 --seed 42` against the other learners.
    public init(kernel: PoolingKernel = .standard, pseudoCount: Double = 2, maxEvidence: Double = 20,
                explorationScale: Double = 0.1, surpriseThreshold: Double = 0.3, surpriseForgetting: Double = 0.5) {
        self.kernel = kernel
        self.pseudoCount = max(0.01, pseudoCount)
        self.maxEvidence = max(1, maxEvidence)
        self.explorationScale = max(0, explorationScale)
        self.surpriseThreshold = min(0.99, max(0, surpriseThreshold))
        self.surpriseForgetting = min(1, max(0, surpriseForgetting))
    }

    public func learn(_ outcome: Outcome, taskType: inout TaskType, energy: inout EnergyPattern) {
        forgetIfSurprised(by: outcome, scores: &taskType.habit, confidences: &taskType.confidence)
        let weights = poolingWeights(for: outcome.slots)
        absorb(outcome.signal, weights: weights, scores: &taskType.habit, confidences: &taskType.confidence)
        if let energyAfter = outcome.energyAfter {
            absorb(energyAfter, weights: weights, scores: &energy.energy, confidences: &energy.confidence)
        }
        if outcome.completed { taskType.completionCount += 1 }
    }

    /// Posterior mean plus a seeded Gaussian draw scaled by the posterior spread (Thompson sampling).
    public func scoringHabit(for taskType: TaskType, seed: UInt64) -> WeekGrid {
        guard explorationScale > 0 else { return taskType.habit }
        var generator = SeededGenerator(seed: seed)
        var grid = taskType.habit
        for index in 0..<WeekSlot.count {
            let mean = taskType.habit[index]
            let evidence = self.evidence(confidence: taskType.confidence[index])
            let spread = (mean * (1 - mean) / (evidence + 1)).squareRoot()
            grid[index] = mean + explorationScale * spread * generator.nextGaussian()
        }
        return grid
    }

    // MARK: - Evidence bookkeeping

    /// A surprising outcome suggests the habit itself changed, so the whole week's evidence is discounted
    /// and its means drawn toward neutral. That keeps the order of the hours (so one noisy rating costs
    /// little) while making every hour uncertain enough to be tried again: a night owl who used to be a
    /// morning person is found in days, not months.
    func forgetIfSurprised(by outcome: Outcome, scores: inout WeekGrid, confidences: inout WeekGrid) {
        guard surpriseForgetting > 0, !outcome.slots.isEmpty else { return }
        let expected = outcome.slots.reduce(0) { $0 + scores[$1] } / Double(outcome.slots.count)
        let excess = abs(outcome.signal - expected) - surpriseThreshold
        guard excess > 0 else { return }
        let keep = 1 - surpriseForgetting * min(1, excess / (1 - surpriseThreshold))
        for index in 0..<WeekSlot.count {
            confidences[index] = confidence(evidence: evidence(confidence: confidences[index]) * keep)
            scores[index] = 0.5 + (scores[index] - 0.5) * keep
        }
    }

    /// For each hour of the week, the strongest kernel weight from any covered slot.
    func poolingWeights(for slots: [WeekSlot]) -> [Double] {
        var weights = [Double](repeating: 0, count: WeekSlot.count)
        for source in slots {
            for index in 0..<WeekSlot.count {
                guard let target = WeekSlot(index: index) else { continue }
                weights[index] = max(weights[index], kernel.weight(from: source, to: target))
            }
        }
        return weights
    }

}
