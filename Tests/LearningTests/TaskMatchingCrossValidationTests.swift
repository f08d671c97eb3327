import Coaching
import EncoderTestSupport
import Foundation
import SharedValues
import Testing

/// How the encoder's second opinion threshold was chosen: 5-fold cross-validation on the tuning pairs only
/// (task-pairs.tsv and task-pairs-fresh.tsv; the held-out files are never read here). Each fold's threshold is
/// the one with the best F0.5 on the other four folds (a false match merges two kinds of task into one learned
/// week, a miss only starts a new one, so precision counts double).
///
/// Run `swift test --filter TaskMatchingCrossValidationTests` to print the figures.
@Suite struct TaskMatchingCrossValidationTests {
    struct Scored {
        var pair: TaskMatchingTests.Pair
        var fresh: Bool
        var blend: Double
        var opinion: Double
        var fold: Int
    }

    static let grid: [Double] = stride(from: 0.78, through: 0.95, by: 0.01).map { ($0 * 100).rounded() / 100 }

    static func fScore(_ tp: Int, _ fp: Int, _ fn: Int) -> (precision: Double, recall: Double, f: Double) {
        let precision = Double(tp) / Double(max(1, tp + fp)), recall = Double(tp) / Double(max(1, tp + fn))
        let f = precision + recall == 0 ? 0 : 1.25 * precision * recall / (0.25 * precision + recall)
        return (precision, recall, f)
    }

    /// Nil threshold: the blend alone.
    static func score(_ rows: [Scored], opinion threshold: Double?, blend: Double) -> (precision: Double, recall: Double, f: Double) {
        var tp = 0, fp = 0, fn = 0
        for row in rows {
            let matched = row.blend >= blend || threshold.map { row.opinion >= $0 } ?? false
            if matched && row.pair.same { tp += 1 } else if matched { fp += 1 } else if row.pair.same { fn += 1 }
        }
        return fScore(tp, fp, fn)
    }

    static func best(_ rows: [Scored], blend: Double) -> Double {
        grid.max { score(rows, opinion: $0, blend: blend).f < score(rows, opinion: $1, blend: blend).f } ?? grid[0]
    }

    @Test(.enabled(if: EncoderFiles.present, "encoder weights not found; run scripts/fetch-encoder.sh"))
    func theSecondOpinionThresholdIsTheCrossValidatedOne() throws {
        let matcher = try #require(try TaskMatchingTests.blendedMatcher())
        let opinion = try #require(matcher.secondOpinion)
        let labelled = try TaskMatchingTests.pairs().map { ($0, false) } + TaskMatchingTests.pairs("task-pairs-fresh").map { ($0, true) }
        let rows = labelled.map { pair, fresh in
            var hash = StableHash()
            hash.mix(pair.a + "\t" + pair.b + "#cv")
            return Scored(pair: pair, fresh: fresh, blend: matcher.similarity(pair.a, pair.b),
                          opinion: opinion.embedding.embed(pair.a).cosine(opinion.embedding.embed(pair.b)) ?? 0, fold: Int(hash.value % 5))
        }
        var outOfFold: [(Scored, Bool)] = [], blendOnly: [(Scored, Bool)] = [], picks: [Double] = []
        for fold in 0..<5 {
            let threshold = Self.best(rows.filter { $0.fold != fold }, blend: matcher.threshold)
            picks.append(threshold)
            for row in rows where row.fold == fold {
                outOfFold.append((row, row.blend >= matcher.threshold || row.opinion >= threshold))
                blendOnly.append((row, row.blend >= matcher.threshold))
            }
        }
        func figures(_ decided: [(Scored, Bool)], _ keep: (Scored) -> Bool) -> String {
            let part = decided.filter { keep($0.0) }
            let tp = part.filter { $0.1 && $0.0.pair.same }.count, fp = part.filter { $0.1 && !$0.0.pair.same }.count
            let fn = part.filter { !$0.1 && $0.0.pair.same }.count
            let s = Self.fScore(tp, fp, fn)
            return String(format: "precision %.3f, recall %.3f", s.precision, s.recall)
        }
        let chosen = Self.best(rows, blend: matcher.threshold)
        print("task matching CV (\(rows.count) tuning pairs, second opinion at the folds' F0.5 best \(picks)):")
        print("  with the second opinion: all \(figures(outOfFold) { _ in true }); old \(figures(outOfFold) { !$0.fresh }); independent \(figures(outOfFold) { $0.fresh })")
        print("  blend alone:             all \(figures(blendOnly) { _ in true }); old \(figures(blendOnly) { !$0.fresh }); independent \(figures(blendOnly) { $0.fresh })")
        print("  chosen on all tuning pairs: \(chosen) (shipped \(opinion.threshold))")
        #expect(abs(chosen - opinion.threshold) < 0.015)
        #expect(Self.score(rows, opinion: chosen, blend: matcher.threshold).f > Self.score(rows, opinion: nil, blend: matcher.threshold).f)
    }

