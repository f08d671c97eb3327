import FakeModelSupport
import Foundation
import Testing

/// The whole chat path through the real executable and libcurl, against the fake OpenAI-compatible server
/// of the HTTP tests (it checks each request's shape and answers with usage, or fails on purpose).
@Suite(.serialized) struct LiveModelTests {
    static let server: Result<(port: Int, lifeline: Pipe), any Error> = Result {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("HTTPTests/fake_openai_server.py")
        // Closing the lifeline (when the test process ends) stops the server.
        return try FakeModelProcess.start(script: script)
    }

    func replay(scenario: String, lines: [String]) throws -> [[String: Any]] {
        let port = try Self.server.get().port
        let costs = NSTemporaryDirectory() + "costs-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: costs) }
        let environment = ["SCHEDULER_BOT_LLM_BASE_URL": "http://127.0.0.1:\(port)/s/\(scenario)/\(UUID().uuidString)/v1",
                           "SCHEDULER_BOT_LLM_API_KEY": "test-key", "SCHEDULER_BOT_LLM_TIMEOUT_SECONDS": "5",
                           "SCHEDULER_BOT_LLM_MAX_RETRIES": "1", "SCHEDULER_BOT_COSTS_LOG_PATH": costs]
        let result = try BotProcess.run(["replay"], input: lines.joined(separator: "\n") + "\n", environment: environment)
        #expect(!result.stderr.contains("test-key"), "the API key never reaches the logs")
        return result.stdout.split(separator: "\n").compactMap { json(String($0)) }
    }

    @Test func coachingReachesTheConfiguredEndpointAndItsUsageIsReported() throws {
        let answers = try replay(scenario: "ok", lines: [
            #"{"user":"u","text":"engineer","at":"2026-11-23T08:00:00Z"}"#,
            #"{"user":"u","text":"why do I keep skipping my runs?","at":"2026-11-23T08:01:00Z"}"#,
            #"{"user":"u","text":"hi","at":"2026-11-23T08:02:00Z"}"#,
        ])
        #expect(answers.count == 3)
        #expect(answers[1]["route"] as? String == "assistant")
        let llm = try #require(answers[1]["llm"] as? [String: Any])
        #expect(llm["calls"] as? Int == 1)
        #expect(llm["prompt_tokens"] as? Int == 42, "usage comes from the server's answer")
        #expect(answers[2]["route"] as? String == "pattern")
    }

    @Test func aFailingEndpointGivesAShortFallbackAndTheBotGoesOn() throws {
        let answers = try replay(scenario: "always-500", lines: [
            #"{"user":"u","text":"engineer","at":"2026-11-23T08:00:00Z"}"#,
            #"{"user":"u","text":"how do I stop procrastinating?","at":"2026-11-23T08:01:00Z"}"#,
            #"{"user":"u","text":"schedule deep coding tomorrow for 2h","at":"2026-11-23T08:02:00Z"}"#,
        ])
        #expect(answers.count == 3)
        let fallback = try #require((answers[1]["replies"] as? [String])?.first)
        #expect(fallback.contains("schedule commands still work"))
        #expect(answers[2]["intent"] as? String == "schedule")
        #expect(answers[2]["event"] is [String: Any])
    }
}
