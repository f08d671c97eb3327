import ArgumentParser
import Foundation
import Language

/// `scheduler-bot parse`: read a chat message into an intent, as JSON.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read a message into an intent, as JSON.",
        discussion: "Without TEXT, reads one message per stdin line and prints one flushed JSON line per message.")

    @OptionGroup var reference: ReferenceOptions

    @Option(name: .long, help: "Time this many messages from FILE in-process and print the rate (no JSON).")
    var bench: String?

    @Argument(help: "The message to read; omit to read stdin line by line.")
    var text: [String] = []

    func run() throws {
        let context = try reference.context()
        let parser = CommandParser()
        if let bench {
            try Benchmark.run(file: bench, label: "parse") { _ = parser.parse($0, context: context) }
            return
        }
        LineOutput.answer(text) { parser.parse($0, context: context).json(in: context.offsets) }
    }
}

/// `--now`, `--tz` and `--date-order`, shared by `parse` and `parse-time`.
struct ReferenceOptions: ParsableArguments {
    @Option(name: .long, help: "The reference instant, ISO-8601 (e.g. 2026-11-23T10:00:00+01:00).")
    var now: String

    @Option(name: .long, help: "IANA zone (Europe/Berlin) or fixed offset; write --tz=-02:00 for negative offsets.")
    var tz: String = "UTC"

    @Option(name: .long, help: "How 11/12 reads: month-first or day-first.")
    var dateOrder: String = DateOrder.monthFirst.rawValue

    func context() throws -> TimeContext {
        guard let zone = ZoneName.timeZone(tz) else {
            throw ValidationError("unknown time zone '\(tz)': use an IANA name like Europe/Berlin or an offset like -02:00")
        }
        guard let order = DateOrder(rawValue: dateOrder) else {
            throw ValidationError("--date-order must be month-first or day-first, not '\(dateOrder)'")
        }
        let offsets = ZoneOffsets(timeZone: zone, around: Date(timeIntervalSince1970: 0))
        guard let instant = ISO8601.parse(now, zone: offsets) else {
            throw ValidationError("--now '\(now)' is not ISO-8601, e.g. 2026-11-23T10:00:00+01:00")
        }
        return TimeContext(now: instant, timeZone: zone, dateOrder: order)
    }
}

/// One JSON line per phrase: the argument, or every stdin line, each written at once with one
/// `write(2)` (no stdio buffer to flush, so a driving program sees every answer immediately).
enum LineOutput {
    static func answer(_ words: [String], render: (String) -> String) {
        if !words.isEmpty {
            emit(render(words.joined(separator: " ")))
            return
        }
        while let line = readLine(strippingNewline: true) {
            emit(render(line))
        }
    }

    private static func emit(_ json: String) {
        var bytes = Array(json.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(1, base + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

/// In-process throughput: every line of FILE through `body`, timed with a monotonic clock.
enum Benchmark {
    static func run(file: String, label: String, body: (String) -> Void) throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read \(file)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        let clock = ContinuousClock()
        let elapsed = clock.measure { for line in lines { body(line) } }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(lines.count) / max(seconds, 1e-9)
        print("\(label): \(lines.count) phrases in \(String(format: "%.3f", seconds)) s = \(Int(rate)) phrases/s")
    }
}
