import Foundation
import IRC
#if canImport(Glibc)
import Glibc
#endif

/// A minimal IRC client speaking raw lines over a non-blocking socket, polled with short sleeps
/// so it never blocks the cooperative thread pool the bot also runs on. Answers PINGs itself.
final class RawIRCClient: @unchecked Sendable {
    struct Line: Sendable {
        let raw: String
        /// On-the-wire size including CRLF, as the 512-byte rule counts it.
        let wireBytes: Int
        let message: IRCMessage
        let at: ContinuousClock.Instant
    }

    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        let seen: [String]
        var description: String { "timed out waiting for \(waitingFor); last lines:\n" + seen.suffix(15).joined(separator: "\n") }
    }

    let nick: String
    private let descriptor: Int32
    private var pending: [UInt8] = []
    private(set) var history: [Line] = []

    private init(nick: String, descriptor: Int32) {
        self.nick = nick
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    static func connect(port: Int, nick: String, password: String? = nil) async throws -> RawIRCClient {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = FreePort.loopback(port: port)
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else { close(descriptor); throw POSIXError(.ECONNREFUSED) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        let client = RawIRCClient(nick: nick, descriptor: descriptor)
        if let password { client.send("PASS \(password)") }
        client.send("NICK \(nick)")
        client.send("USER \(nick) 0 * :test client \(nick)")
        _ = try await client.waitFor("registration of \(nick)") { ["376", "422"].contains($0.command) }
        return client
    }

    func send(_ line: String) {
        let bytes = Array((line + "\r\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { if errno == EAGAIN { usleep(1000); continue } else { return } }
            offset += sent
        }
    }

    /// OPER as the test server's operator (see `NgircdServer.operatorName`).
    func becomeOperator() async throws {
        send("OPER \(NgircdServer.operatorName) \(NgircdServer.operatorPassword)")
        _ = try await waitFor("RPL_YOUREOPER") { $0.command == "381" }
    }

    func join(_ channel: String) async throws {
        send("JOIN \(channel)")
        _ = try await waitFor("JOIN \(channel)") { $0.command == "366" && $0.parameter(1) == channel }
    }

    /// Polls NAMES until `nick` is in `channel`.
    func waitUntilPresent(_ nick: String, in channel: String, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            send("NAMES \(channel)")
            var names: [String] = []
            while true {
                let line = try await waitFor("NAMES \(channel)", timeout: .seconds(5)) { ["353", "366"].contains($0.command) }
                if line.message.command == "366" { break }
                names += (line.message.trailing ?? "").split(separator: " ").map { String($0.drop(while: { "@+".contains($0) })) }
            }
            if names.contains(nick) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Timeout(waitingFor: "\(nick) in \(channel)", seen: history.map(\.raw))
    }

    /// Reads until a line matches; earlier lines stay in `history`.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(30), _ matches: (IRCMessage) -> Bool) async throws -> Line {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = try await nextLine(until: deadline), matches(line.message) { return line }
        }
        throw Timeout(waitingFor: what, seen: history.map(\.raw))
    }

    /// Everything that arrives within `duration`.
    func collect(for duration: Duration) async throws -> [Line] {
        let deadline = ContinuousClock.now + duration
        var lines: [Line] = []
        while let line = try await nextLine(until: deadline) { lines.append(line) }
        return lines
    }

    private func nextLine(until deadline: ContinuousClock.Instant) async throws -> Line? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let bytes = Array(pending[...newline])
                pending.removeSubrange(...newline)
                return record(bytes)
            }
            var buffer = [UInt8](repeating: 0, count: 16_384)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count > 0 { pending += buffer[0..<count]; continue }
            if count == 0 { throw POSIXError(.ECONNRESET) }
            if ContinuousClock.now >= deadline { return nil }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    private func record(_ bytes: [UInt8]) -> Line {
        let raw = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .newlines)
        let message = (try? IRCMessage(parsing: raw)) ?? IRCMessage(command: "UNPARSABLE", parameters: [raw])
        if message.command == "PING" { send("PONG :\(message.trailing ?? "")") }
        let line = Line(raw: raw, wireBytes: bytes.count, message: message, at: .now)
        history.append(line)
        return line
    }
}

extension IRCMessage {
    func isPrivmsg(from nick: String, to target: String? = nil) -> Bool {
        command == "PRIVMSG" && source?.nick == nick && (target == nil || parameter(0) == target)
    }
}
