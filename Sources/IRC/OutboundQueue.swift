import Foundation

/// The lines of one connection waiting for the flood-controlled pump, oldest first. Each line of an answer or a
/// reminder carries the person it is for, so when the link drops the ones never written can be taken back and
/// sent on the next connection.
final class OutboundQueue: @unchecked Sendable {
    struct Line: Sendable {
        var message: IRCMessage
        /// The user id of the person whose answer this line is part of; nil for protocol lines.
        var owner: String?
    }

    // Guarded by `lock`.
    private let lock = NSLock()
    private var lines: [Line] = []
    private var head = 0
    private var waiter: CheckedContinuation<Line?, Never>?
    private var isFinished = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    enum PushOutcome: Equatable { case queued, full, finished }

    /// Queues `line` unless the queue is full or finished (then nothing is queued).
    func push(_ line: Line) -> PushOutcome {
        lock.lock()
        if isFinished {
            lock.unlock()
            return .finished
        }
        if let waiting = waiter {
            waiter = nil
            lock.unlock()
            waiting.resume(returning: line)
            return .queued
        }
        guard lines.count - head < capacity else {
            lock.unlock()
            return .full
        }
        lines.append(line)
        lock.unlock()
        return .queued
    }

    /// Puts back, first in line, a line taken but never written (the link dropped under it).
    func putBack(_ line: Line) {
        lock.lock()
        defer { lock.unlock() }
        if head > 0 {
            head -= 1
            lines[head] = line
        } else {
            lines.insert(line, at: 0)
        }
    }

    /// The next line; nil once the queue is finished and empty, or when the caller is cancelled.
    func next() async -> Line? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Line?, Never>) in
                lock.lock()
                if head < lines.count {
                    let line = lines[head]
                    head += 1
                    if head == lines.count {
                        lines.removeAll(keepingCapacity: true)
                        head = 0
                    }
                    lock.unlock()
                    continuation.resume(returning: line)
                } else if isFinished || Task.isCancelled {
                    lock.unlock()
                    continuation.resume(returning: nil)
                } else {
                    waiter = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            wakeWaiter()
        }
    }

    /// No more lines are taken; the pump sends what is queued and ends.
    func finish() {
        lock.lock()
        isFinished = true
        lock.unlock()
        wakeWaiter()
    }

    /// Ends the queue and returns the lines of answers and reminders never written, oldest first.
    func takeUnsentAnswerLines() -> [Line] {
        lock.lock()
        isFinished = true
        let unsent = lines[head...].filter { $0.owner != nil }
        lines = []
        head = 0
        lock.unlock()
        wakeWaiter()
        return unsent
    }

    private func wakeWaiter() {
        lock.lock()
        let waiting = waiter
        waiter = nil
        lock.unlock()
        waiting?.resume(returning: nil)
    }
}
