import Foundation

/// The default learner: Beta evidence per hour of the week, shared three ways.
///
/// - Within the day, as it is learned: an outcome also moves the neighbouring hours of the same day.
/// - Across the user's task types: every outcome also teaches the user's energy week (the 0.4 part of the
///   slot score), because most people's good hours are good for most of their work. Words about how they
///   felt ("drained") still count in full. So an evening person who never mentions energy is found by all
///   of their tasks at once, not by each one from its category's prior.
/// - Across days, when scored: an hour borrows the same hour's evidence from the other days, from days of
///   the same kind (weekday, weekend) more than from the others, but only up to a cap, so a day's own
///   outcomes soon outweigh what the other kind of day says (people whose weekends differ).
///
/// A surprising outcome discounts the week's evidence (a habit that changed is relearned in days), and
/// the discount grows with how sure the learner was: a sure estimate that is badly wrong is news. The
/// energy week forgets less than the type's own week: a surprise is mostly about the task that had it.
/// The posterior lives in the existing grids: `habit` is the mean, `confidence = n / (n + pseudoCount)`
/// encodes the evidence n, so storage needs nothing new. No exploration noise: sharing finds good hours
/// faster than random tries, and every placement stays the best the learner knows.
public struct SharedBetaLearner: Learner, BetaEvidence {
    public var name = "beta-shared"
    /// Evidence that makes confidence 0.5; the category prior (confidence 0.1) is worth a ninth of it.
    public var pseudoCount: Double = 2
    public var maxEvidence: Double = 20
    /// Weight by distance in hours on the same day (index 0 is the hour itself).
    public var hourWeights: [Double] = [1, 0.4, 0.1]
    /// Share of an outcome's weight that teaches the user's energy week.
    public var energyShare: Double = 0.5
    /// Weight per unit of evidence borrowed from another day of the same kind, and of the other kind...
    public var similarDayWeight: Double = 0.7
    public var otherDayWeight: Double = 0.3
    /// ...and the most evidence an hour may borrow from each.
    public var similarDayCap: Double = 20
    public var otherDayCap: Double = 20
    /// Bonus for hours little is known about, times one over the square root of their evidence + 1.
    public var optimism: Double = 0.05
    /// ...and the hours it happened at by up to this further share.
    public var localForgetting: Double = 0.8
    /// Mean difference between weekday and weekend hours at which they stop sharing evidence...
    public var kindsTolerance: Double = 0.3
    /// ...judged once the hours both kinds have seen hold this much evidence.
    public var kindsMinimumOverlap: Double = 1
    /// An outcome further than this from what was expected is a surprise...
    public var surpriseThreshold: Double = 0.35
    /// ...and discounts the whole week's evidence by up to this share (for a total surprise).
    public var surpriseForgetting: Double = 0.5
    /// The energy week forgets less on a surprise: one task going against expectation says more about that
    /// task than about the person, and the energy week speaks for all of their tasks.
    public var energyForgetting: Double = 0.2

    public init() {}

    public func learn(_ outcome: Outcome, taskType: inout TaskType, energy: inout EnergyPattern) {
        let weights = dayWeights(for: outcome.slots)
        forgetIfSurprised(by: outcome, scores: &taskType.habit, confidences: &taskType.confidence)
        absorb(outcome.signal, weights: weights, scores: &taskType.habit, confidences: &taskType.confidence)
        if energyShare > 0 {
            forgetIfSurprised(by: outcome, scores: &energy.energy, confidences: &energy.confidence, share: energyForgetting)
            absorb(outcome.signal, weights: weights.map { $0 * energyShare }, scores: &energy.energy, confidences: &energy.confidence)
        }
        if let energyAfter = outcome.energyAfter {
            absorb(energyAfter, weights: weights, scores: &energy.energy, confidences: &energy.confidence)
        }
        if outcome.completed { taskType.completionCount += 1 }
    }

    /// The learned weeks with each hour's evidence shared across days; no noise, so `why` shows what placed.
    public func scoringWeek(for taskType: TaskType, energy: EnergyPattern, seed: UInt64) -> ScoringWeek {
        ScoringWeek(habit: acrossDays(taskType.habit, taskType.confidence, optimism: optimism),
                    energy: acrossDays(energy.energy, energy.confidence))
    }

    public func explanationWeek(for taskType: TaskType, energy: EnergyPattern) -> ScoringWeek {
        scoringWeek(for: taskType, energy: energy, seed: 0)
    }

    public func scoringHabit(for taskType: TaskType, seed: UInt64) -> WeekGrid {
        acrossDays(taskType.habit, taskType.confidence, optimism: optimism)
    }

    // MARK: - Evidence bookkeeping

    /// Evidence a prior alone carries (what every hour starts with), not borrowed by other days.
    var priorEvidence: Double { evidence(confidence: CategoryPriors.initialConfidence) }

