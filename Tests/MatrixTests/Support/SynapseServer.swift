import Foundation

/// A real Synapse on 127.0.0.1, started through scripts/matrix/synapse.sh. The script installs
/// Synapse into a venv cached under .build on first use; if that fails, the tests fail with its message.
final class SynapseServer: Sendable {
    let directory: String
    let url: String
    let defaultLimits: Bool

    private init(directory: String, url: String, defaultLimits: Bool) {
        self.directory = directory
        self.url = url
        self.defaultLimits = defaultLimits
    }

    static func start(defaultLimits: Bool = false) throws -> SynapseServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("synapse-\(UUID().uuidString)").path
        let url = try launch(directory: directory, defaultLimits: defaultLimits)
        return SynapseServer(directory: directory, url: url, defaultLimits: defaultLimits)
    }

    private static func launch(directory: String, defaultLimits: Bool) throws -> String {
        var arguments = ["bash", "scripts/matrix/synapse.sh", "start", directory, "--owner-pid", "\(getpid())"]
        if defaultLimits { arguments.append("--default-limits") }
        let output = try Shell.run(arguments)
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("URL=") }) else {
            throw Shell.Failure(description: "synapse.sh start printed no URL: \(output)")
        }
        return String(line.dropFirst(4))
    }

    /// Stops the server by its pid (SIGTERM); the database stays for `restart`.
    func stop() throws { _ = try Shell.run(["bash", "scripts/matrix/synapse.sh", "stop", directory]) }

    /// Starts again on the same port and database, as after an operator's restart.
    func restart() throws { _ = try Self.launch(directory: directory, defaultLimits: defaultLimits) }

    func register(_ user: String, password: String) throws {
        _ = try Shell.run(["bash", "scripts/matrix/synapse.sh", "register", directory, user, password])
    }

    /// Registers a fresh bot account so each test has its own bot, database and rooms.
    func freshBot() throws -> (userID: String, password: String) {
        let name = "bot-\(UUID().uuidString.prefix(8).lowercased())"
        try register(name, password: "botpass")
        return ("@\(name):localhost", "botpass")
    }

    func destroy() {
        try? stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit { destroy() }
}

/// One relaxed-limits Synapse for the whole test run, started on first use.
actor SharedSynapse {
    static let shared = SharedSynapse()
    private var started: Result<SynapseServer, Shell.Failure>?

    func server() throws -> SynapseServer {
        if let started { return try started.get() }
        let result: Result<SynapseServer, Shell.Failure>
        do { result = .success(try SynapseServer.start()) } catch { result = .failure(Shell.Failure(description: "\(error)")) }
        started = result
        return try result.get()
    }
}
