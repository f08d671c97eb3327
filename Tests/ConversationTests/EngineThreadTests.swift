import Conversation
import Foundation
import InMemoryStore
import Testing

/// A store whose writes wait at a gate, as a commit waits on a slow disk. The gate opens by itself once
/// `expected` writes wait together, or after a long while if they never do.
private final class GatedStore: SchedulerStore, @unchecked Sendable {
    let inner = InMemoryStore()
    let expected: Int
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var isOpen = false
    private var waitingCount = 0
    private var mostWaiting = 0

    init(expected: Int) { self.expected = expected }

    /// The most writes that were ever waiting at the gate at once.
    var peak: Int {
        condition.lock()
        defer { condition.unlock() }
        return mostWaiting
    }

    func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        condition.lock()
        waitingCount += 1
        mostWaiting = max(mostWaiting, waitingCount)
        if waitingCount >= expected {
            isOpen = true
            condition.broadcast()
        }
        // Only when the writes cannot all be there at once (they hold the threads the others need) does this
        // time out; the success path never waits for the clock.
        let deadline = Date().addingTimeInterval(20)
        while !isOpen, condition.wait(until: deadline) {}
        waitingCount -= 1
        condition.unlock()
        return try inner.write(body)
    }

    func read<T>(_ body: (any StoreSession) throws -> T) throws -> T { try inner.read(body) }
}

/// Starts the test's tasks on one thread of its own, so how busy the shared pool is with other suites cannot
/// decide whether the messages reach the engines. One thread: an actor without an executor of its own would
/// run its jobs here too (it follows the task's preference), so at most one write could wait at a time.
private final class OwnThreadsExecutor: TaskExecutor, @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init(threads: Int) {
        // The threads keep the executor for the life of the test process: it is one small object per test run.
        for _ in 0..<threads { Thread { self.run() }.start() }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        condition.lock()
        jobs.append(UnownedJob(job))
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

@Suite struct EngineThreadTests {
    /// More engines blocked in a write than the shared pool has threads: if their transactions ran on the pool
    /// (or on the caller's executor), no more than its threads could be waiting at once, and the rest would
    /// queue behind them.
    @Test func slowWritesOfManyEnginesNeverHoldTheSharedPool() async throws {
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        let store = GatedStore(expected: count)
        let engines = (0..<count).map { _ in Engine(store: store) }
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let senders = OwnThreadsExecutor(threads: 1)
        await withTaskGroup(of: Void.self) { group in
            for (i, engine) in engines.enumerated() {
                group.addTask(executorPreference: senders) {
                    _ = await engine.handle(InboundMessage(network: .console, userID: "u\(i)", text: "agenda", receivedAt: now))
                }
            }
        }
        #expect(store.peak == count)
        // And every message was answered once the gate opened.
        #expect(try store.read { try $0.allUserIDs() }.count == count)
    }
}
