import Foundation

/// Starts the HTTP tests' fake OpenAI-compatible server (`Tests/HTTPTests/fake_openai_server.py`) on loopback.
/// It prints its port, then serves until its stdin closes: keep `lifeline` for as long as it should run (the
/// test process ending closes it).
public enum FakeModelProcess {
    public static func start(script: URL) throws -> (port: Int, lifeline: Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var bytes: [UInt8] = []
        while let byte = try output.fileHandleForReading.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") { bytes.append(byte) }
        guard let port = Int(String(decoding: bytes, as: UTF8.self)) else { throw CocoaError(.fileReadCorruptFile) }
        return (port, input)
    }
}