    /// The shared-word check's encoder agreement, chosen the same way: 5-fold CV, F0.5, tuning pairs only.
    /// Nil in the grid is "no check" (every blend match stands).
    @Test(.enabled(if: EncoderFiles.present, "encoder weights not found; run scripts/fetch-encoder.sh"))
    func theSharedWordCheckIsTheCrossValidatedOne() throws {
        let matcher = try #require(try TaskMatchingTests.blendedMatcher())
        let opinion = try #require(matcher.secondOpinion)
        let check = try #require(matcher.sharedWordCheck)
        let labelled = try TaskMatchingTests.pairs().map { ($0, false) } + TaskMatchingTests.pairs("task-pairs-fresh").map { ($0, true) }
        struct Row { var same: Bool; var fresh: Bool; var fold: Int; var blend: Double; var encoder: Double; var vetoable: Bool }
        let rows = labelled.map { pair, fresh in
            var hash = StableHash()
            hash.mix(pair.a + "\t" + pair.b + "#cv")
            let hashed = check.lexicon.embed(pair.a).cosine(check.lexicon.embed(pair.b)) ?? 0
            return Row(same: pair.same, fresh: fresh, fold: Int(hash.value % 5), blend: matcher.similarity(pair.a, pair.b),
                       encoder: opinion.embedding.embed(pair.a).cosine(opinion.embedding.embed(pair.b)) ?? 0,
                       vetoable: check.sharesWord(pair.a, pair.b) && hashed < check.lexiconAgreement)
        }
        func decide(_ row: Row, _ agreement: Double?) -> Bool {
            let blendMatch = row.blend >= matcher.threshold && (agreement.map { !row.vetoable || row.encoder >= $0 } ?? true)
            return blendMatch || row.encoder >= opinion.threshold
        }
        func score(_ part: [Row], _ agreement: Double?) -> (precision: Double, recall: Double, f: Double) {
            let tp = part.filter { decide($0, agreement) && $0.same }.count, fp = part.filter { decide($0, agreement) && !$0.same }.count
            return Self.fScore(tp, fp, part.filter { !decide($0, agreement) && $0.same }.count)
        }
        let grid: [Double?] = [nil] + stride(from: 0.4, through: 0.82, by: 0.02).map { ($0 * 100).rounded() / 100 }
        func best(_ part: [Row]) -> Double? {
            var pick: Double?? = nil, bestF = -1.0
            for agreement in grid where score(part, agreement).f > bestF + 1e-12 { pick = agreement; bestF = score(part, agreement).f }
            return pick ?? nil
        }
        var outOfFold: [(Row, Bool)] = [], picks: [String] = []
        for fold in 0..<5 {
            let agreement = best(rows.filter { $0.fold != fold })
            picks.append(agreement.map { String($0) } ?? "none")
            outOfFold += rows.filter { $0.fold == fold }.map { ($0, decide($0, agreement)) }
        }
        func figures(_ keep: (Row) -> Bool, _ decided: (Row, Bool) -> Bool) -> String {
            let part = outOfFold.filter { keep($0.0) }
            let tp = part.filter { decided($0.0, $0.1) && $0.0.same }.count, fp = part.filter { decided($0.0, $0.1) && !$0.0.same }.count
            let s = Self.fScore(tp, fp, part.filter { !decided($0.0, $0.1) && $0.0.same }.count)
            return String(format: "precision %.3f, recall %.3f, F0.5 %.3f", s.precision, s.recall, s.f)
        }
        print("shared-word check CV (\(rows.count) tuning pairs, encoder agreement at the folds' F0.5 best \(picks)):")
        for (label, keep) in [("all", { (_: Row) in true }), ("old", { (row: Row) in !row.fresh }), ("independent", { (row: Row) in row.fresh })] {
            print("  \(label): with the check \(figures(keep) { $1 }); without \(figures(keep) { row, _ in decide(row, nil) })")
        }
        let chosen = best(rows)
        print("  chosen on all tuning pairs: \(chosen.map { String($0) } ?? "none") (shipped \(check.encoderAgreement))")
        #expect(chosen.map { abs($0 - check.encoderAgreement) < 0.015 } ?? false)
        let withCheck = outOfFold.filter { $0.1 && $0.0.same }.count, falseWith = outOfFold.filter { $0.1 && !$0.0.same }.count
        #expect(Self.fScore(withCheck, falseWith, rows.filter(\.same).count - withCheck).f > score(rows, nil).f)
    }
}
