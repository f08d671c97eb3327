import ArgumentParser
import Foundation
import Language

/// `scheduler-bot parse-time`: resolve a time expression to JSON.
struct ParseTimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-time",
        abstract: "Resolve a time expression to JSON.",
        discussion: "Without TEXT, reads one phrase per stdin line and prints one flushed JSON line per phrase.")

    @OptionGroup var reference: ReferenceOptions

    @Option(name: .long, help: "Time this many phrases from FILE in-process and print the rate (no JSON).")
    var bench: String?

    @Flag(name: .long, help: "Add \"rules\": the grammar rules that built each answer.")
    var explain = false

    @Option(name: .long, help: "Fuzz the grammar with N seeded random and mutated phrases and print a report.")
    var fuzz: Int?

    @Option(name: .long, help: "Seed for --fuzz.")
    var seed: UInt64 = 42

    @Argument(help: "The phrase to read; omit to read stdin line by line.")
    var text: [String] = []

    func run() throws {
        let context = try reference.context()
        let parser = TimeExpressionParser()
        if let bench {
            try Benchmark.run(file: bench, label: "parse-time") { _ = parser.scan($0, context: context) }
            return
        }
        if let fuzz {
            let report = TimeGrammarFuzzer(seed: seed).run(count: fuzz, context: context)
            print(report)
            for phrase in report.inverted { print("inverted: \(phrase)") }
            if !report.passed { throw ExitCode.failure }
            return
        }
        let explain = self.explain
        let render = { (phrase: String) in parser.scan(phrase, context: context).json(in: context.offsets, explain: explain) }
        LineOutput.answer(text, render: render)
    }
}
