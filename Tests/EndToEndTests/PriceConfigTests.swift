import Foundation
import Testing

/// Prices come from bot.conf; a model the bot could call without a price stops it at start-up.
@Suite struct PriceConfigTests {
    func config(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "prices-\(UUID().uuidString).conf"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func anUnpricedModelIsAStartUpErrorNamingFileLineAndKey() throws {
        let path = try config("[llm]\ncompletions_model = \"gpt-4o-mini\"\nassistant_model = \"llama3:70b\"\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try BotProcess.run(["--config", path, "replay"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("\(path):3: [llm] assistant_model \"llama3:70b\" has no price"))
        #expect(result.stderr.contains("[costs.prices]"))
    }

    @Test func aPricedCustomModelRunsAndIsBilledAtItsPrice() throws {
        let path = try config("""
            [llm]
            assistant_model = "llama3:70b"

            [costs.prices]
            "llama3:70b" = [1_000, 2_000]
            """)
        let log = NSTemporaryDirectory() + "prices-\(UUID().uuidString).jsonl"
        defer { for file in [path, log] { try? FileManager.default.removeItem(atPath: file) } }
        let input = [
            #"{"user":"@p:example.org","text":"engineer","at":"2026-11-23T08:00:00Z"}"#,
            #"{"user":"@p:example.org","text":"why do I keep skipping my runs?","at":"2026-11-23T08:01:00Z"}"#,
        ].joined(separator: "\n") + "\n"
        let result = try BotProcess.run(["--config", path, "replay"], input: input, environment: ["SCHEDULER_BOT_COSTS_LOG_PATH": log])
        #expect(result.status == 0, "\(result.stderr)")
        let answers = result.stdout.split(separator: "\n").compactMap { json(String($0)) }
        // $1000 per million tokens: the strong call's worst case does not fit $0.05, so the cheap model answers.
        #expect(answers.last?["route"] as? String == "completions", "\(answers)")
        let audit = try BotProcess.run(["--config", path, "costs", "--log", log, "--by", "model"])
        #expect(audit.status == 0)
        #expect(audit.stdout.contains("spend by model: gpt-4o-mini $"))
    }
}
