import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Blocking name resolution and a connect bounded by a timeout (non-blocking connect + poll).
/// Runs on its own thread; returns a blocking descriptor with a send timeout, so a server that
/// stops reading fails writes instead of hanging the bot.
struct SocketConnector {
    static let sendTimeoutSeconds = 30

    let host: String
    let port: Int
    let timeout: Duration

    func connect() throws(IRCConnectionError) -> Int32 {
        var lastError = IRCConnectionError.connectFailed("no addresses for \(host)")
        for address in try resolve() {
            do { return try connect(to: address) } catch { lastError = error }
        }
        throw lastError
    }

    private struct Address {
        var family: Int32
        var socketType: Int32
        var protocolNumber: Int32
        var storage: sockaddr_storage
        var length: socklen_t
    }

    private func resolve() throws(IRCConnectionError) -> [Address] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .resolveFailed(host: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var addresses: [Address] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor?.pointee {
            if let source = info.ai_addr {
                var storage = sockaddr_storage()
                withUnsafeMutableBytes(of: &storage) { target in
                    target.copyMemory(from: UnsafeRawBufferPointer(start: source, count: Int(info.ai_addrlen)))
                }
                addresses.append(Address(family: info.ai_family, socketType: info.ai_socktype,
                                         protocolNumber: info.ai_protocol, storage: storage, length: info.ai_addrlen))
            }
            cursor = info.ai_next
        }
        return addresses
    }

    private func connect(to address: Address) throws(IRCConnectionError) -> Int32 {
        let descriptor = socket(address.family, address.socketType, address.protocolNumber)
        guard descriptor >= 0 else { throw .connectFailed(String(cString: strerror(errno))) }
        do {
            try connectWithTimeout(descriptor, address)
            configure(descriptor)
            return descriptor
        } catch {
            close(descriptor)
            throw error
        }
    }

    private func connectWithTimeout(_ descriptor: Int32, _ address: Address) throws(IRCConnectionError) {
        let flags = fcntl(descriptor, F_GETFL)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        var storage = address.storage
        let status = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, address.length) }
        }
        if status != 0 {
            guard errno == EINPROGRESS else { throw .connectFailed(String(cString: strerror(errno))) }
            var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let milliseconds = Int32(clamping: timeout.components.seconds * 1000
                                     + timeout.components.attoseconds / 1_000_000_000_000_000)
            let ready = poll(&poller, 1, milliseconds)
            guard ready > 0 else { throw .connectTimedOut(timeout) }
            var socketError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &socketError, &length)
            guard socketError == 0 else { throw .connectFailed(String(cString: strerror(socketError))) }
        }
        _ = fcntl(descriptor, F_SETFL, flags)
    }

    private func configure(_ descriptor: Int32) {
        var sendTimeout = timeval(tv_sec: Self.sendTimeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        var keepAlive: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_KEEPALIVE, &keepAlive, socklen_t(MemoryLayout<Int32>.size))
    }
}
