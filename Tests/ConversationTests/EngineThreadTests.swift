import Conversation
import Foundation
import InMemoryStore
import Testing

/// A store whose writes wait at a gate, as a commit waits on a slow disk.
private final class GatedStore: SchedulerStore, @unchecked Sendable {
    let inner = InMemoryStore()
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var isOpen = false
    private var waitingCount = 0

    /// Writes waiting at the gate right now.
    var waiting: Int {
        condition.lock()
        defer { condition.unlock() }
        return waitingCount
    }

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        condition.lock()
        waitingCount += 1
        // Never forever: a test that fails must still end (later than the test stops looking).
        let deadline = Date().addingTimeInterval(90)
        while !isOpen, condition.wait(until: deadline) {}
        waitingCount -= 1
        condition.unlock()
        return try inner.write(body)
    }

    func read<T>(_ body: (any StoreSession) throws -> T) throws -> T { try inner.read(body) }
}

@Suite struct EngineThreadTests {
    /// More engines blocked in a write than the shared pool has threads: if their transactions ran on the pool,
    /// nothing else could run (this test included) until the writes gave up.
    @Test func slowWritesOfManyEnginesNeverHoldTheSharedPool() async throws {
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        let store = GatedStore()
        let engines = (0..<count).map { _ in Engine(store: store) }
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (i, engine) in engines.enumerated() {
                group.addTask {
                    _ = await engine.handle(InboundMessage(network: .console, userID: "u\(i)", text: "agenda", receivedAt: now))
                }
            }
            // All of them wait at the gate at once, and this task still runs while they do. The wait is long
            // because the other suites run beside this one on the same two cores; it ends as soon as all are there.
            let deadline = Date().addingTimeInterval(60)
            while store.waiting < count, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
            let waitingTogether = store.waiting
            store.open()
            try await group.waitForAll()
            #expect(waitingTogether == count)
        }
        // And every message was answered once the gate opened.
        #expect(try store.read { try $0.allUserIDs() }.count == count)
    }
}
