import Foundation

/// A serial executor with a thread of its own, for an actor whose work between awaits blocks: SQLite
/// transactions, whose commit can wait on the disk, and the reading and deciding around them.
///
/// On the shared cooperative pool (one thread per core) every such wait would stall every other task of the
/// process: the Matrix sync, IRC, HTTP, the web face. An actor that returns this executor from
/// `unownedExecutor` runs its jobs on this thread instead, one at a time, in the order they came.
/// The thread ends when the executor goes away (with the actor that holds it).
public final class ThreadExecutor: SerialExecutor {
    private let jobs = JobQueue()

    public init(name: String) {
        let jobs = jobs
        let executor = UnownedSerialExecutor(ordinary: self)
        let thread = Thread { jobs.runUntilClosed(on: executor) }
        thread.name = name
        thread.start()
    }

    deinit { jobs.close() }

    public func enqueue(_ job: consuming ExecutorJob) {
        jobs.push(UnownedJob(job))
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}

/// Jobs waiting for the executor's thread, first in first out.
private final class JobQueue: @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var waiting: [UnownedJob] = []
    private var next = 0
    private var isClosed = false

    func push(_ job: UnownedJob) {
        condition.lock()
        waiting.append(job)
        condition.signal()
        condition.unlock()
    }

    func close() {
        condition.lock()
        isClosed = true
        condition.signal()
        condition.unlock()
    }

    /// Runs jobs as they come until the executor is gone and nothing is left.
    func runUntilClosed(on executor: UnownedSerialExecutor) {
        while let job = take() { job.runSynchronously(on: executor) }
    }

    private func take() -> UnownedJob? {
        condition.lock()
        defer { condition.unlock() }
        while next == waiting.count {
            if isClosed { return nil }
            condition.wait()
        }
        let job = waiting[next]
        next += 1
        // Drop what has run once the queue has drained, so the array does not grow for the life of the process.
        if next == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            next = 0
        }
        return job
    }
}
