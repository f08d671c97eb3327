import EncoderTestSupport
import Foundation
import Testing
@testable import Coaching

/// The shipped route examples (prompts/routes/) scored on a development set written separately from them
/// (RoutingDevSet/dev.tsv). A fifth of it, `holdout`, was never looked at while tuning examples or thresholds.
///
/// The independent batches' tuning parts are also route examples (prompts/routes/), so their tune figures are in-sample;
/// their held-out fifths are not, and neither was ever looked at row by row.
///
/// Run `swift test --filter RoutingDevSetTests` to print the per-type table and the routing figures.
@Suite struct RoutingDevSetTests {
    struct Row {
        var heldOut: Bool
        var type: MessageType
        var text: String
        var source = ""
    }

    /// The batches written by people who saw neither the code, the examples nor the rest of this set, one per writer;
    /// each writer's whole file is base/<source>.tsv.
    static let independentSources = ["independent", "independent2", "independent3"]

    /// A writer's whole file (label<TAB>message), lines shared with other batches included.
    static func writerFile(_ source: String) throws -> [Row] {
        let url = try #require(Bundle.module.url(forResource: source, withExtension: "tsv", subdirectory: "RoutingDevSet/base"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard fields.count == 2, let type = MessageType(rawValue: fields[0]) else { return nil }
            return Row(heldOut: false, type: type, text: fields[1], source: source)
        }
    }

    static func rows() throws -> [Row] {
        let url = try #require(Bundle.module.url(forResource: "dev", withExtension: "tsv", subdirectory: "RoutingDevSet"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", maxSplits: 3).map(String.init)
            guard fields.count == 4, let type = MessageType(rawValue: fields[1]) else { return nil }
            return Row(heldOut: fields[0] == "holdout", type: type, text: fields[3], source: fields[2])
        }
    }

    static func shippedExamples() throws -> RouteExamples {
        let folder = PromptFiles.root.appendingPathComponent("prompts/routes")
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".txt") {
            files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return try RouteExamples(files: files)
    }

    /// Route figures for an established user (past the first three messages), as the engine decides.
    struct Figures {
        var complexRecall: Double
        var phaticToModel: Double
        var simpleToStrong: Double
        var misses: [String]
        var leaks: [String]
        var strong: [String] = []
    }

    static func figures(_ rows: [Row], classifier: RouteClassifier, book: PatternBook, policy: RoutePolicy = RoutePolicy()) -> Figures {
        var complex = 0, complexHit = 0, phatic = 0, phaticLeak = 0, simple = 0, simpleStrong = 0
        var misses: [String] = [], leaks: [String] = [], strong: [String] = []
        for row in rows {
            let patternHit = book.match(row.text, hour: 10) != nil
            let classification = classifier.classify(row.text)
            let path = policy.decide(classification: classification, patternMatched: patternHit, userMessageCount: 10, budget: BudgetState()).path
            if row.type.isComplex {
                complex += 1
                if path == .assistant { complexHit += 1 } else { misses.append("\(row.type.rawValue): \(row.text) -> \(classification.rule)") }
            } else {
                simple += 1
                if path == .assistant { simpleStrong += 1; strong.append("\(row.type.rawValue): \(row.text) -> \(classification.rule)") }
            }
            if row.type.isPhatic {
                phatic += 1
                if path != .pattern { phaticLeak += 1; leaks.append("\(row.type.rawValue): \(row.text) -> \(path.rawValue), \(classification.rule)") }
            }
        }
        return Figures(complexRecall: Double(complexHit) / Double(max(1, complex)),
                       phaticToModel: Double(phaticLeak) / Double(max(1, phatic)),
                       simpleToStrong: Double(simpleStrong) / Double(max(1, simple)), misses: misses, leaks: leaks, strong: strong)
    }

    /// Precision and recall of the classifier's most likely type, per type.
    static func table(_ rows: [Row], classifier: RouteClassifier) -> String {
        var lines = ["| type | n | precision | recall |", "|---|---|---|---|"]
        let predicted = rows.map { classifier.classify($0.text).type }
        for type in MessageType.routable {
            let truth = rows.indices.filter { rows[$0].type == type }
            let said = rows.indices.filter { predicted[$0] == type }
            let both = truth.filter { predicted[$0] == type }.count
            let precision = Double(both) / Double(max(1, said.count)), recall = Double(both) / Double(max(1, truth.count))
            lines.append("| \(type.rawValue) | \(truth.count) | \(String(format: "%.3f", precision)) | \(String(format: "%.3f", recall)) |")
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }

    static func summary(_ figures: Figures) -> String {
        "complex recall \(percent(figures.complexRecall)), phatic to a model \(percent(figures.phaticToModel)), simple to the strong model \(percent(figures.simpleToStrong))"
    }

    /// What the held-out fifth says: the whole fifth and each independent writer's share of it.
    struct HeldOut {
        var all: Figures
        var bySource: [String: Figures]
    }

    /// Both parts, with the figures and the per-type table, each independent batch alone and each writer's whole file;
    /// mistakes are listed for the tuning part only.
    static func report(_ rows: [Row], classifier: RouteClassifier, label: String) throws -> HeldOut {
        let book = try PatternBook(text: try PromptFiles.text("patterns.txt"))
        var heldOut = HeldOut(all: Figures(complexRecall: 0, phaticToModel: 1, simpleToStrong: 1, misses: [], leaks: []), bySource: [:])
        for (name, part) in [("tune", rows.filter { !$0.heldOut }), ("holdout", rows.filter(\.heldOut))] {
            let figures = Self.figures(part, classifier: classifier, book: book)
            print("routing dev set \(name) (\(part.count) messages, \(label)): " + summary(figures))
            print(Self.table(part, classifier: classifier))
            for source in independentSources {
                let batch = part.filter { $0.source == source }
                let alone = Self.figures(batch, classifier: classifier, book: book)
                print("  of which \(source) (\(batch.count)): " + summary(alone))
                print(Self.table(batch, classifier: classifier))
                if name == "holdout" { heldOut.bySource[source] = alone }
            }
            if name == "holdout" {
                heldOut.all = figures
            } else {
                // The held-out fifth stays unseen: its mistakes are never printed.
                for miss in figures.misses { print("  missed complex: \(miss)") }
                for leak in figures.leaks { print("  phatic leak: \(leak)") }
                for sent in figures.strong { print("  simple to strong: \(sent)") }
            }
        }
        for source in independentSources {
            let file = try writerFile(source)
            print("writer's whole file \(source).tsv (\(file.count) messages, \(label)): " + summary(Self.figures(file, classifier: classifier, book: book)))
            print(Self.table(file, classifier: classifier))
        }
        return heldOut
    }

    /// Without the encoder's files the bot routes on hashed features alone; this is that bot.
    @Test func onHashedFeaturesAloneTheHeldOutFifthStaysNearTheTargets() throws {
        let rows = try Self.rows()
        #expect(rows.count >= 2000)
        let figures = try Self.report(rows, classifier: RouteClassifier(examples: try Self.shippedExamples()), label: "hashed features")
        // The targets, near what was measured (98.6 %, 0.0 %, 14.3 %), so an example edit that loses ground fails.
        #expect(figures.all.complexRecall >= 0.95)
        #expect(figures.all.phaticToModel <= 0.01)
        #expect(figures.all.simpleToStrong <= 0.15)
        Self.expectComplexAndPhaticTargets(figures)
    }

    /// Each writer's held-out fifth alone keeps complex recall and phatic messages within the targets (simple → strong
    /// does not meet 15 % there: measured 20-25 % on writer 1's forty simple messages).
    static func expectComplexAndPhaticTargets(_ heldOut: HeldOut) {
        for source in independentSources {
            let figures = heldOut.bySource[source]
            #expect((figures?.complexRecall ?? 0) >= 0.95, "\(source)")
            #expect((figures?.phaticToModel ?? 1) <= 0.01, "\(source)")
        }
    }

    @Test(.enabled(if: EncoderFiles.present, "encoder weights not found; run scripts/fetch-encoder.sh"))
    func withTheSentenceEncoderTheHeldOutFifthMeetsTheTargets() throws {
        let embedding = try #require(EncoderFiles.shared)
        let rows = try Self.rows()
        embedding.warm(rows.map(\.text))
        let classifier = RouteClassifier(examples: try Self.shippedExamples(), embedding: embedding)
        let heldOut = try Self.report(rows, classifier: classifier, label: "hashed features + \(embedding.embeddingID)")
        let figures = heldOut.all
        #expect(figures.complexRecall >= 0.95)
        // Measured 98.6 %, 0.9 % (one message), 11.6 % on this fifth (both independent batches included).
        #expect(figures.phaticToModel <= 0.01)
        #expect(figures.simpleToStrong <= 0.15)
        Self.expectComplexAndPhaticTargets(heldOut)
    }
}
