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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            return .failure(FakeServerError(reason: "cannot start python3: \(error)"))
        }
        guard let port = readFirstLine(output.fileHandleForReading).flatMap(Int.init) else {
            return .failure(FakeServerError(reason: "server printed no port"))
        }
        return .success(FakeServer(port: port, lifeline: input))
    }

    private static func readFirstLine(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while let byte = try? handle.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") {
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

struct FakeServerError: Error, CustomStringConvertible {
    let reason: String
    var description: String { "fake server: \(reason)" }
}
