import Foundation
import Testing
@testable import Language

/// The labelled command messages (`Corpus/commands-labelled.tsv`, built by `tools/make_command_corpus.py`):
/// intent, task, time, duration and rating as a person means them. One base message in five, with its
/// variants, is held out and never tuned on. `swift test --filter CommandCorpusTests` prints both figures, for
/// the whole set and for each batch of bases (each batch was written and scored before any fix for it);
/// set `COMMAND_CORPUS_FAILURES=dev` (or `held`) to list the misses of that part, `COMMAND_CORPUS_BATCH=12` to
/// list only that batch's.
@Suite struct CommandCorpusTests {
    struct Case {
        var split: String
        /// Which batch of bases the message comes from ("# batch 12" in the file; the first has no mark).
        var batch: Int
        var text: String
        var intent: String
        var task: String?
        var when: String?
        var duration: Int?
        var rating: Double?
    }

    static let reference = context("2026-11-23 10:00")

    static func load() throws -> [Case] {
        let url = try #require(Bundle.module.url(forResource: "commands-labelled", withExtension: "tsv", subdirectory: "Corpus"))
        var batch = 1
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line -> Case? in
            if line.hasPrefix("# batch "), let n = Int(line.dropFirst("# batch ".count)) { batch = n }
            guard !line.hasPrefix("#") else { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 7 else { return nil }
            func value(_ s: String) -> String? { s == "-" ? nil : s }
            return Case(split: f[0], batch: batch, text: f[1], intent: f[2], task: value(f[3]), when: value(f[4]),
                        duration: value(f[5]).flatMap(Int.init), rating: value(f[6]).flatMap(Double.init))
        }
    }

    /// What is wrong with the reading of one case; empty when everything is right.
    static func misses(_ c: Case, parser: CommandParser) -> [String] {
        let reading = parser.parse(c.text, context: reference)
        let fields = reading.command.fields
        var wrong: [String] = []
        if reading.intent.rawValue != c.intent { wrong.append("intent \(reading.intent.rawValue) ≠ \(c.intent)") }
        if normalised(fields.task) != normalised(c.task) { wrong.append("task \(fields.task ?? "nil") ≠ \(c.task ?? "nil")") }
        // A label is what the user means in a command, so it reads bare hours as the grammar does.
        var labelContext = reference
        labelContext.bareHours = .workingDay
        let expected = c.when.flatMap { TimeExpressionParser().parse($0, context: labelContext) }
        if c.when != nil && expected == nil { wrong.append("label time '\(c.when ?? "")' does not read") }
        if fields.when != expected { wrong.append("when \(describe(fields.when)) ≠ \(describe(expected))") }
        if fields.durationMinutes != c.duration { wrong.append("duration \(fields.durationMinutes.map(String.init) ?? "nil") ≠ \(c.duration.map(String.init) ?? "nil")") }
        if abs((fields.rating ?? -1) - (c.rating ?? -1)) > 0.001 { wrong.append("rating \(fields.rating.map { "\($0)" } ?? "nil") ≠ \(c.rating.map { "\($0)" } ?? "nil")") }
        return wrong
    }

    static func normalised(_ text: String?) -> String? {
        text.map { $0.lowercased().split(whereSeparator: { $0 == " " || $0 == "\"" || $0 == "'" }).joined(separator: " ") }
    }

    static func describe(_ time: ResolvedTime?) -> String {
        guard let time else { return "nil" }
        return time.json(in: reference.offsets)
    }

    struct Score {
        var count = 0, intentRight = 0, allRight = 0
        var intent: Double { count == 0 ? 0 : Double(intentRight) / Double(count) }
        var everything: Double { count == 0 ? 0 : Double(allRight) / Double(count) }
        var line: String { "\(count) messages: intent \(String(format: "%.3f", intent)), everything right \(String(format: "%.3f", everything))" }

        mutating func add(_ wrong: [String]) {
            count += 1
            if !wrong.contains(where: { $0.hasPrefix("intent") }) { intentRight += 1 }
            if wrong.isEmpty { allRight += 1 }
        }
    }

    @Test func devAndHeldOutFigures() throws {
        let parser = CommandParser()
        let cases = try Self.load()
        let environment = ProcessInfo.processInfo.environment
        let show = environment["COMMAND_CORPUS_FAILURES"]
        let shownBatch = environment["COMMAND_CORPUS_BATCH"].flatMap(Int.init)
        var scores: [String: Score] = [:]
        var batchScores: [Int: [String: Score]] = [:]
        for c in cases {
            let wrong = Self.misses(c, parser: parser)
            scores[c.split, default: Score()].add(wrong)
            batchScores[c.batch, default: [:]][c.split, default: Score()].add(wrong)
            if !wrong.isEmpty, show == c.split, shownBatch.map({ $0 == c.batch }) ?? true {
                print("MISS [\(c.split)] \(c.text) — \(wrong.joined(separator: "; "))")
            }
        }
        for (batch, parts) in batchScores.sorted(by: { $0.key < $1.key }) {
            print("commands corpus, batch \(batch) dev: \((parts["dev"] ?? Score()).line); held-out: \((parts["held"] ?? Score()).line)")
        }
        let dev = scores["dev"] ?? Score(), held = scores["held"] ?? Score()
        print("commands corpus, dev: \(dev.line)")
        print("commands corpus, held-out: \(held.line)")
        #expect(cases.count >= 800)
        #expect(dev.intent >= 0.95 && dev.everything >= 0.90, "dev \(dev.line)")
        #expect(held.intent >= 0.90 && held.everything >= 0.80, "held-out \(held.line)")
    }
}
