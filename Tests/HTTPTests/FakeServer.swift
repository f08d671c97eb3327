import FakeModelSupport
import Foundation

/// The fake OpenAI-compatible server (fake_openai_server.py) on 127.0.0.1, one per test process.
/// It exits when our end of its stdin closes, so it never outlives the test run.
struct FakeServer: Sendable {
    let port: Int
    /// Our end of the server's stdin, held for the life of the test process: closing it stops the server.
    let lifeline: Pipe

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// A base URL for one API scenario; `id` keeps each test's call counts apart.
    func apiBase(_ scenario: String, id: String = UUID().uuidString) -> (url: String, id: String) {
        ("\(baseURL)/s/\(scenario)/\(id)/v1", id)
    }

    static let shared: Result<FakeServer, FakeServerError> = launch()

    static func running() throws -> FakeServer { try shared.get() }

    private static func launch() -> Result<FakeServer, FakeServerError> {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("fake_openai_server.py")
        do {
            let (port, lifeline) = try FakeModelProcess.start(script: script)
            return .success(FakeServer(port: port, lifeline: lifeline))
        } catch {
            return .failure(FakeServerError(reason: "cannot start it or read its port: \(error)"))
        }
    }
}

struct FakeServerError: Error, CustomStringConvertible {
    let reason: String
    var description: String { "fake server: \(reason)" }
}
