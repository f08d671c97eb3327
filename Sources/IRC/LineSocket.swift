import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain-TCP IRC connection on blocking POSIX sockets.
///
/// Reading happens on a dedicated thread and writing on a serial dispatch queue, so a slow or
/// silent server never blocks Swift's cooperative thread pool. The descriptor is closed only in
/// `deinit`, when no reader or writer can still be using it, so it can never be reused under them.
final class LineSocket: @unchecked Sendable {
    /// IRCv3 allows 8191 bytes of tags plus the 512-byte line; anything longer is hostile or broken.
    static let maxInboundLineBytes = 16_384

    private let descriptor: Int32
    private let writeQueue = DispatchQueue(label: "irc.socket.write")
    private let shutdownLock = NSLock()
    private var isShutDown = false
    /// The server closed its side (the reader saw the end): a write now would vanish, so it fails instead and its
    /// line is kept for the next connection.
    private var peerHasClosed = false

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        _ = systemClose(descriptor)
    }

    /// Resolves and connects, giving up after `timeout`.
    static func connect(host: String, port: Int, timeout: Duration) async throws(IRCConnectionError) -> LineSocket {
        let result: Result<LineSocket, IRCConnectionError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let connector = SocketConnector(host: host, port: port, timeout: timeout)
                continuation.resume(returning: Result { () throws(IRCConnectionError) -> Int32 in
                    try connector.connect()
                }.map(LineSocket.init(descriptor:)))
            }
        }
        return try result.get()
    }

    /// Lines as they arrive, without CR/LF. Ends when the peer closes; throws on a read error.
    func lines(logOversized: @escaping @Sendable (Int) -> Void) -> AsyncThrowingStream<String, Error> {
        let (stream, continuation) = AsyncThrowingStream<String, Error>.makeStream()
        let thread = Thread { [self] in
            readLoop(into: continuation, logOversized: logOversized)
        }
        thread.name = "irc-reader"
        thread.start()
        return stream
    }

    /// Writes one protocol line plus CRLF. Throws when the link is gone or the server stopped reading.
    func write(line: String) async throws(IRCConnectionError) {
        let bytes = Array((line + "\r\n").utf8)
        let result: Result<Void, IRCConnectionError> = await withCheckedContinuation { continuation in
            writeQueue.async { [self] in
                continuation.resume(returning: writeAll(bytes))
            }
        }
        try result.get()
    }

    /// Wakes the reader and fails later writes. Safe to call more than once.
    func shutdown() {
        shutdownLock.withLock {
            guard !isShutDown else { return }
            isShutDown = true
            _ = systemShutdown(descriptor, Int32(SHUT_RDWR))
        }
    }

    /// Half-closes: the server sees the end of our stream but can still send its closing lines.
    func finishWriting() {
        shutdownLock.withLock {
            guard !isShutDown else { return }
            _ = systemShutdown(descriptor, Int32(SHUT_WR))
        }
    }

    private func writeAll(_ bytes: [UInt8]) -> Result<Void, IRCConnectionError> {
        if shutdownLock.withLock({ isShutDown || peerHasClosed }) { return .failure(.writeFailed("the link is closed")) }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { buffer in
                send(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR { continue }
                let reason = errno == EAGAIN || errno == EWOULDBLOCK
                    ? "server stopped reading (send timed out)" : String(cString: strerror(errno))
                return .failure(.writeFailed(reason))
            }
            offset += sent
        }
        return .success(())
    }

    private func readLoop(into continuation: AsyncThrowingStream<String, Error>.Continuation,
                          logOversized: @Sendable (Int) -> Void) {
        var splitter = InboundLineSplitter(maxLineBytes: Self.maxInboundLineBytes)
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                shutdownLock.withLock { peerHasClosed = true }
                continuation.finish(throwing: IRCConnectionError.readFailed(reason))
                return
            }
            for event in splitter.append(buffer[0..<count]) {
                switch event {
                case .line(let line): continuation.yield(line)
                case .discarded(let bytes): logOversized(bytes)
                }
            }
        }
        shutdownLock.withLock { peerHasClosed = true }
        continuation.finish()
    }
}

public enum IRCConnectionError: Error, Equatable, CustomStringConvertible {
    case resolveFailed(host: String, reason: String)
    case connectFailed(String)
    case connectTimedOut(Duration)
    case readFailed(String)
    case writeFailed(String)
    case closedByServer
    case serverSilent(Duration)
    case registrationTimedOut(Duration)

    public var description: String {
        switch self {
        case .resolveFailed(let host, let reason): "cannot resolve \(host): \(reason)"
        case .connectFailed(let reason): "connect failed: \(reason)"
        case .connectTimedOut(let timeout): "connect timed out after \(timeout)"
        case .readFailed(let reason): "read failed: \(reason)"
        case .writeFailed(let reason): "write failed: \(reason)"
        case .closedByServer: "server closed the connection"
        case .serverSilent(let silence): "no data from the server for \(silence)"
        case .registrationTimedOut(let timeout): "no welcome (001) from the server within \(timeout)"
        }
    }
}

// File-scope wrappers: inside the class, `close`/`shutdown` would name its own methods.
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func systemShutdown(_ descriptor: Int32, _ how: Int32) -> Int32 { shutdown(descriptor, how) }
