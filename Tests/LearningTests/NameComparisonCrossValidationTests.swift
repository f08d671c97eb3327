import Coaching
import EncoderTestSupport
import Foundation
import SharedValues
import Testing

/// How many senses WordNet looks at and how many "is a kind of" steps still join two words: 5-fold
/// cross-validation on the tuning pairs only (task-pairs.tsv and both independent writers' tuning parts; the
/// held-out files are never read here), each fold's choice the best F0.5 on the other four, as for the encoder's
/// thresholds. The embedding decides what WordNet leaves open, so it is computed once per pair.
///
/// Run `swift test --filter NameComparisonCrossValidationTests` to print the figures.
@Suite(.enabled(if: EncoderFiles.present && WordNetFiles.present, "needs the encoder weights and WordNet (make test installs both)"))
struct NameComparisonCrossValidationTests {
    struct Setting: Hashable, CustomStringConvertible {
        var senses: Int
        var steps: Int
        var description: String { "\(senses) senses, \(steps) steps" }
    }

    struct Row {
        var same: Bool
        var embedding: Bool
        var verdicts: [Setting: NameComparison.Verdict]
        var fold: Int

        func matched(_ setting: Setting?) -> Bool {
            switch setting.flatMap({ verdicts[$0] }) ?? .undecided {
            case .sameKind: true
            case .otherKind: false
            case .undecided: embedding
            }
        }
    }

    static let grid = [2, 4, 8].flatMap { senses in [0, 1].map { Setting(senses: senses, steps: $0) } }
    static let ablations: [(String, NameComparison.Rules)] = [
        ("same meaning", NameComparison.Rules(sameMeaning: false)), ("same words", NameComparison.Rules(sameWords: false)),
        ("siblings", NameComparison.Rules(siblings: false)), ("confusables", NameComparison.Rules(confusables: false)),
        ("abbreviations", NameComparison.Rules(abbreviations: false)),
    ]
    static let shipped = Setting(senses: Thesaurus.defaultSenses, steps: Thesaurus.defaultHypernymSteps)

    static func score(_ rows: [Row], _ setting: Setting?) -> (precision: Double, recall: Double, f: Double) {
        var tp = 0, fp = 0, fn = 0
        for row in rows {
            let matched = row.matched(setting)
            if matched && row.same { tp += 1 } else if matched { fp += 1 } else if row.same { fn += 1 }
        }
        return TaskMatchingCrossValidationTests.fScore(tp, fp, fn)
    }

    @Test func theShippedSensesAndStepsAreTheCrossValidatedOnes() throws {
        let matcher = try #require(try TaskMatchingTests.blendedMatcher())
        let wordNet = try #require(WordNetFiles.shared)
        let lexicon = try TaskMatchingTests.shippedLexicon()
        let comparisons = Dictionary(uniqueKeysWithValues: Self.grid.map {
            ($0, NameComparison(thesaurus: Thesaurus(wordNet: wordNet, senses: $0.senses, hypernymSteps: $0.steps), lexicon: lexicon))
        })
        let pairs = try ["task-pairs", "task-pairs-fresh", "task-pairs-fresh2"].flatMap { try TaskMatchingTests.pairs($0) }
        let rows = pairs.map { pair in
            var hash = StableHash()
            hash.mix(pair.a + "\t" + pair.b + "#cv")
            return Row(same: pair.same, embedding: matcher.matches(pair.a, pair.b),
                       verdicts: comparisons.mapValues { $0.verdict(pair.a, pair.b) }, fold: Int(hash.value % 5))
        }
        var picks: [Setting] = [], outOfFold: [Row] = [], chosen: [Setting] = []
        for fold in 0..<5 {
            let training = rows.filter { $0.fold != fold }
            // Ties go to the simpler setting (fewer senses, fewer steps): the grid's order.
            let best = Self.grid.reduce(Self.grid[0]) { Self.score(training, $1).f > Self.score(training, $0).f ? $1 : $0 }
            picks.append(best)
            for row in rows where row.fold == fold {
                outOfFold.append(row)
                chosen.append(best)
            }
        }
        func line(_ label: String, _ score: (precision: Double, recall: Double, f: Double)) -> String {
            "\(label): precision \(String(format: "%.3f", score.precision)), recall \(String(format: "%.3f", score.recall)), F0.5 \(String(format: "%.3f", score.f))"
        }
        var tp = 0, fp = 0, fn = 0
        for (row, setting) in zip(outOfFold, chosen) {
            let matched = row.matched(setting)
            if matched && row.same { tp += 1 } else if matched { fp += 1 } else if row.same { fn += 1 }
        }
        print("WordNet cross-validation on \(rows.count) tuning pairs; folds chose \(picks)")
        print("  " + line("out of fold, WordNet + embedding", TaskMatchingCrossValidationTests.fScore(tp, fp, fn)))
        print("  " + line("embedding alone", Self.score(rows, nil)))
        for setting in Self.grid { print("  " + line("all pairs, \(setting)", Self.score(rows, setting))) }
        // Each rule's worth: the shipped setting with that rule alone switched off, on all tuning pairs.
        let shippedComparison = NameComparison(thesaurus: Thesaurus(wordNet: wordNet), lexicon: lexicon)
        let withAll = Self.score(rows, Self.shipped)
        for (name, off) in Self.ablations {
            var ablated = shippedComparison
            ablated.rules = off
            let without = Self.score(zip(rows, pairs).map { row, pair in
                Row(same: row.same, embedding: row.embedding, verdicts: [Self.shipped: ablated.verdict(pair.a, pair.b)], fold: row.fold)
            }, Self.shipped)
            print("  " + line("without \(name)", without))
            #expect(without.f <= withAll.f, "switching off \(name) scores higher")
        }
        let counts = Dictionary(picks.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(counts[Self.shipped, default: 0] >= 3, "the folds chose \(picks)")
        #expect(TaskMatchingCrossValidationTests.fScore(tp, fp, fn).f > Self.score(rows, nil).f)
    }
}
