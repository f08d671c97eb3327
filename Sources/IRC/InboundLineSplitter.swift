/// Cuts a byte stream into lines at LF (dropping a CR before it), decoding each as UTF-8 or,
/// failing that, Latin-1, since IRC carries no encoding and older clients send Latin-1.
/// A line longer than `maxLineBytes` is dropped whole rather than buffered without bound.
struct InboundLineSplitter: Sendable {
    enum Event: Sendable, Equatable {
        case line(String)
        case discarded(bytes: Int)
    }

    let maxLineBytes: Int
    private var pending: [UInt8] = []
    private var discarding = 0

    init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    mutating func append(_ bytes: some Collection<UInt8>) -> [Event] {
        var events: [Event] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                events += finishLine()
            } else if discarding > 0 {
                discarding += 1
            } else if pending.count >= maxLineBytes {
                discarding = pending.count + 1
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(byte)
            }
        }
        return events
    }

    private mutating func finishLine() -> [Event] {
        if discarding > 0 {
            defer { discarding = 0 }
            return [.discarded(bytes: discarding)]
        }
        if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
        defer { pending.removeAll(keepingCapacity: true) }
        guard !pending.isEmpty else { return [] }
        return [.line(Self.decode(pending))]
    }

    static func decode(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
