import ArgumentParser
import Benchmarks
import Foundation

/// `scheduler-bot bench`: latency, throughput, memory and database size of the non-LLM path at scale.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Build a synthetic population in a temporary SQLite file and time a command mix through the engine.",
        discussion: "Use a release build for figures. The last line is: p99_schedule_us=... p99_done_us=... throughput_msgs_per_s=...")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Users in the population (default 10000; 100 with --curve).") var users: Int?
    @Option(help: "Past (resolved) events per user, spread over a year.") var eventsPerUser = 250
    @Option(help: "Timed messages in the replay, after the warm-up (default 20000; 5000 per step with --curve).") var messages: Int?
    @Option(help: "Untimed warm-up messages.") var warmUp = 500
    @Option(help: "Random seed (the same seed gives the same population and messages).") var seed: UInt64 = 42
    @Flag(help: "Repeat the run for 10, 100, 1000 and 10000 events per user and print the cost curve.") var curve = false
    @Flag(help: "Print JSON (then the summary line) instead of the table.") var json = false

    func validate() throws {
        guard users ?? 1 > 0, eventsPerUser >= 0, messages ?? 1 > 0, warmUp >= 0 else {
            throw ValidationError("users and messages must be positive; events-per-user and warm-up at least 0")
        }
    }

    func run() async throws {
        let app = App.load(global, logLevel: .error)
        let benchmark = ScaleBenchmark(prompts: app.prompts(waitForEncoder: true), matcher: app.taskTypeMatcher())
        // The curve repeats the whole run up to 10,000 events per user, so it uses a smaller population by default.
        let options = ScaleBenchmark.Options(users: users ?? (curve ? 100 : 10_000), eventsPerUser: eventsPerUser,
                                             messages: messages ?? (curve ? 5000 : 20_000), seed: seed, warmUp: warmUp)
        if curve {
            let result = try await ScaleCurve(benchmark: benchmark, options: options)
            printFlushed(json ? result.json : result.table)
        } else {
            let report = try await benchmark.run(options)
            printFlushed(json ? report.json : report.table)
        }
    }
}
