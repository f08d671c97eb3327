import Foundation

/// The built `scheduler-bot` executable, run as a child process the way tools and users run it.
final class BotProcess {
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["SCHEDULER_BOT_BINARY"] { return URL(fileURLWithPath: path) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/scheduler-bot")
    }

    let process = Process()
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    private var buffer = Data()

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = BotProcess.executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SCHEDULER_BOT_") }
        env.merge(environment) { $1 }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Reads one line of output; fails the caller if none comes within the deadline.
    func readLine(timeout: TimeInterval = 10) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil } // end of output
            buffer.append(chunk)
        }
        return nil
    }

    /// Closes stdin and waits for exit; returns the status and whatever was left on stdout.
    func finish() -> (status: Int32, rest: String, stderr: String) {
        try? input.fileHandleForWriting.close()
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: rest, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Runs to completion with all input at once.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let bot = try BotProcess(arguments, environment: environment)
        bot.input.fileHandleForWriting.write(Data(input.utf8))
        let result = bot.finish()
        return (result.status, result.rest, result.stderr)
    }
}

func json(_ line: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
}
