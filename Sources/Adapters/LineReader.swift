import Foundation

/// Lines of standard input as an async sequence, read on a dedicated thread so blocking reads
/// never hold a cooperative-pool thread. Invalid UTF-8 is repaired, not fatal.
public enum LineReader {
    public static func standardInput() -> AsyncStream<String> {
        AsyncStream { continuation in
            let thread = Thread {
                while let line = readLine(strippingNewline: true) {
                    continuation.yield(line)
                }
                continuation.finish()
            }
            thread.start()
        }
    }
}
