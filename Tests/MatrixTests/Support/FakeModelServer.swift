import FakeModelSupport
import Foundation
import HTTP

/// The HTTP tests' fake OpenAI-compatible server on loopback, for a bot whose chat answers need a model call.
/// One per test run, started on first use; it exits when this process does (its stdin closes).
enum FakeModelServer {
    static let started: Result<(port: Int, lifeline: Pipe), any Error> = Result {
        let script = Shell.packageRoot.appendingPathComponent("Tests/HTTPTests/fake_openai_server.py")
        return try FakeModelProcess.start(script: script)
    }

    /// What a bot needs in its environment to call the server's `scenario` (calls counted under `id`).
    static func environment(scenario: String, id: String) throws -> [String: String] {
        let port = try started.get().port
        return ["SCHEDULER_BOT_LLM_BASE_URL": "http://127.0.0.1:\(port)/s/\(scenario)/\(id)/v1",
                "SCHEDULER_BOT_LLM_API_KEY": "test-key", "SCHEDULER_BOT_LLM_TIMEOUT_SECONDS": "120",
                "SCHEDULER_BOT_LLM_MAX_RETRIES": "0"]
    }

    /// How many model calls arrived for `id` so far (answered or still being held).
    static func calls(_ id: String) async throws -> Int {
        let port = try started.get().port
        let response = try await CurlHTTPClient().send(HTTPRequest(url: "http://127.0.0.1:\(port)/calls/\(id)"))
        return Int(String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
