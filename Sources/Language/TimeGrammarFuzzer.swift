import Foundation
import SharedValues

/// A seeded fuzzer for the time grammar: random phrases built from the grammar's own words, numbers and
/// symbols, mutations of well-formed phrases (tokens dropped, repeated, swapped, bytes flipped), and long
/// inputs to catch super-linear scanning. It checks that every input finishes, that resolved intervals are
/// not inverted, and that the cost per byte of long inputs stays flat. Same seed, same inputs.
public struct TimeGrammarFuzzer: Sendable {
    public struct Report: Sendable, CustomStringConvertible {
        public var inputs = 0
        public var resolved = 0
        public var problems = 0
        /// Inputs whose interval ends before it starts (should be none).
        public var inverted: [String] = []
        /// The slowest input, in microseconds, and its length in bytes.
        public var slowestMicroseconds = 0.0
        public var slowestLength = 0
        /// Microseconds per byte on a 64-byte and a 64 KiB input of the same material; linear scanning keeps the ratio near 1.
        public var shortCostPerByte = 0.0
        public var longCostPerByte = 0.0
        public var seconds = 0.0

        public var growth: Double { shortCostPerByte > 0 ? longCostPerByte / shortCostPerByte : 0 }
        /// No inverted interval and no super-linear growth (a long input may cost at most 8x per byte).
        public var passed: Bool { inverted.isEmpty && growth < 8 }

        public var description: String {
            "\(inputs) inputs in \(String(format: "%.1f", seconds)) s: \(resolved) resolved, \(problems) with an impossible value, "
                + "\(inverted.count) inverted intervals; slowest \(String(format: "%.0f", slowestMicroseconds)) µs "
                + "(\(slowestLength) bytes); cost per byte long/short \(String(format: "%.2f", growth)) -> \(passed ? "PASS" : "FAIL")"
        }
    }

    public var seed: UInt64

    public init(seed: UInt64 = 42) { self.seed = seed }

    public func run(count: Int, context: TimeContext) -> Report {
        var rng = SplitMix64(seed: seed)
        let parser = TimeExpressionParser()
        var report = Report()
        let clock = ContinuousClock()
        let started = clock.now
        for n in 0..<count {
            let phrase = n % 3 == 0 ? randomPhrase(&rng) : mutatedPhrase(&rng)
            let before = clock.now
            let scan = parser.scan(phrase, context: context)
            let micros = Self.microseconds(clock.now - before)
            if micros > report.slowestMicroseconds { report.slowestMicroseconds = micros; report.slowestLength = phrase.utf8.count }
            report.inputs += 1
            if let time = scan.time {
                report.resolved += 1
                if let end = time.end, end < time.start, time.open == nil, report.inverted.count < 20 { report.inverted.append(phrase) }
            }
            if !scan.problems.isEmpty { report.problems += 1 }
        }
        (report.shortCostPerByte, report.longCostPerByte) = costPerByte(&rng, parser: parser, context: context)
        report.seconds = Self.microseconds(clock.now - started) / 1e6
        return report
    }

    // MARK: - Inputs

    static let words: [String] = [
        "at", "on", "in", "from", "to", "till", "until", "by", "before", "after", "since", "within", "between", "and",
        "the", "of", "a", "an", "next", "last", "this", "past", "coming", "after", "ago", "from", "now", "right", "later",
        "today", "tonight", "tomorrow", "yesterday", "morning", "afternoon", "evening", "night", "noon", "midnight",
        "monday", "friday", "sunday", "weekend", "week", "month", "year", "day", "days", "hours", "minutes", "weeks",
        "january", "march", "may", "december", "first", "second", "third", "last", "end", "beginning", "middle", "early",
        "mid", "late", "half", "quarter", "past", "o'clock", "am", "pm", "a.m.", "ish", "couple", "few", "two", "twenty",
        "three", "and", "a", "half", "for", "-", "/", ":", ".", ",", "'s", "week's", "h", "th", "st", "rest", "all",
        "christmas", "eve", "new", "year's", "thanksgiving", "easter", "good", "summer", "winter", "fall", "season",
        "cet", "pst", "utc", "gmt", "+", "(", ")", "closest", "ides", "weekday", "business", "q4", "@", "~", "cob",
        "same", "time", "plus", "minus", "midweek", "'", "fortnight",
    ]

    static let seeds: [String] = [
        "tomorrow at 3pm", "next friday 9:30", "from 3 to 5 in the afternoon", "the last 2 days", "in two and a half hours",
        "quarter past 3", "16h30", "the 20th of next month", "thursday of next week", "by the end of the month",
        "mon 25:00-99:00", "february 30", "31/04", "for -2h", "at 9999", "the first week of april", "2 thursdays from now",
        "last week's sunday", "within the next 2 hours", "after 5pm", "until friday noon", "early march", "right now",
        "4pm CET", "10am GMT+2", "fri 1:29pm - sat 3pm", "from monday 9am to wednesday 5pm", "the day after christmas",
        "the second monday after christmas", "the week of oct 6", "next winter", "3 hours after 5pm", "fri, jul 18",
        "the closest monday to march 5", "10 august - 12 september 2013", "now + 40 minutes", "20:32:13",
        "same time next week", "monday in 2 weeks", "next tuesday + 10 days", "tomorrow 8 to 10", "aug '96", "midweek",
    ]

    private func randomPhrase(_ rng: inout SplitMix64) -> String {
        let count = 1 + Int(rng.next() % 12)
        var out = ""
        for k in 0..<count {
            if k > 0, rng.next() % 5 != 0 { out += " " }
            switch rng.next() % 4 {
            case 0: out += String(rng.next() % (rng.next() % 2 == 0 ? 32 : 100_000))
            default: out += Self.words[Int(rng.next() % UInt64(Self.words.count))]
            }
        }
        return out
    }

    private func mutatedPhrase(_ rng: inout SplitMix64) -> String {
        var bytes = Array(Self.seeds[Int(rng.next() % UInt64(Self.seeds.count))].utf8)
        for _ in 0..<(1 + Int(rng.next() % 4)) {
            guard !bytes.isEmpty else { break }
            let at = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 6 {
            case 0: bytes.remove(at: at)
            case 1: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)  // any byte, invalid UTF-8 included
            case 2: bytes[at] = UInt8(0x20 + rng.next() % 95)
            case 3: bytes.insert(contentsOf: Array(Self.words[Int(rng.next() % UInt64(Self.words.count))].utf8) + [0x20], at: at)
            case 4: bytes += [0x20] + bytes.prefix(at)
            default: bytes.swapAt(at, Int(rng.next() % UInt64(bytes.count)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Microseconds per byte of one short and one long phrase made of the same words.
    private func costPerByte(_ rng: inout SplitMix64, parser: TimeExpressionParser, context: TimeContext) -> (Double, Double) {
        var material = ""
        while material.utf8.count < 64 * 1024 { material += randomPhrase(&rng) + " " }
        let short = String(material.utf8.prefix(64)) ?? "tomorrow at 3pm"
        func perByte(_ text: String, repeats: Int) -> Double {
            let clock = ContinuousClock()
            let before = clock.now
            for _ in 0..<repeats { _ = parser.scan(text, context: context) }
            return Self.microseconds(clock.now - before) / Double(repeats * max(1, text.utf8.count))
        }
        return (perByte(short, repeats: 2000), perByte(material, repeats: 3))
    }

    static func microseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12
    }
}
