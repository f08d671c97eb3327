import ConcurrencyTestSupport
import Conversation
import Foundation
import InMemoryStore
import Testing

/// A store whose writes wait at a gate.
private final class GatedStore: SchedulerStore, @unchecked Sendable {
    let inner = InMemoryStore()
    let gate: WaitingGate

    init(gate: WaitingGate) { self.gate = gate }

    func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        gate.wait()
        return try inner.write(body)
    }

    func read<T>(_ body: (any StoreSession) throws -> T) throws -> T { try inner.read(body) }
}

@Suite struct EngineThreadTests {
    /// More engines blocked in a write than the shared pool has threads: if their transactions ran on the pool
    /// (or on the caller's executor), no more than its threads could be waiting at once, and the rest would
    /// queue behind them.
    @Test func slowWritesOfManyEnginesNeverHoldTheSharedPool() async throws {
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        let gate = WaitingGate(expected: count)
        let store = GatedStore(gate: gate)
        let engines = (0..<count).map { _ in Engine(store: store) }
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let sender = OneThreadTaskExecutor()
        await withTaskGroup(of: Void.self) { group in
            for (i, engine) in engines.enumerated() {
                group.addTask(executorPreference: sender) {
                    _ = await engine.handle(InboundMessage(network: .console, userID: "u\(i)", text: "agenda", receivedAt: now))
                }
            }
        }
        #expect(gate.peak == count)
        // And every message was answered once the gate opened.
        #expect(try store.read { try $0.allUserIDs() }.count == count)
    }
}
