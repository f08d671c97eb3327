import Foundation

/// The lines of a cost log file, read in chunks so large logs stream.
public struct CostLogLines: Sequence {
    public let path: String
    private let handle: FileHandle

    /// Throws a message naming the file when it cannot be opened.
    public init(path: String) throws(CostLogReadError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CostLogReadError(path: path, reason: exists ? "not readable" : "no such file")
        }
        self.path = path
        self.handle = handle
    }

    public func makeIterator() -> Iterator { Iterator(handle: handle) }

    public struct Iterator: IteratorProtocol {
        static let chunkSize = 1 << 16
        let handle: FileHandle
        var buffer: [UInt8] = []
        /// Where the unread part of `buffer` starts; compacted per chunk, not per line.
        var start = 0
        var finished = false

        public mutating func next() -> Substring? {
            while true {
                if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    defer { start = newline + 1 }
                    return Substring(String(decoding: buffer[start..<newline], as: UTF8.self))
                }
                if finished {
                    guard start < buffer.count else { return nil }
                    defer { start = buffer.count }
                    return Substring(String(decoding: buffer[start...], as: UTF8.self))
                }
                buffer.removeSubrange(..<start)
                start = 0
                let chunk = (try? handle.read(upToCount: Self.chunkSize)) ?? nil
                if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { finished = true }
            }
        }
    }
}

public struct CostLogReadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot read cost log \(path): \(reason)" }
}
