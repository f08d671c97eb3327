import EncoderTestSupport
import Coaching
import Foundation
import Testing

/// Task-type matching on the labelled pairs in Pairs/task-pairs.tsv, with the lexicon admins ship (prompts/task-concepts.txt).
@Suite struct TaskMatchingTests {
    /// Floors for the shipped lexicon at the default threshold (0.8), a little below what was measured
    /// (labelled set: precision 0.989, recall 0.989; held-out: 0.957, 0.880), so a lexicon edit that loses ground fails.
    static let precisionFloor = 0.95
    static let recallFloor = 0.9
    static let heldOutPrecisionFloor = 0.9
    static let heldOutRecallFloor = 0.8

    struct Pair {
        var same: Bool
        var a: String
        var b: String
    }

    static func pairs(_ file: String = "task-pairs") throws -> [Pair] {
        let url = try #require(Bundle.module.url(forResource: file, withExtension: "tsv", subdirectory: "Pairs"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 3, ["same", "different"].contains(fields[0]) else { return nil }
            return Pair(same: fields[0] == "same", a: fields[1], b: fields[2])
        }
    }

    static func shippedLexicon() throws -> ConceptLexicon {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try ConceptLexicon(text: String(contentsOf: root.appendingPathComponent("prompts/task-concepts.txt"), encoding: .utf8))
    }

    @Test func precisionAndRecallOnTheLabelledPairsAtTheDefaultThreshold() throws {
        let pairs = try TaskMatchingTests.pairs()
        #expect(pairs.count >= 150)
        let score = try TaskMatchingTests.measure(pairs, label: "labelled pairs")
        #expect(score.precision >= TaskMatchingTests.precisionFloor)
        #expect(score.recall >= TaskMatchingTests.recallFloor)
    }

    /// The lexicon was written with the main set in view; this set was written after it, so it is the fairer estimate.
    @Test func precisionAndRecallOnHeldOutPairs() throws {
        let pairs = try TaskMatchingTests.pairs("task-pairs-holdout")
        #expect(pairs.count >= 40)
        let score = try TaskMatchingTests.measure(pairs, label: "held-out pairs")
        #expect(score.precision >= TaskMatchingTests.heldOutPrecisionFloor)
        #expect(score.recall >= TaskMatchingTests.heldOutRecallFloor)
    }

    /// The bot's matcher when the sentence encoder is there (`TaskTypeMatcher.withEncoder`): the encoder reading
    /// "task: <name>", 0.3 × that + 0.7 × hashed at 0.725, and the encoder alone from 0.83 (both chosen by 5-fold
    /// cross-validation on task-pairs.tsv + task-pairs-fresh.tsv, never on a held-out file).
    static func blendedMatcher() throws -> TaskTypeMatcher? {
        guard let encoder = EncoderFiles.shared else { return nil }
        return TaskTypeMatcher.withEncoder(encoder, lexicon: try shippedLexicon())
    }

    @Test(.enabled(if: EncoderFiles.present, "encoder weights not found; run scripts/fetch-encoder.sh"))
    func withTheSentenceEncoderTheLabelledPairsStillMatch() throws {
        let matcher = try #require(try TaskMatchingTests.blendedMatcher())
        let labelled = try TaskMatchingTests.measure(try TaskMatchingTests.pairs(), label: "labelled pairs, encoder blend", matcher: matcher)
        #expect(labelled.precision >= 0.95 && labelled.recall >= 0.95)
        let heldOut = try TaskMatchingTests.measure(try TaskMatchingTests.pairs("task-pairs-holdout"), label: "held-out pairs, encoder blend", matcher: matcher)
        // Measured 0.950 / 0.760 with the shared-word check (0.920 / 0.920 without it): the check costs nested names
        // of the same kind ("thesis writing" for "writing"), see the closing note.
        #expect(heldOut.precision >= 0.92 && heldOut.recall >= 0.72)
    }

    /// Pairs written by someone who saw neither the code, the lexicon nor the other pair files
    /// (Pairs/task-pairs-fresh*.tsv, split by Pairs/split-fresh.py before anything was scored). The targets
    /// (precision 0.95, recall 0.90) are not met there: these floors sit just under what was measured (tune part
    /// precision 0.784, recall 0.603; held-out fifth 0.778, 0.359), so a change that loses ground fails.
    @Test func onIndependentPairsTheHashedMatcherHoldsItsMeasuredLevel() throws {
        let tune = try TaskMatchingTests.measure(try TaskMatchingTests.pairs("task-pairs-fresh"), label: "independent pairs (tune part)")
        #expect(tune.precision >= 0.75 && tune.recall >= 0.58)
        let heldOut = try TaskMatchingTests.measure(try TaskMatchingTests.pairs("task-pairs-fresh-holdout"), label: "independent pairs (held-out fifth)")
        #expect(heldOut.precision >= 0.75 && heldOut.recall >= 0.33)
    }

    /// The same with the encoder: measured tune part 0.913 / 0.667, held-out fifth 0.920 / 0.590 (without the
    /// shared-word check 0.814 / 0.730 and 0.828 / 0.615; the first run, before the task template and the second
    /// opinion: 0.806 / 0.595 and 0.889 / 0.410).
    @Test(.enabled(if: EncoderFiles.present, "encoder weights not found; run scripts/fetch-encoder.sh"))
    func onIndependentPairsTheEncoderBlendHoldsItsMeasuredLevel() throws {
        let matcher = try #require(try TaskMatchingTests.blendedMatcher())
        let tune = try TaskMatchingTests.measure(try TaskMatchingTests.pairs("task-pairs-fresh"), label: "independent pairs (tune part), encoder blend", matcher: matcher)
        #expect(tune.precision >= 0.88 && tune.recall >= 0.64)
        let heldOut = try TaskMatchingTests.measure(try TaskMatchingTests.pairs("task-pairs-fresh-holdout"), label: "independent pairs (held-out fifth), encoder blend", matcher: matcher)
        #expect(heldOut.precision >= 0.88 && heldOut.recall >= 0.56)
    }

    /// WordNet's word-by-word reading on top (`NameComparison`, 4 senses, no hypernym steps, chosen by
    /// NameComparisonCrossValidationTests on the tuning pairs). Measured, as precision / recall:
    ///
    /// | set | encoder | encoder + WordNet | hashed | hashed + WordNet |
    /// |---|---|---|---|---|
    /// | old held-out (45) | 0.950 / 0.760 | 0.952 / 0.800 | 0.957 / 0.880 | 0.957 / 0.880 |
    /// | first writer, held-out (76) | 0.920 / 0.590 | 0.893 / 0.641 | 0.778 / 0.359 | 0.800 / 0.513 |
    /// | second writer, held-out (59) | 0.833 / 0.600 | 0.833 / 0.600 | 0.733 / 0.440 | 0.812 / 0.520 |
    /// | second writer, tuning (265) | 0.810 / 0.596 | 0.844 / 0.676 | 0.747 / 0.500 | 0.788 / 0.603 |
    ///
    /// The second writer's file was scored untouched first (its row "encoder" is that first run). The floors sit
    /// just under the WordNet columns, so a change that loses ground fails.
    @Test(.enabled(if: EncoderFiles.present && WordNetFiles.present, "needs the encoder weights and WordNet (make test installs both)"))
    func withWordNetEveryHeldOutSetHoldsItsMeasuredLevel() throws {
        let wordNet = try #require(WordNetFiles.shared)
        let lexicon = try TaskMatchingTests.shippedLexicon()
        let comparison = NameComparison(thesaurus: Thesaurus(wordNet: wordNet), lexicon: lexicon)
        let encoder = try #require(try TaskMatchingTests.blendedMatcher()).withNameComparison(comparison)
        let hashed = TaskTypeMatcher(embedding: HashedNGramEmbedding(lexicon: lexicon)).withNameComparison(comparison)
        let floors: [(file: String, encoder: (Double, Double), hashed: (Double, Double))] = [
            ("task-pairs-holdout", (0.92, 0.76), (0.92, 0.84)),
            ("task-pairs-fresh-holdout", (0.86, 0.60), (0.76, 0.48)),
            ("task-pairs-fresh2-holdout", (0.80, 0.56), (0.78, 0.48)),
            ("task-pairs-fresh2", (0.82, 0.64), (0.76, 0.56)),
        ]
        for floor in floors {
            let pairs = try TaskMatchingTests.pairs(floor.file)
            let withEncoder = try TaskMatchingTests.measure(pairs, label: "\(floor.file), encoder + WordNet", matcher: encoder)
            #expect(withEncoder.precision >= floor.encoder.0 && withEncoder.recall >= floor.encoder.1, "\(floor.file)")
            let alone = try TaskMatchingTests.measure(pairs, label: "\(floor.file), hashed + WordNet", matcher: hashed)
            #expect(alone.precision >= floor.hashed.0 && alone.recall >= floor.hashed.1, "\(floor.file)")
        }
    }

    @Test(.enabled(if: EncoderFiles.present, "encoder weights not found; run scripts/fetch-encoder.sh"))
    func encoderVectorsAreNeverComparedWithHashedOnes() throws {
        let encoder = try #require(EncoderFiles.shared)
        let hashed = HashedNGramEmbedding()
        #expect(encoder.embed("gym").cosine(hashed.embed("gym")) == nil)
        let blend = BlendedEmbedding(encoder, hashed, weight: 0.3)
        #expect(blend.embed("gym").cosine(encoder.embed("gym")) == nil)
        #expect(abs((blend.embed("gym").cosine(blend.embed("gym")) ?? 0) - 1) < 1e-6)
    }

    static func measure(_ pairs: [Pair], label: String, matcher given: TaskTypeMatcher? = nil) throws -> (precision: Double, recall: Double) {
        let matcher = try given ?? TaskTypeMatcher(embedding: HashedNGramEmbedding(lexicon: try TaskMatchingTests.shippedLexicon()))
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var mistakes: [String] = []
        for pair in pairs {
            let similarity = matcher.similarity(pair.a, pair.b)
            let matched = matcher.matches(pair.a, pair.b)
            switch (matched, pair.same) {
            case (true, true): truePositives += 1
            case (true, false): falsePositives += 1; mistakes.append("false match \(pair.a) ~ \(pair.b): \(similarity)")
            case (false, true): falseNegatives += 1; mistakes.append("missed \(pair.a) ~ \(pair.b): \(similarity)")
            case (false, false): break
            }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        print("task matching on \(pairs.count) \(label) at threshold \(matcher.threshold): precision \(String(format: "%.3f", precision)), recall \(String(format: "%.3f", recall)) (tp \(truePositives), fp \(falsePositives), fn \(falseNegatives))")
        for mistake in mistakes { print("  \(mistake)") }
        return (precision, recall)
    }

    @Test func theIssueExampleMatchesAndUnrelatedNamesDoNot() throws {
        let matcher = TaskTypeMatcher(embedding: HashedNGramEmbedding(lexicon: try TaskMatchingTests.shippedLexicon()))
        let existing = ["Deep Coding", "Team Standup", "Gym"]
        #expect(matcher.bestMatch(for: "Daily team sync", amongNames: existing)?.index == 1)
        #expect(matcher.bestMatch(for: "programming", amongNames: existing)?.index == 0)
        #expect(matcher.bestMatch(for: "Tax return", amongNames: existing) == nil)
    }

    /// Counts what reaches it: stands for the sentence encoder, whose calls cost milliseconds.
    final class CountingEmbedding: TextEmbedding, @unchecked Sendable {
        let inner: any TextEmbedding
        private let lock = NSLock()
        private var texts: [String] = []
        init(_ inner: any TextEmbedding) { self.inner = inner }
        var embeddingID: String { "counted:" + inner.embeddingID }
        var embedded: [String] { lock.withLock { texts } }
        func embed(_ text: String) -> EmbeddingVector {
            lock.withLock { texts.append(text) }
            return EmbeddingVector(embeddingID: embeddingID, values: inner.embed(text).values)
        }
    }

    /// The blend skips its costly part only where the answer cannot change: every name's best match is the one
    /// the full cosines give, and a new kind of task never reaches the costly part at all.
    @Test func theBlendSkipsItsCostlyPartOnlyWhereTheMatchCannotChange() throws {
        let lexicon = try TaskMatchingTests.shippedLexicon()
        // Words only (no lexicon, no trigrams) as the costly part: a different opinion than the cheap part's.
        let costly = CountingEmbedding(HashedNGramEmbedding(weights: .init(concepts: 0, words: 1, trigrams: 0)))
        let matcher = TaskTypeMatcher(embedding: BlendedEmbedding(costly, HashedNGramEmbedding(lexicon: lexicon), weight: 0.3), threshold: 0.725)
        let pairs = try TaskMatchingTests.pairs("task-pairs-holdout")
        let names = Array(Set(pairs.map(\.b))).sorted()
        let vectors = names.map(matcher.embedding.embed)
        for query in Set(pairs.map(\.a)).sorted() {
            let vector = matcher.embedding.embed(query)
            let full = vectors.map { vector.cosine($0) ?? 0 }
            let expected = full.indices.filter { full[$0] >= matcher.threshold }.max { full[$0] < full[$1] }  // the first of equals, as the matcher
            let found = matcher.bestMatch(for: query, amongNames: names)
            #expect(found?.index == expected, "\(query)")
            if let found, let expected { #expect(abs(found.similarity - full[expected]) < 1e-9) }
        }
        let before = costly.embedded.count
        #expect(matcher.bestMatch(for: "dentist appointment", amongNames: ["Deep Coding", "Team Standup", "Gym"]) == nil)
        #expect(costly.embedded.count == before)
        #expect(matcher.bestMatch(for: "daily team sync", amongNames: ["Deep Coding", "Team Standup", "Gym"])?.index == 1)
        #expect(costly.embedded.count > before)
    }

    /// The second opinion is asked only when the embedding found nothing, and then decides alone at its threshold.
    @Test func theSecondOpinionDecidesOnlyWhatTheEmbeddingLeftOpen() {
        let opinion = CountingEmbedding(HashedNGramEmbedding(weights: .init(concepts: 0, words: 1, trigrams: 0)))
        let matcher = TaskTypeMatcher(embedding: HashedNGramEmbedding(), threshold: 0.99,
                                      secondOpinion: .init(embedding: opinion, threshold: 0.5))
        #expect(matcher.bestMatch(for: "deep coding", amongNames: ["Gym", "Deep Coding"])?.index == 1)
        #expect(opinion.embedded.isEmpty)
        #expect(matcher.bestMatch(for: "sauna visit", amongNames: ["Gym", "sauna"])?.index == 1)
        #expect(!opinion.embedded.isEmpty)
        #expect(matcher.bestMatch(for: "tax return", amongNames: ["Gym", "sauna"]) == nil)
        #expect(!TaskTypeMatcher(embedding: HashedNGramEmbedding(), threshold: 0.99).matches("sauna visit", "sauna"))
    }

    /// Two names sharing a word the lexicon cannot fully place match only when the encoder agrees; names the
    /// lexicon places completely, or that share no word, keep the blend's decision. A words-only hashed embedding
    /// stands in for the encoder ("therapy" / "physical therapy": 0.707).
    @Test func aSharedWordWithAnUnplacedModifierNeedsTheEncodersAgreement() throws {
        let lexicon = try ConceptLexicon(text: "therapy: therapy\nrunning: run\nexercise: gym, workout\nstop: morning, session")
        let hashed = HashedNGramEmbedding(lexicon: lexicon)
        let encoder = CountingEmbedding(HashedNGramEmbedding(weights: .init(concepts: 0, words: 1, trigrams: 0)))
        func matcher(agreement: Double) -> TaskTypeMatcher {
            TaskTypeMatcher(embedding: hashed, threshold: 0.7,
                            sharedWordCheck: .init(lexicon: hashed, encoder: encoder, encoderAgreement: agreement))
        }
        #expect(TaskTypeMatcher(embedding: hashed, threshold: 0.7).matches("therapy", "physical therapy"))
        #expect(!matcher(agreement: 0.8).matches("therapy", "physical therapy"))
        #expect(matcher(agreement: 0.7).matches("therapy", "physical therapy"))
        #expect(matcher(agreement: 0.8).bestMatch(for: "therapy", amongNames: ["physical therapy", "Therapy session"])?.index == 1)
        let asked = encoder.embedded.count
        #expect(matcher(agreement: 0.8).matches("morning run", "run"))
        #expect(matcher(agreement: 0.8).matches("gym", "workout"))
        #expect(encoder.embedded.count == asked)
    }

    @Test func vectorsOfDifferentEmbeddingsAreNeverCompared() {
        let small = HashedNGramEmbedding(dimensions: 64)
        let large = HashedNGramEmbedding(dimensions: 1024)
        #expect(small.embed("gym").cosine(large.embed("gym")) == nil)
        let renamed = EmbeddingVector(embeddingID: "remote-model", values: large.embed("gym").values)
        #expect(large.embed("gym").cosine(renamed) == nil)
        let matcher = TaskTypeMatcher(embedding: large)
        #expect(matcher.bestMatch(for: "gym", among: [small.embed("gym"), renamed]) == nil)
        // A query embedded elsewhere only meets candidates of its own embedding.
        #expect(TaskTypeMatcher.bestMatch(query: renamed, among: [large.embed("gym"), renamed])?.index == 1)
    }

    @Test func embeddingIsDeterministicAndSelfSimilar() {
        let embedding = HashedNGramEmbedding()
        #expect(embedding.embed("Deep Coding") == embedding.embed("Deep Coding"))
        #expect(abs((embedding.embed("Deep Coding").cosine(embedding.embed("deep  coding!")) ?? 0) - 1) < 1e-9)
    }

    @Test func adminsExtendTheLexiconWithANewConcept() throws {
        let before = TaskTypeMatcher(embedding: HashedNGramEmbedding(lexicon: .minimal))
        #expect(before.similarity("sauna", "steam room") < 0.8)
        let extended = try ConceptLexicon(text: "sauna: sauna, steam room\nstop: the")
        #expect(TaskTypeMatcher(embedding: HashedNGramEmbedding(lexicon: extended)).similarity("sauna", "the steam room") >= 0.8)
    }

    @Test func lexiconErrorsNameTheLine() {
        #expect(throws: ConceptLexicon.ParseError.self) { try ConceptLexicon(text: "meeting: call\nno colon here") }
        do {
            _ = try ConceptLexicon(text: "# comment\n\nmeeting: call\nno colon here")
        } catch {
            #expect(error.line == 4)
        }
    }

    @Test func phrasesWinOverTheirWordsAndTyposStillMatch() throws {
        let lexicon = try TaskMatchingTests.shippedLexicon()
        #expect(lexicon.read(["code", "review"]).concepts == ["code-review"])
        #expect(lexicon.read(["codeing"]).concepts == ["coding"])
        #expect(lexicon.read(["daily", "team", "sync"]) == (["team-meeting"], []))
    }
}
