import AsyncSupport
import Foundation
import HTTP
import Logging
import MatrixCrypto
import SharedValues
import StoreProtocols

/// End-to-end encryption for the Matrix adapter: decrypts what arrives (to-device room keys, then
/// Megolm timeline events) and encrypts what the bot sends in encrypted rooms. libolm state lives in
/// `OlmMachine`; this actor adds the protocol around it (key upload, device lists, key sharing)
/// and persists every change before the sync token that caused it moves on.
///
/// It runs on a thread of its own: each commit is a synchronous SQLite write, and on the shared pool a write
/// waiting on the disk would hold one of its few threads away from the engine's callers, IRC and HTTP.
actor RoomEncryption {
    let machine: OlmMachine
    let store: any MatrixCryptoStore
    let api: MatrixAPI
    let caller: RetryingCaller
    let logger: Logger
    let undecryptableNoticeDelay: TimeInterval

    /// Verified devices by user, then device id.
    var devices: [String: [String: DeviceIdentity]] = [:]
    /// Users whose device list changed since it was last queried.
    var outdatedUsers: Set<String> = []
    /// Encrypted rooms and their `m.room.encryption` content; rooms checked and found plain are in `plainRooms`.
    var rooms: [String: JSON] = [:]
    var plainRooms: Set<String> = []
    /// Joined members of encrypted rooms, dropped whenever a membership event arrives.
    var members: [String: Set<String>] = [:]
    /// Events that could not be decrypted yet, by event id.
    var undecrypted: [String: Undecrypted] = [:]
    /// Adapter rows (rooms, devices, undecrypted events) to persist with the next commit.
    var pendingRows: [String: CryptoStoreRow] = [:]
    /// Rows of a commit whose write failed, retried with the next one.
    var unwritten: [String: CryptoStoreRow] = [:]
    var isBusy = false
    var waiters: [CheckedContinuation<Void, Never>] = []
    private let executor: ThreadExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    struct Undecrypted {
        var roomID: String
        var event: JSON
        var firstSeen: Date
        var noticeSent: Bool

        var json: JSON {
            ["room_id": .string(roomID), "event": event, "first_seen": .number(firstSeen.timeIntervalSince1970), "notice_sent": .bool(noticeSent)]
        }

        init(roomID: String, event: JSON, firstSeen: Date, noticeSent: Bool) {
            self.roomID = roomID
            self.event = event
            self.firstSeen = firstSeen
            self.noticeSent = noticeSent
        }

        init?(json: JSON) {
            guard let roomID = json["room_id"]?.string, let event = json["event"], let seen = json["first_seen"]?.double else { return nil }
            self.init(roomID: roomID, event: event, firstSeen: Date(timeIntervalSince1970: seen), noticeSent: json["notice_sent"] == .bool(true))
        }
    }

    enum RowKind {
        static let room = "room_encryption"
        static let devices = "device_list"
        static let undecrypted = "undecrypted_event"
        static let flag = "flag"
        static let adapterKinds = [room, devices, undecrypted, flag]
    }

    init(machine: OlmMachine, store: any MatrixCryptoStore, api: MatrixAPI, caller: RetryingCaller, logger: Logger,
         undecryptableNoticeDelay: TimeInterval, rows: [CryptoStoreRow], executor: ThreadExecutor = RoomEncryption.newThread()) {
        self.executor = executor
        self.machine = machine
        self.store = store
        self.api = api
        self.caller = caller
        self.logger = logger
        self.undecryptableNoticeDelay = undecryptableNoticeDelay
        for row in rows {
            guard let value = row.value.flatMap({ try? JSON.parse(Array($0.utf8)) }) else { continue }
            switch row.kind {
            case RowKind.room: rooms[row.id] = value
            case RowKind.devices:
                devices[row.id] = Dictionary((value.array ?? []).compactMap(Self.device(from:)).map { ($0.deviceID, $0) },
                                             uniquingKeysWith: { first, _ in first })
            case RowKind.undecrypted: undecrypted[row.id] = Undecrypted(json: value)
            default: continue
            }
        }
    }

    var deviceID: String { machine.deviceID }

    static func newThread() -> ThreadExecutor { ThreadExecutor(name: "scheduler-bot.matrix-crypto") }

    // MARK: Persistence

    func setRow(_ kind: String, _ id: String, _ value: JSON?) {
        pendingRows[kind + " " + id] = CryptoStoreRow(kind: kind, id: id, value: value.map { String(decoding: $0.bytes, as: UTF8.self) })
    }

    /// Writes every crypto and adapter change in one transaction, with `state` (the sync token) when given.
    func commitChanges(state: [AdapterStateEntry] = []) async throws {
        let crypto = await machine.takeChanges().map { CryptoStoreRow(kind: $0.kind.rawValue, id: $0.id, value: $0.value) }
        // Oldest first, so a newer version of a row wins: rows of a failed write, then adapter rows, then crypto.
        var merged = unwritten
        for row in pendingRows.values { merged[row.kind + " " + row.id] = row }
        for row in crypto { merged[row.kind + " " + row.id] = row }
        pendingRows.removeAll()
        unwritten.removeAll()
        let rows = merged.values.sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
        do {
            try store.saveCryptoRows(rows, state: state)
        } catch {
            // Kept for the next commit, so one failed write loses nothing.
            unwritten = merged
            throw error
        }
    }

    // MARK: One operation at a time

    /// Runs `body` with no other operation of this actor in between its suspension points: the
    /// proactive loop and the sync loop both send, and two interleaved encryptions could otherwise
    /// persist an older ratchet over a newer one.
    func exclusively<T>(_ body: () async throws -> T) async rethrows -> T {
        while isBusy { await withCheckedContinuation { waiters.append($0) } }
        isBusy = true
        defer {
            isBusy = false
            if !waiters.isEmpty { waiters.removeFirst().resume() }
        }
        return try await body()
    }

    func commit(state: [AdapterStateEntry] = []) async throws {
        try await exclusively { try await commitChanges(state: state) }
    }

    func receive(_ keys: SyncKeys, now: Date = Date()) async -> Set<String> {
        await exclusively { await receiveKeys(keys, now: now) }
    }

    func decrypt(_ event: RoomEvent, in roomID: String, now: Date = Date()) async -> RoomEvent? {
        await exclusively { await decryptEvent(event, in: roomID, now: now) }
    }

    func retryUndecrypted(sessions: Set<String>) async -> [(roomID: String, event: RoomEvent)] {
        await exclusively { await retryKept(sessions: sessions) }
    }

    func observe(roomID: String, events: [RoomEvent], gap: Bool = false) async {
        await exclusively { await observeRoom(roomID, events: events, gap: gap) }
    }

    func encrypt(_ content: JSON, type: String, in roomID: String, now: Date = Date()) async throws -> JSON {
        try await exclusively { try await encryptEvent(content, type: type, in: roomID, now: now) }
    }

    func catchUpDeviceLists(to since: String) async throws {
        try await exclusively { try await catchUpDevices(to: since) }
    }

    static func device(from json: JSON) -> DeviceIdentity? {
        guard let user = json["user_id"]?.string, let device = json["device_id"]?.string,
              let curve = json["curve25519"]?.string, let ed = json["ed25519"]?.string else { return nil }
        return DeviceIdentity(userID: user, deviceID: device, curve25519: curve, ed25519: ed)
    }

    static func json(_ device: DeviceIdentity) -> JSON {
        ["user_id": .string(device.userID), "device_id": .string(device.deviceID),
         "curve25519": .string(device.curve25519), "ed25519": .string(device.ed25519)]
    }

    // MARK: Calls

    func call(_ what: String, _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: JSON? = nil) async throws -> JSON {
        let api = api
        return try await caller.run(what) { try await api.call(method, "/_matrix/client/v3" + path, query: query, body: body) }
    }
}

