import ArgumentParser
import Foundation
import Language

/// `scheduler-bot parse-time`: resolve a time expression to JSON (issue 3).
struct ParseTimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-time",
        abstract: "Resolve a time expression to JSON.",
        discussion: "Without TEXT, reads one phrase per stdin line and prints one flushed JSON line per phrase.")

    @OptionGroup var reference: ReferenceOptions

    @Option(name: .long, help: "Time this many phrases from FILE in-process and print the rate (no JSON).")
    var bench: String?

    @Argument(help: "The phrase to read; omit to read stdin line by line.")
    var text: [String] = []

    func run() throws {
        let context = try reference.context()
        let parser = TimeExpressionParser()
        if let bench {
            try Benchmark.run(file: bench, label: "parse-time") { _ = parser.scan($0, context: context) }
            return
        }
        let render = { (phrase: String) in parser.scan(phrase, context: context).json(in: context.offsets) }
        LineOutput.answer(text, render: render)
    }
}
