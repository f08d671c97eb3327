import Foundation
@testable import LiveIRC
#if canImport(Glibc)
import Glibc
#endif

/// A "server" that accepts connections and then says nothing: a hung IRC server.
final class SilentListener: @unchecked Sendable {
    let port: Int
    private let descriptor: Int32
    private let accepted = AcceptedSockets()

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = FreePort.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 8) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        guard ready else { close(listener); throw POSIXError(.EADDRINUSE) }
        descriptor = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        let accepted = self.accepted
        Thread.detachNewThread {
            // Ends when deinit shuts the listening socket down.
            while case let client = accept(listener, nil, nil), client >= 0 { accepted.add(client) }
        }
    }

    deinit {
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
        accepted.closeAll()
    }

    func acceptedConnections() -> Int { accepted.count }
}

private final class AcceptedSockets: @unchecked Sendable {
    private let lock = NSLock()
    private var descriptors: [Int32] = []

    var count: Int { lock.withLock { descriptors.count } }
    func add(_ descriptor: Int32) { lock.withLock { descriptors.append(descriptor) } }
    func closeAll() { lock.withLock { descriptors.forEach { _ = close($0) } } }
}
