import Foundation
import SchedulerCore

/// Judges a placement against the user's hidden truth, over the same free starts the bot had.
struct SlotOracle {
    let finder = SlotFinder()

    struct Judgement: Equatable {
        /// True quality of the best free start minus that of the chosen one (0 = the best).
        var regret: Double
        /// The regret as a share of the gap between the best and the worst free start (0 = the best, 1 = the worst).
        var normalisedRegret: Double
        /// Whether at most 10% of the free starts are truly better than the chosen one.
        var inTopDecile: Bool
    }

    func judge(_ decision: Decision, truth: WeekGrid) -> Judgement? {
        guard let placed = decision.placed else { return nil }
        var request = decision.choice
        // Scoring with the truth on both sides of the finder's 0.6/0.4 mix gives each start its true quality.
        request.habit = truth
        request.energy = truth
        let candidates = finder.candidates(request)
        guard let best = candidates.map(\.score).max(), let worst = candidates.map(\.score).min() else { return nil }
        let chosen = candidates.first { $0.start == placed.start }?.score ?? SlotOracle.quality(of: placed, truth: truth, request.timeZone)
        let better = candidates.filter { $0.score > chosen + 1e-9 }.count
        let spread = best - worst
        return Judgement(regret: best - chosen, normalisedRegret: spread > 1e-9 ? min(1, max(0, (best - chosen) / spread)) : 0,
                         inTopDecile: Double(better) <= 0.1 * Double(candidates.count))
    }

    /// Mean truth over the hours an interval covers (for a placement outside the free starts, which should not happen).
    static func quality(of interval: DateInterval, truth: WeekGrid, _ timeZone: TimeZone) -> Double {
        let slots = LocalWeek(timeZone: timeZone).slots(from: interval.start, to: interval.end)
        return slots.isEmpty ? 0 : slots.reduce(0) { $0 + truth[$1] } / Double(slots.count)
    }
}
