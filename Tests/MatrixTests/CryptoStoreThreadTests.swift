import Foundation
import HTTP
import Logging
import MatrixCrypto
import SharedValues
import StoreProtocols
import Testing
@testable import Matrix

/// A crypto store whose writes wait at a gate, as a commit waits on a slow disk.
private final class GatedCryptoStore: MatrixCryptoStore, @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var isOpen = false
    private var waitingCount = 0
    private var saved: [CryptoStoreRow] = []

    /// Writes waiting at the gate right now.
    var waiting: Int { condition.withLock { waitingCount } }
    var savedRows: [CryptoStoreRow] { condition.withLock { saved } }

    func open() {
        condition.withLock {
            isOpen = true
            condition.broadcast()
        }
    }

    func saveCryptoRows(_ rows: [CryptoStoreRow], state: [AdapterStateEntry]) throws {
        condition.lock()
        defer { condition.unlock() }
        waitAtTheGate()
        saved += rows
    }

    func cryptoRows(kinds: [String]) throws -> [CryptoStoreRow] {
        condition.lock()
        defer { condition.unlock() }
        if gatesReads { waitAtTheGate() }
        return []
    }

    /// Reads wait at the gate too (start-up); otherwise only writes do.
    var gatesReads = false

    // Called with `condition` locked.
    private func waitAtTheGate() {
        waitingCount += 1
        // Never forever: a test that fails must still end (later than the test stops looking).
        let deadline = Date().addingTimeInterval(90)
        while !isOpen, condition.wait(until: deadline) {}
        waitingCount -= 1
    }
    func deleteAllCryptoRows() throws {}
}

@Suite struct CryptoStoreThreadTests {
    /// More Matrix encryption layers blocked in a commit than the shared pool has threads: if their writes ran
    /// on the pool, nothing else could run (this test included) until the writes gave up.
    @Test func slowCryptoWritesNeverHoldTheSharedPool() async throws {
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        let store = GatedCryptoStore()
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
        try await withThrowingTaskGroup(of: Void.self) { group in
            for layer in layers {
                group.addTask {
                    await layer.setRow(RoomEncryption.RowKind.room, "!room:localhost", ["algorithm": "m.megolm.v1.aes-sha2"])
                    try await layer.commit()
                }
            }
            // All of them wait at the gate at once, and this task still runs while they do. The wait is long
            // because other suites run beside this one on the same cores; it ends as soon as all are there.
            let deadline = Date().addingTimeInterval(60)
            while store.waiting < count, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
            let waitingTogether = store.waiting
            store.open()
            try await group.waitForAll()
            #expect(waitingTogether == count)
        }
        // And every layer's row (with its new account) was written once the gate opened.
        #expect(store.savedRows.filter { $0.kind == RoomEncryption.RowKind.room }.count == count)
    }

    /// The same for the start-up read of the store, which comes before the encryption layer (and its thread) exists.
    @Test func slowStartUpReadsNeverHoldTheSharedPool() async throws {
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        let store = GatedCryptoStore()
        store.gatesReads = true
        let logger = Logger(label: "test")
        let pickleKey = try #require(PickleKey("crypto thread test pickle key"))
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<count {
                group.addTask {
                    // Nothing listens on port 9: once the read is through, the start fails at its first call.
                    _ = try? await RoomEncryption.start(userID: "@bot\(i):localhost", deviceID: "BOT\(i)", pickleKey: pickleKey, store: store,
                                                         api: MatrixAPI(homeserver: "http://127.0.0.1:9", http: CurlHTTPClient()),
                                                         caller: RetryingCaller(maxAttempts: 1, logger: logger), logger: logger,
                                                         undecryptableNoticeDelay: 60)
                }
            }
            let deadline = Date().addingTimeInterval(60)
            while store.waiting < count, Date() < deadline { try? await Task.sleep(for: .milliseconds(10)) }
            let waitingTogether = store.waiting
            store.open()
            await group.waitForAll()
            #expect(waitingTogether == count)
        }
    }
}