    /// Kernel weights of an outcome on its own day: the covered hours 1, their neighbours less.
    func dayWeights(for slots: [WeekSlot]) -> [Double] {
        var weights = [Double](repeating: 0, count: WeekSlot.count)
        for slot in slots {
            for (distance, weight) in hourWeights.enumerated() where weight > 0 {
                for hour in Set([slot.hour - distance, slot.hour + distance]) where (0..<24).contains(hour) {
                    let index = slot.weekday * 24 + hour
                    weights[index] = max(weights[index], weight)
                }
            }
        }
        return weights
    }


    /// A surprising outcome suggests the habit itself changed: the week's evidence is discounted and its
    /// means drawn toward neutral, more so the surer the learner was at those hours. The order of the
    /// hours survives (one noisy rating costs little), but every hour becomes open to being tried again.
    func forgetIfSurprised(by outcome: Outcome, scores: inout WeekGrid, confidences: inout WeekGrid, share: Double? = nil) {
        let surpriseForgetting = share ?? self.surpriseForgetting
        guard surpriseForgetting > 0, !outcome.slots.isEmpty else { return }
        let count = Double(outcome.slots.count)
        let expected = outcome.slots.reduce(0) { $0 + scores[$1] } / count
        let sureness = outcome.slots.reduce(0) { $0 + confidences[$1] } / count
        let excess = abs(outcome.signal - expected) - surpriseThreshold
        guard excess > 0 else { return }
        let surprise = min(1, excess / (1 - surpriseThreshold)) * (0.5 + sureness)
        let kept = max(0.05, 1 - surpriseForgetting * surprise)
        // The hours that surprised lose most: what they said no longer holds.
        let local = dayWeights(for: outcome.slots)
        for index in 0..<WeekSlot.count {
            let keepHere = kept * max(0.05, 1 - localForgetting * surprise * local[index])
            confidences[index] = confidence(evidence: evidence(confidence: confidences[index]) * keepHere)
            scores[index] = 0.5 + (scores[index] - 0.5) * kept
        }
    }

    /// Each hour's mean with the same hour of the other days' observed evidence added, capped per kind of day.
    func acrossDays(_ scores: WeekGrid, _ confidences: WeekGrid, optimism: Double = 0) -> WeekGrid {
        let prior = priorEvidence
        var observed = [Double](repeating: 0, count: WeekSlot.count)
        for index in 0..<WeekSlot.count { observed[index] = max(0, evidence(confidence: confidences[index]) - prior) }
        let otherWeight = otherDayWeight * kindsAgreement(scores, observed)
        var shared = scores
        for day in 0..<7 {
            for hour in 0..<24 {
                let index = day * 24 + hour
                var similar = (evidence: 0.0, total: 0.0), other = (evidence: 0.0, total: 0.0)
                for source in 0..<7 where source != day {
                    let from = source * 24 + hour
                    guard observed[from] > 0 else { continue }
                    if PoolingKernel.isWeekend(source) == PoolingKernel.isWeekend(day) {
                        similar.evidence += similarDayWeight * observed[from]
                        similar.total += similarDayWeight * observed[from] * scores[from]
                    } else {
                        other.evidence += otherWeight * observed[from]
                        other.total += otherWeight * observed[from] * scores[from]
                    }
                }
                let own = evidence(confidence: confidences[index])
                var weight = own, total = own * scores[index]
                for part in [(similar, similarDayCap), (other, otherDayCap)] where part.0.evidence > 0 {
                    let scale = min(1, part.1 / part.0.evidence)
                    weight += part.0.evidence * scale
                    total += part.0.total * scale
                }
                let mean = weight > 0 ? total / weight : scores[index]
                shared[index] = mean + optimism * (1 / (weight + 1)).squareRoot()
            }
        }
        return shared
    }

    /// 1 while weekdays and weekends look alike (or too little is known to tell), falling to 0 as the hours
    /// both have seen disagree by `kindsTolerance` on average: then neither kind of day speaks for the other.
    func kindsAgreement(_ scores: WeekGrid, _ observed: [Double]) -> Double {
        var weighted = 0.0, difference = 0.0
        for hour in 0..<24 {
            var weekday = (evidence: 0.0, total: 0.0), weekend = (evidence: 0.0, total: 0.0)
            for day in 0..<7 {
                let index = day * 24 + hour
                if PoolingKernel.isWeekend(day) {
                    weekend.evidence += observed[index]
                    weekend.total += observed[index] * scores[index]
                } else {
                    weekday.evidence += observed[index]
                    weekday.total += observed[index] * scores[index]
                }
            }
            let overlap = min(weekday.evidence, weekend.evidence)
            guard overlap > 0 else { continue }
            weighted += overlap
            difference += overlap * abs(weekday.total / weekday.evidence - weekend.total / weekend.evidence)
        }
        guard weighted >= kindsMinimumOverlap else { return 1 }
        return max(0, 1 - difference / weighted / kindsTolerance)
    }
}
