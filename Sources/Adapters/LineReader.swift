import Foundation

/// Lines from a file handle as an async sequence, read on a dedicated thread so blocking reads
/// never hold a cooperative-pool thread.
public struct LineReader: Sendable {
    let handle: FileHandle

    public init(handle: FileHandle) { self.handle = handle }

    public func lines() -> AsyncStream<String> {
        let handle = self.handle
        return AsyncStream { continuation in
            let thread = Thread {
                while let line = readLine(strippingNewline: true, from: handle) {
                    continuation.yield(line)
                }
                continuation.finish()
            }
            thread.start()
        }
    }
}

/// Reads one line from stdin-like handles; nil at end of input. Invalid UTF-8 is repaired, not fatal.
private func readLine(strippingNewline: Bool, from handle: FileHandle) -> String? {
    if handle == FileHandle.standardInput { return Swift.readLine(strippingNewline: strippingNewline) }
    var bytes: [UInt8] = []
    while true {
        let chunk = handle.readData(ofLength: 1)
        guard let byte = chunk.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
        if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
        bytes.append(byte)
    }
}
