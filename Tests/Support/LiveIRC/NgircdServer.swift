import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway ngIRCd on 127.0.0.1 and a free port, configured from a temp directory.
/// Stopped by PID (SIGKILL, then reaped) in `stop()`, which `deinit` also calls, so no test
/// leaves a server behind even when it fails.
final class NgircdServer: @unchecked Sendable {
    enum Penalties {
        /// `MaxPenaltyTime = 0`: the server processes lines as fast as they come.
        case disabled
        /// ngIRCd's shipped defaults: roughly 3 lines a second per client after a short burst.
        case serverDefault
    }

    struct NotInstalled: Error, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "ngircd not found (looked in \(searched.joined(separator: ", "))). The IRC tests need a real server: "
                + "install the Debian package with `apt-get install -y ngircd`."
        }
    }

    struct DidNotStart: Error, CustomStringConvertible {
        let log: String
        var description: String { "ngircd did not start listening within 5 s. Its log:\n\(log)" }
    }

    /// Another process bound the port between choosing it and the server binding it (or the server quit at once).
    struct PortTaken: Error, CustomStringConvertible {
        let log: String
        var description: String { "ngircd could not listen on its port. Its log:\n\(log)" }
    }

    static let defaultCandidates = ["/usr/sbin/ngircd", "/usr/local/sbin/ngircd", "/usr/bin/ngircd"]

    private(set) var port: Int
    let directory: URL
    private let executable: URL
    private let lock = NSLock()
    private var process: Process?

    static func locate(candidates: [String] = defaultCandidates) throws -> URL {
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw NotInstalled(searched: candidates)
        }
        return URL(fileURLWithPath: path)
    }

    /// `password` sets the server password (PASS); ngIRCd refuses PASS when it has none configured.
    init(penalties: Penalties, pingTimeoutSeconds: Int = 120, pongTimeoutSeconds: Int = 20,
         password: String? = nil) async throws {
        executable = try Self.locate()
        port = try FreePort.find()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ngircd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Tests run side by side: a port another server took in the meantime is retried with a new one, never
        // mistaken for ours (its clients would be cut off when that other test stops its server).
        for attempt in 1...5 {
            try configuration(penalties: penalties, ping: pingTimeoutSeconds, pong: pongTimeoutSeconds, password: password)
                .write(to: directory.appendingPathComponent("ngircd.conf"), atomically: true, encoding: .utf8)
            do {
                try await start()
                return
            } catch is PortTaken where attempt < 5 {
                port = try FreePort.find()
            }
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    func start() async throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-n", "-f", directory.appendingPathComponent("ngircd.conf").path]
        let log = try FileHandle(forWritingTo: logFile())
        let earlierLog = log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        lock.withLock { self.process = process }
        for _ in 0..<250 {
            // Listening means this process says so: something else answering on the port is not our server.
            let said = String(logText().utf8.dropFirst(Int(earlierLog))) ?? ""
            if said.contains("Now listening on [127.0.0.1]:\(port)"), FreePort.accepts(port: port) { return }
            if said.contains("Can't bind") || !process.isRunning {
                stop()
                throw PortTaken(log: said)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        stop()
        throw DidNotStart(log: (try? String(contentsOf: logFile(), encoding: .utf8)) ?? "")
    }

    func stop() {
        let running = lock.withLock { () -> Process? in
            defer { process = nil }
            return process
        }
        guard let running, running.isRunning else { return }
        kill(running.processIdentifier, SIGKILL)
        running.waitUntilExit()
    }

    /// An IRC operator of every test server, so a test can cut one client's link from the server side (KILL).
    static let operatorName = "testoper"
    static let operatorPassword = "testoperpass"

    func logText() -> String {
        (try? String(contentsOf: logFile(), encoding: .utf8)) ?? ""
    }

    private func logFile() throws -> URL {
        let url = directory.appendingPathComponent("ngircd.log")
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        return url
    }

    private func configuration(penalties: Penalties, ping: Int, pong: Int, password: String?) -> String {
        """
        # Test-only ngIRCd: loopback, plain TCP, no PAM/ident/DNS.
        [Global]
        \tName = irc.test.local
        \tInfo = scheduler-bot test server
        \tListen = 127.0.0.1
        \tPorts = \(port)
        \tMotdPhrase = test server
        \(password.map { "\tPassword = \($0)" } ?? "")
        [Limits]
        \tPingTimeout = \(ping)
        \tPongTimeout = \(pong)
        \tMaxConnectionsIP = 0
        \tMaxNickLength = 30
        \(penalties == .disabled ? "\tMaxPenaltyTime = 0" : "")
        [Operator]
        \tName = \(Self.operatorName)
        \tPassword = \(Self.operatorPassword)
        [Options]
        \tPAM = no
        \tIdent = no
        \tDNS = no
        """
    }
}

enum FreePort {
    /// Asks the kernel for an unused loopback port. Another process could take it before the
    /// server binds it; on a test machine that race is rare and shows up as `DidNotStart`.
    static func find() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func accepts(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
