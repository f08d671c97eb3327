import Foundation

/// Appends one JSON line per record to the cost log. The file is opened with O_APPEND and each
/// line goes out in a single write, so lines from concurrent writers never interleave.
public actor CostLedger: CostRecordSink {
    public nonisolated let path: String
    private var descriptor: Int32 = -1
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public init(path: String) {
        self.path = path
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    public func append(_ record: CostRecord) throws {
        var line = try encoder.encode(record)
        line.append(UInt8(ascii: "\n"))
        let fd = try openIfNeeded()
        try line.withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = write(fd, start + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CostLedgerError.writeFailed(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    private func openIfNeeded() throws -> Int32 {
        if descriptor >= 0 { return descriptor }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            throw CostLedgerError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        descriptor = fd
        return fd
    }
}

public enum CostLedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open cost log \(path): \(reason)"
        case .writeFailed(let path, let reason): "cannot write cost log \(path): \(reason)"
        }
    }
}
