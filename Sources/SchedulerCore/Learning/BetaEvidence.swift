/// The Beta learners' bookkeeping, kept in the existing grids: an hour's mean is its habit score and its
/// evidence n is encoded as `confidence = n / (n + pseudoCount)`, capped at `maxEvidence`, which turns old
/// outcomes into a slow fade.
protocol BetaEvidence {
    var pseudoCount: Double { get }
    var maxEvidence: Double { get }
}

extension BetaEvidence {
    func evidence(confidence: Double) -> Double {
        let bounded = min(confidence, 0.999)
        return pseudoCount * bounded / (1 - bounded)
    }

    func confidence(evidence: Double) -> Double { evidence / (evidence + pseudoCount) }

    /// Adds `weight` pseudo-observations of `signal` to each slot: a Beta update in mean/evidence form.
    func absorb(_ signal: Double, weights: [Double], scores: inout WeekGrid, confidences: inout WeekGrid) {
        for index in 0..<WeekSlot.count where weights[index] > 0.001 {
            let weight = weights[index]
            let evidence = min(maxEvidence, self.evidence(confidence: confidences[index]) + weight)
            let mean = scores[index]
            scores[index] = mean + weight / evidence * (signal - mean)
            confidences[index] = confidence(evidence: evidence)
        }
    }
}
