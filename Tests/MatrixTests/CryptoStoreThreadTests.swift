import ConcurrencyTestSupport
import Foundation
import HTTP
import Logging
import MatrixCrypto
import SharedValues
import StoreProtocols
import Testing
@testable import Matrix

/// A crypto store whose writes (and, when asked, reads) wait at a gate.
private final class GatedCryptoStore: MatrixCryptoStore, @unchecked Sendable {
    let gate: WaitingGate
    /// Reads wait at the gate too (start-up); otherwise only writes do.
    let gatesReads: Bool
    // Guarded by `lock`.
    private let lock = NSLock()
    private var saved: [CryptoStoreRow] = []

    init(gate: WaitingGate, gatesReads: Bool = false) {
        self.gate = gate
        self.gatesReads = gatesReads
    }

    var savedRows: [CryptoStoreRow] { lock.withLock { saved } }

    func saveCryptoRows(_ rows: [CryptoStoreRow], state: [AdapterStateEntry]) throws {
        gate.wait()
        lock.withLock { saved += rows }
    }

    func cryptoRows(kinds: [String]) throws -> [CryptoStoreRow] {
        if gatesReads { gate.wait() }
        return []
    }

    func deleteAllCryptoRows() throws {}
}

@Suite struct CryptoStoreThreadTests {
    /// More Matrix encryption layers blocked in a commit than the shared pool has threads: if their writes ran
    /// on the pool (or on the caller's executor), no more than its threads could be waiting at once.
    @Test func slowCryptoWritesNeverHoldTheSharedPool() async throws {
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        let gate = WaitingGate(expected: count)
        let store = GatedCryptoStore(gate: gate)
        let logger = Logger(label: "test")
        var layers: [RoomEncryption] = []
        for i in 0..<count {
            let machine = try await OlmMachine(newDeviceFor: "@bot\(i):localhost", deviceID: "BOT\(i)",
                                               pickleKey: try #require(PickleKey("crypto thread test pickle key")))
            layers.append(RoomEncryption(machine: machine, store: store,
                                         api: MatrixAPI(homeserver: "http://127.0.0.1:9", http: CurlHTTPClient()),
                                         caller: RetryingCaller(maxAttempts: 1, logger: logger), logger: logger,
                                         undecryptableNoticeDelay: 60, rows: []))
        }
        let sender = OneThreadTaskExecutor()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for layer in layers {
                group.addTask(executorPreference: sender) {
                    await layer.setRow(RoomEncryption.RowKind.room, "!room:localhost", ["algorithm": "m.megolm.v1.aes-sha2"])
                    try await layer.commit()
                }
            }
            try await group.waitForAll()
        }
        #expect(gate.peak == count)
        // And every layer's row (with its new account) was written once the gate opened.
        #expect(store.savedRows.filter { $0.kind == RoomEncryption.RowKind.room }.count == count)
    }

    /// The same for the start-up read of the store, which comes before the encryption layer exists.
    @Test func slowStartUpReadsNeverHoldTheSharedPool() async throws {
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        let gate = WaitingGate(expected: count)
        let store = GatedCryptoStore(gate: gate, gatesReads: true)
        let logger = Logger(label: "test")
        let pickleKey = try #require(PickleKey("crypto thread test pickle key"))
        let sender = OneThreadTaskExecutor()
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<count {
                group.addTask(executorPreference: sender) {
                    // Nothing listens on port 9: once the read is through, the start fails at its first call.
                    _ = try? await RoomEncryption.start(userID: "@bot\(i):localhost", deviceID: "BOT\(i)", pickleKey: pickleKey, store: store,
                                                         api: MatrixAPI(homeserver: "http://127.0.0.1:9", http: CurlHTTPClient()),
                                                         caller: RetryingCaller(maxAttempts: 1, logger: logger), logger: logger,
                                                         undecryptableNoticeDelay: 60)
                }
            }
        }
        #expect(gate.peak == count)
    }
}
