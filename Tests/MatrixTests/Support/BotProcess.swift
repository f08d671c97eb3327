import Foundation

/// The real `scheduler-bot run` executable as a child process, configured for a test Synapse.
final class BotProcess: @unchecked Sendable {
    // @unchecked: `process` is only touched from the test that owns this object.
    let dataDirectory: String
    let logPath: String
    private let configPath: String
    private let environment: [String: String]
    private var process: Process?

    /// The test bots' pickle key; tests check it never reaches a log.
    static let pickleKey = "test-pickle-key-\(UUID().uuidString)"

    static var executable: String {
        Shell.packageRoot.appendingPathComponent(".build/debug/scheduler-bot").path
    }

    /// `dataDirectory`: another bot's, to start the same bot with a different configuration.
    init(server: SynapseServer, userID: String, password: String, extraConfig: String = "", dataDirectory: String? = nil,
         extraEnvironment: [String: String] = [:]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.dataDirectory = dataDirectory ?? folder.appendingPathComponent("data").path
        logPath = folder.appendingPathComponent("bot.log").path
        configPath = folder.appendingPathComponent("bot.conf").path
        try """
            [storage]
            data_dir = "\(self.dataDirectory)"

            [matrix]
            homeserver_url = "\(server.url)"
            user_id = "\(userID)"
            \(extraConfig)
            """.write(toFile: configPath, atomically: true, encoding: .utf8)
        // The password comes from the environment, as an operator would keep it out of the file.
        environment = ["SCHEDULER_BOT_MATRIX_PASSWORD": password, "SCHEDULER_BOT_MATRIX_PICKLE_KEY": Self.pickleKey]
            .merging(extraEnvironment) { _, extra in extra }
        FileManager.default.createFile(atPath: logPath, contents: nil)
    }

    func start(crashAt point: String? = nil) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
            throw Shell.Failure(description: "\(Self.executable) is missing; build it with `swift build` first")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["run", "--config", configPath]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SCHEDULER_BOT_") }
        environment.merge(self.environment) { _, new in new }
        if let point { environment["SCHEDULER_BOT_TEST_CRASH_AT"] = point }
        process.environment = environment
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
    }

    var isRunning: Bool { process?.isRunning ?? false }

    /// Waits for the process to end by itself (e.g. a test crash point); returns how it ended.
    func waitForExit(timeout: Duration = .seconds(30)) async throws -> (status: Int32, reason: Process.TerminationReason) {
        guard let process else { throw Shell.Failure(description: "bot not started") }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else { throw Shell.Failure(description: "bot did not exit; log:\n\(log.suffix(3000))") }
            try await Task.sleep(for: .milliseconds(50))
        }
        return (process.terminationStatus, process.terminationReason)
    }

    /// Sends `signal` and returns at once.
    func signal(_ signal: Int32) throws {
        guard let process, process.isRunning else { throw Shell.Failure(description: "bot not running") }
        kill(process.processIdentifier, signal)
    }

    /// SIGTERM (graceful) or SIGKILL, then waits.
    func stop(signal: Int32 = SIGTERM) async throws {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, signal)
        _ = try await waitForExit()
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
