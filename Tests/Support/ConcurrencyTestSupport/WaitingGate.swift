import Foundation

/// A gate that synchronous work waits at, as a commit waits on a slow disk. It opens by itself once
/// `expected` callers wait together, so a test that passes never waits on the clock; only when they can never
/// all be there at once (they hold the threads the others need) does each wait end after `timeout`.
public final class WaitingGate: @unchecked Sendable {
    public let expected: Int
    private let timeout: TimeInterval
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var isOpen = false
    private var waitingCount = 0
    private var mostWaiting = 0

    public init(expected: Int, timeout: TimeInterval = 20) {
        self.expected = expected
        self.timeout = timeout
    }

    /// The most callers that were ever waiting at once.
    public var peak: Int { condition.withLock { mostWaiting } }

    public func wait() {
        condition.lock()
        defer { condition.unlock() }
        waitingCount += 1
        mostWaiting = max(mostWaiting, waitingCount)
        if waitingCount >= expected {
            isOpen = true
            condition.broadcast()
        }
        let deadline = Date().addingTimeInterval(timeout)
        while !isOpen, condition.wait(until: deadline) {}
        waitingCount -= 1
    }
}

/// Runs the tasks a test starts on one thread of its own, so how busy the shared pool is with other suites
/// cannot decide whether they get going. One thread on purpose: an actor without an executor of its own
/// follows the task's preference and would run its jobs here, so at most one of them could wait at a time.
public final class OneThreadTaskExecutor: TaskExecutor, @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    public init() {
        // The thread keeps the executor for the life of the test process: one small object per test.
        Thread { self.run() }.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    private func run() {
        while true {
            let job = condition.withLock {
                while jobs.isEmpty { condition.wait() }
                return jobs.removeFirst()
            }
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
