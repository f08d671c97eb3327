import SentenceEncoder

/// The learned message classifier: multinomial logistic regression over `RouteFeaturizer` features,
/// trained from the route examples at start-up and on every reload (milliseconds for a few hundred lines).
public struct RouteClassifier: Sendable {
    public let examples: RouteExamples
    /// The classes, in model order.
    public let types: [MessageType]
    public let featurizer: RouteFeaturizer
    private let model: SoftmaxRegression
    /// Each example's features, for naming the closest one.
    private let nearest: NearestRow

    /// No examples: every message is `other`, and routing falls back to the policy's defaults.
    public init() {
        examples = RouteExamples()
        types = []
        featurizer = RouteFeaturizer(normaliser: ChatNormaliser(vocabulary: []))
        model = SoftmaxRegression(classes: 1, sparseDimensions: 1, denseDimensions: 0)
        nearest = NearestRow(rows: [], sparseDimensions: 1)
    }

    public init(examples: RouteExamples, embedding: (any TextEmbedding)? = nil, denseWeight: Float = 1,
                options: SoftmaxRegression.Options = SoftmaxRegression.Options()) {
        self.examples = examples
        let types = MessageType.routable.filter { examples.count(of: $0) > 0 }
        self.types = types
        let reader = ChatNormaliser(vocabulary: [])
        let vocabulary = Set(examples.examples.flatMap { reader.words($0.text) })
        (embedding as? SentenceEmbedding)?.warm(examples.examples.map(\.text))
        let featurizer = RouteFeaturizer(normaliser: ChatNormaliser(vocabulary: vocabulary), embedding: embedding, denseWeight: denseWeight)
        self.featurizer = featurizer
        let features = examples.examples.map { featurizer.features($0.text) }
        nearest = NearestRow(rows: features, sparseDimensions: RouteFeaturizer.sparseDimensions)
        let labels = examples.examples.map { example in types.firstIndex(of: example.type) ?? -1 }
        model = SoftmaxRegression.train(features, labels: labels, classes: types.count,
                                        sparseDimensions: RouteFeaturizer.sparseDimensions,
                                        denseDimensions: features.first?.dense.count ?? 0, options: options)
    }

    public var isEmpty: Bool { types.isEmpty }

    /// Which encoder the dense features come from, if any (logged at start-up).
    public var encoderID: String? { featurizer.embedding?.embeddingID }

    public func classify(_ text: String) -> Classification {
        guard !types.isEmpty else { return Classification(type: .other, probability: 0, rule: "no route examples loaded") }
        let features = featurizer.features(text)
        let probabilities = model.probabilities(features).map(Double.init)
        let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
        let complex = zip(types, probabilities).filter { $0.0.isComplex }.reduce(0) { $0 + $1.1 }
        let phatic = zip(types, probabilities).filter { $0.0.isPhatic }.reduce(0) { $0 + $1.1 }
        return Classification(type: types[best], probability: probabilities[best], complexProbability: complex,
                              phaticProbability: phatic, wordCount: featurizer.normaliser.words(text).count, closest: closest(to: features))
    }

    /// Probability per type, for reports and tests.
    public func probabilities(_ text: String) -> [MessageType: Double] {
        guard !types.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(types, model.probabilities(featurizer.features(text)).map(Double.init)))
    }

    /// The most similar example: by the sentence embedding when there is one, else by the hashed features.
    func closest(to query: FeatureVector) -> Classification.Example? {
        guard let found = nearest.nearest(to: query), examples.examples.indices.contains(found.index) else { return nil }
        let example = examples.examples[found.index]
        return Classification.Example(type: example.type, text: example.text, line: example.line, similarity: Double(found.similarity))
    }
}
