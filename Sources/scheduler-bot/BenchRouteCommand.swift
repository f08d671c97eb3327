import ArgumentParser
import Benchmarks
import Coaching
import Foundation
import SentenceEncoder

/// `scheduler-bot bench-route`: what the learned router and the sentence encoder add to a chat message.
struct BenchRouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-route",
        abstract: "Time message routing (hashed features, and with the sentence encoder) and the router's start-up.",
        discussion: "Use a release build for figures. Messages are the route examples with a word appended, so none is cached.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Messages per length group.") var messages = 200

    func run() throws {
        let app = App.load(global, logLevel: .error)
        guard let folder = app.promptsDirectory else { throw ValidationError("no prompts folder found") }
        let routes = folder + "/routes"
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: routes) where name.hasSuffix(".txt") {
            files[name] = try String(contentsOfFile: routes + "/" + name, encoding: .utf8)
        }
        let examples = try RouteExamples(files: files)
        let directory = app.encoderDirectory
        let wordNetStart = Date()
        let wordNet = app.wordNet()
        let wordNetMs = Date().timeIntervalSince(wordNetStart) * 1000
        let benchmark = RoutingBenchmark(examples: examples, lexicon: app.conceptLexicon(), wordNet: wordNet) {
            guard let encoder = try? MiniLMEncoder(modelPath: directory + "/model.safetensors", vocabularyPath: directory + "/vocab.txt") else { return nil }
            return SentenceEmbedding(encoder: encoder)
        }
        printFlushed(benchmark.run(messagesPerGroup: messages).table)
        printFlushed(wordNet == nil ? "no WordNet" : String(format: "start-up: WordNet read in %.0f ms", wordNetMs))
    }
}
