import EncoderTestSupport
import Foundation
import Testing
@testable import Coaching

/// How the policy's thresholds were chosen: 5-fold cross-validation over the shipped route examples, each fold's
/// classifier (trained on the other four fifths) scoring its own fifth and the development set's tuning part.
/// The held-out fifth of the development set takes no part. Prints the best settings of a grid and checks that
/// the shipped defaults are among the settings that meet the targets.
@Suite struct RoutingCrossValidationTests {
    struct Scored {
        var type: MessageType
        var classification: Classification
        var patternHit: Bool
    }

    struct Figures: Comparable {
        var complexRecall: Double
        var phaticToModel: Double
        var simpleToStrong: Double
        /// Messages that are not greetings or small talk answered from the pattern cache (a canned reply to a real message).
        var otherToPattern: Double = 0

        static func < (a: Figures, b: Figures) -> Bool {
            (a.phaticToModel, a.simpleToStrong, -a.complexRecall) < (b.phaticToModel, b.simpleToStrong, -b.complexRecall)
        }

        var summary: String {
            String(format: "complex recall %.4f, phatic to a model %.4f, simple to strong %.4f, other to patterns %.4f", complexRecall, phaticToModel,
                   simpleToStrong, otherToPattern)
        }
    }

    static func scored(embedding: SentenceEmbedding?) throws -> [Scored] {
        let examples = try RoutingDevSetTests.shippedExamples()
        // Tuning rows copied into the route examples are scored in their own fold, never by a classifier trained on them.
        let taught = Set(examples.examples.map { $0.text.lowercased() })
        let tune = try RoutingDevSetTests.rows().filter { !$0.heldOut && !taught.contains($0.text.lowercased()) }
        let book = try PatternBook(text: try PromptFiles.text("patterns.txt"))
        embedding?.warm(tune.map(\.text) + examples.examples.map(\.text))
        let folds = 5
        var out: [Scored] = []
        for fold in 0..<folds {
            let inFold = examples.examples.indices.filter { $0 % folds == fold }
            let training = RouteExamples(examples: examples.examples.indices.filter { $0 % folds != fold }.map { examples.examples[$0] })
            let classifier = RouteClassifier(examples: training, embedding: embedding)
            let texts = inFold.map { (examples.examples[$0].type, examples.examples[$0].text) } + tune.map { ($0.type, $0.text) }
            for (type, text) in texts {
                out.append(Scored(type: type, classification: classifier.classify(text), patternHit: book.match(text, hour: 10) != nil))
            }
        }
        return out
    }

    static func figures(_ scored: [Scored], policy: RoutePolicy) -> Figures {
        var complex = 0, complexHit = 0, phatic = 0, leak = 0, simple = 0, strong = 0, other = 0, canned = 0
        for item in scored {
            let path = policy.decide(classification: item.classification, patternMatched: item.patternHit, userMessageCount: 10,
                                     budget: BudgetState()).path
            if item.type.isComplex {
                complex += 1
                if path == .assistant { complexHit += 1 }
            } else {
                simple += 1
                if path == .assistant { strong += 1 }
            }
            if item.type.isPhatic {
                phatic += 1
                if path != .pattern { leak += 1 }
            } else {
                other += 1
                if path == .pattern { canned += 1 }
            }
        }
        return Figures(complexRecall: Double(complexHit) / Double(max(1, complex)), phaticToModel: Double(leak) / Double(max(1, phatic)),
                       simpleToStrong: Double(strong) / Double(max(1, simple)), otherToPattern: Double(canned) / Double(max(1, other)))
    }

    /// The grid, best first among settings with complex recall ≥ 0.97 and simple → strong ≤ 0.12 (margins under the targets).
    static func search(_ scored: [Scored], label: String) -> Figures {
        var results: [(policy: RoutePolicy, figures: Figures)] = []
        for phatic in stride(from: 0.25, through: 0.65, by: 0.05) {
            for ceiling in [0.3, 0.4, 0.5, 0.6, 1.0] {
                for complex in [0.2, 0.25, 0.3, 0.35, 0.4] {
                    let policy = RoutePolicy(phaticConfidence: phatic, complexThreshold: complex, phaticComplexCeiling: ceiling)
                    results.append((policy, figures(scored, policy: policy)))
                }
            }
        }
        let admissible = results.filter { $0.figures.complexRecall >= 0.97 && $0.figures.simpleToStrong <= 0.12 }.sorted { $0.figures < $1.figures }
        print("routing cross-validation (\(label), \(scored.count) scored messages): best of \(results.count) settings")
        for (policy, figures) in admissible.prefix(8) {
            print(String(format: "  phatic ≥ %.2f, complex ceiling %.2f, complex ≥ %.2f: ", policy.phaticConfidence, policy.phaticComplexCeiling,
                         policy.complexThreshold) + figures.summary)
        }
        let shipped = figures(scored, policy: RoutePolicy())
        print("  shipped defaults: " + shipped.summary)
        return shipped
    }

    @Test func onHashedFeaturesTheShippedThresholdsMeetTheTargetsAcrossFolds() throws {
        let shipped = Self.search(try Self.scored(embedding: nil), label: "hashed features")
        #expect(shipped.complexRecall >= 0.95)
        #expect(shipped.phaticToModel <= 0.03)
        #expect(shipped.simpleToStrong <= 0.15)
    }

    @Test(.enabled(if: EncoderFiles.present, "encoder weights not found; run scripts/fetch-encoder.sh"))
    func withTheEncoderTheShippedThresholdsMeetTheTargetsAcrossFolds() throws {
        let embedding = try #require(EncoderFiles.shared)
        let shipped = Self.search(try Self.scored(embedding: embedding), label: "hashed + encoder")
        #expect(shipped.complexRecall >= 0.95)
        #expect(shipped.phaticToModel <= 0.02)
        #expect(shipped.simpleToStrong <= 0.15)
    }
}
