import Testing
@testable import SentenceEncoder

@Suite struct SoftmaxRegressionTests {
    @Test func separatesThreeClassesAndGivesProperProbabilities() {
        // Class c lights up sparse features 3c and 3c+1; the dense part adds a weak second cue.
        var samples: [FeatureVector] = []
        var labels: [Int] = []
        for c in 0..<3 {
            for k in 0..<10 {
                let noise = Int32(20 + (c * 10 + k) % 7)
                samples.append(FeatureVector(indices: [Int32(3 * c), Int32(3 * c + 1), noise], values: [0.6, 0.6, 0.5],
                                             dense: (0..<3).map { $0 == c ? 0.5 : 0 }))
                labels.append(c)
            }
        }
        let model = SoftmaxRegression.train(samples, labels: labels, classes: 3, sparseDimensions: 64, denseDimensions: 3)
        for c in 0..<3 {
            let p = model.probabilities(FeatureVector(indices: [Int32(3 * c)], values: [1], dense: []))
            #expect(abs(p.reduce(0, +) - 1) < 1e-4)
            #expect(p.indices.max { p[$0] < p[$1] } == c, "\(p)")
        }
        #expect(model == SoftmaxRegression.train(samples, labels: labels, classes: 3, sparseDimensions: 64, denseDimensions: 3))
    }

    @Test func outOfRangeFeaturesAndLabelsAreIgnored() {
        let samples = [FeatureVector(indices: [1, 999], values: [1, 1]), FeatureVector(indices: [2], values: [1])]
        let model = SoftmaxRegression.train(samples, labels: [0, 7], classes: 2, sparseDimensions: 8, denseDimensions: 0)
        let p = model.probabilities(FeatureVector(indices: [1, -4], values: [1, 1]))
        #expect(p[0] > p[1])
    }
}
