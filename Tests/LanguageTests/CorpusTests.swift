import Foundation
import Testing
@testable import Language

/// One corpus line: a phrase, its reference, and what it must resolve to.
struct CorpusCase: Sendable, CustomStringConvertible {
    enum Expected: Sendable, Equatable {
        case time(start: Date, end: Date?, grain: TimeGrain)
        case duration(Int)
        case none
    }

    var category: String
    var phrase: String
    var context: TimeContext
    var expected: Expected
    var line: Int

    var description: String { "line \(line) [\(category)] \"\(phrase)\"" }
}

enum Corpus {
    /// The corpus lines, read from the bundled resource.
    static func load(_ name: String = "time-expressions") throws -> [CorpusCase] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Corpus"))
        return try parse(String(contentsOf: url, encoding: .utf8))
    }

    static func parse(_ text: String) throws -> [CorpusCase] {
        var cases: [CorpusCase] = []
        var current: (context: TimeContext, zone: TimeZone)?
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("@now") {
                let parts = line.split(separator: " ").map(String.init)
                let zone = try #require(ZoneName.timeZone(parts[3]), "unknown zone on line \(number + 1)")
                let order: DateOrder = parts.count > 4 && parts[4] == "day-first" ? .dayFirst : .monthFirst
                current = (TimeContext(now: localDate("\(parts[1]) \(parts[2])", zone), timeZone: zone, dateOrder: order), zone)
                continue
            }
            let fields = raw.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let reference = try #require(current, "line \(number + 1) comes before any @now")
            try #require(fields.count == 3, "line \(number + 1) needs category | phrase | expected")
            let phrase = String(raw.split(separator: "|")[1].dropFirst().dropLast())  // keep the phrase's own spacing
            cases.append(CorpusCase(category: fields[0], phrase: phrase, context: reference.context,
                                    expected: try expected(fields[2], zone: reference.zone), line: number + 1))
        }
        return cases
    }

    private static func expected(_ text: String, zone: TimeZone) throws -> CorpusCase.Expected {
        if text == "none" { return .none }
        if text.hasPrefix("duration ") { return .duration(try #require(Int(text.dropFirst(9)))) }
        let parts = text.split(separator: " ").map(String.init)
        let grain = try #require(TimeGrain(rawValue: parts.last ?? ""), "bad grain in '\(text)'")
        let span = parts.dropLast().joined(separator: " ").components(separatedBy: "..")
        let start = localDate(span[0], zone)
        return .time(start: start, end: span.count > 1 ? localDate(span[1], zone) : nil, grain: grain)
    }

    static func actual(_ c: CorpusCase) -> CorpusCase.Expected {
        let scan = TimeExpressionParser().scan(c.phrase, context: c.context)
        if let time = scan.time { return .time(start: time.start, end: time.end, grain: time.grain) }
        if let minutes = scan.durationMinutes { return .duration(minutes) }
        return .none
    }
}

@Suite struct CorpusTests {
    /// The bar for our own corpus: every phrase. Lower it only with a note in Sources/Language/README.md.
    static let requiredAccuracy = 1.0

    @Test func corpusIsBroadEnough() throws {
        let cases = try Corpus.load()
        #expect(cases.count >= 600)
        let categories = Set(cases.map(\.category))
        for required in ["relative-days", "weekdays", "clock-times", "day-and-time", "parts-of-day", "offsets", "weeks-months",
                         "absolute-dates", "intervals", "durations", "number-words", "noise", "dst", "month-ends", "date-order"] {
            #expect(categories.contains(required), "no corpus lines for \(required)")
        }
    }

    @Test func accuracyPerCategory() throws {
        let (passed, total) = try score("time-expressions")
        #expect(Double(passed) / Double(total) >= Self.requiredAccuracy, "\(total - passed) corpus misses")
    }

    /// Forms labelled by hand to Duckling's conventions that the corpus above lacks; the held-out fifth is
    /// reported, never tuned on, and held to a lower bar.
    @Test func ducklingFormsAndTheirHeldOutFifth() throws {
        let (passed, total) = try score("duckling-forms")
        #expect(Double(passed) / Double(total) >= 0.95, "duckling-forms: \(passed)/\(total)")
        let (heldPassed, heldTotal) = try score("duckling-forms-holdout")
        print("held-out fifth: \(heldPassed)/\(heldTotal)")
        #expect(Double(heldPassed) / Double(heldTotal) >= 0.75, "duckling-forms-holdout: \(heldPassed)/\(heldTotal)")
    }

    /// The rules of Duckling's EN grammar beyond those: zones in the text, holidays, seasons, "the week of",
    /// datetime-to-datetime ranges, durations before/after a time (labelled before the parser ran on them).
    @Test func ducklingRulesAndTheirHeldOutFifth() throws {
        let (passed, total) = try score("duckling-rules")
        #expect(Double(passed) / Double(total) >= 0.95, "duckling-rules: \(passed)/\(total)")
        let (heldPassed, heldTotal) = try score("duckling-rules-holdout")
        print("held-out fifth: \(heldPassed)/\(heldTotal)")
        #expect(Double(heldPassed) / Double(heldTotal) >= 0.75, "duckling-rules-holdout: \(heldPassed)/\(heldTotal)")
        let (secondPassed, secondTotal) = try score("duckling-rules-2")
        #expect(Double(secondPassed) / Double(secondTotal) >= 0.95, "duckling-rules-2: \(secondPassed)/\(secondTotal)")
        let (secondHeld, secondHeldTotal) = try score("duckling-rules-2-holdout")
        print("second held-out fifth: \(secondHeld)/\(secondHeldTotal)")
        #expect(Double(secondHeld) / Double(secondHeldTotal) >= 0.75, "duckling-rules-2-holdout: \(secondHeld)/\(secondHeldTotal)")
    }

    /// Same time <day>, <weekday> in <duration>, <day> +/- <duration>, "tomorrow 8 to 10", "aug 96", midweek
    /// (first run before they were implemented: 16/54 and 1/13).
    @Test func thirdBatchAndItsHeldOutFifth() throws {
        let (passed, total) = try score("duckling-rules-3")
        #expect(Double(passed) / Double(total) >= 0.95, "duckling-rules-3: \(passed)/\(total)")
        let (held, heldTotal) = try score("duckling-rules-3-holdout")
        print("third held-out fifth: \(held)/\(heldTotal)")
        #expect(Double(held) / Double(heldTotal) >= 0.75, "duckling-rules-3-holdout: \(held)/\(heldTotal)")
        // Written after the third batch was implemented (first run 31/32 and 8/8).
        let (fourth, fourthTotal) = try score("duckling-rules-4")
        #expect(Double(fourth) / Double(fourthTotal) >= 0.95, "duckling-rules-4: \(fourth)/\(fourthTotal)")
        let (fourthHeld, fourthHeldTotal) = try score("duckling-rules-4-holdout")
        print("fourth held-out fifth: \(fourthHeld)/\(fourthHeldTotal)")
        #expect(Double(fourthHeld) / Double(fourthHeldTotal) >= 0.75, "duckling-rules-4-holdout: \(fourthHeld)/\(fourthHeldTotal)")
    }

    private func score(_ name: String) throws -> (passed: Int, total: Int) {
        let cases = try Corpus.load(name)
        var totals: [String: (passed: Int, all: Int)] = [:]
        var failures: [String] = []
        for c in cases {
            let got = Corpus.actual(c)
            let ok = got == c.expected
            totals[c.category, default: (0, 0)].all += 1
            if ok { totals[c.category, default: (0, 0)].passed += 1 } else {
                failures.append("\(c): expected \(render(c.expected, c.context)), got \(render(got, c.context))")
            }
        }
        print("\(name):\n" + table(totals))
        for failure in failures { print("  miss: \(failure)") }
        return (totals.values.map(\.passed).reduce(0, +), cases.count)
    }

    private func table(_ totals: [String: (passed: Int, all: Int)]) -> String {
        var rows = ["category          passed   total   accuracy"]
        for (category, t) in totals.sorted(by: { $0.key < $1.key }) {
            rows.append(category.padding(toLength: 18, withPad: " ", startingAt: 0)
                        + String(t.passed).leftPadded(6) + String(t.all).leftPadded(8)
                        + String(format: "%10.1f%%", 100 * Double(t.passed) / Double(t.all)))
        }
        let passed = totals.values.map(\.passed).reduce(0, +), all = totals.values.map(\.all).reduce(0, +)
        rows.append("ALL".padding(toLength: 18, withPad: " ", startingAt: 0) + String(passed).leftPadded(6)
                    + String(all).leftPadded(8) + String(format: "%10.1f%%", 100 * Double(passed) / Double(all)))
        return rows.joined(separator: "\n")
    }

    private func render(_ e: CorpusCase.Expected, _ context: TimeContext) -> String {
        switch e {
        case .none: "none"
        case let .duration(m): "duration \(m)"
        case let .time(start, end, grain): "\(iso(start, context) ?? "")..\(iso(end, context) ?? "nil") \(grain.rawValue)"
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
