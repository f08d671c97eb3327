import Foundation
import GRDB
import SchedulerCore
import Testing
@testable import Storage

@Suite struct AdapterStateTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let shortLived = AdapterStateKind("verdict_event", lifetime: 3600)
    let lasting = AdapterStateKind("encryption_notice", lifetime: nil)

    @Test(arguments: StoreKind.allCases) func aValueIsReadUntilItExpiresAndOverwritingRenewsIt(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        let key = AdapterStateKey(.matrix, shortLived, "$sent1")
        try store.write { try $0.save(AdapterStateEntry(key, "42", writtenAt: now)) }
        #expect(try store.read { try $0.adapterState(key, at: now.addingTimeInterval(3599)) } == "42")
        #expect(try store.read { try $0.adapterState(key, at: now.addingTimeInterval(3600)) } == nil)
        try store.write { try $0.save(AdapterStateEntry(key, "43", writtenAt: now.addingTimeInterval(3000))) }
        #expect(try store.read { try $0.adapterState(key, at: now.addingTimeInterval(6000)) } == "43")
        try store.write { try $0.save(AdapterStateEntry(key, nil, writtenAt: now)) }
        #expect(try store.read { try $0.adapterState(key, at: now) } == nil)
    }

    @Test(arguments: StoreKind.allCases) func networkKindAndKeyEachSeparateValues(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        let keys = [AdapterStateKey(.matrix, shortLived, "a"), AdapterStateKey(.irc, shortLived, "a"),
                    AdapterStateKey(.matrix, lasting, "a"), AdapterStateKey(.matrix, shortLived, "b")]
        try store.write { session in
            for (index, key) in keys.enumerated() { try session.save(AdapterStateEntry(key, "\(index)", writtenAt: now)) }
        }
        #expect(try store.read { session in try keys.map { try session.adapterState($0, at: now) } } == ["0", "1", "2", "3"])
    }

    @Test(arguments: StoreKind.allCases) func pruningDeletesOnlyTheNetworksExpiredValues(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        let old = AdapterStateKey(.matrix, shortLived, "old")
        let fresh = AdapterStateKey(.matrix, shortLived, "fresh")
        let forever = AdapterStateKey(.matrix, lasting, "!room")
        let otherNetwork = AdapterStateKey(.irc, shortLived, "old")
        try store.write { session in
            try session.save(AdapterStateEntry(old, "1", writtenAt: now))
            try session.save(AdapterStateEntry(fresh, "2", writtenAt: now.addingTimeInterval(7200)))
            try session.save(AdapterStateEntry(forever, "sent", writtenAt: now))
            try session.save(AdapterStateEntry(otherNetwork, "3", writtenAt: now))
        }
        let later = now.addingTimeInterval(2.5 * 3600)
        #expect(try store.write { try $0.pruneAdapterState(of: .matrix, expiredBy: later) } == 1)
        #expect(try store.read { try $0.adapterState(fresh, at: later) } == "2")
        #expect(try store.read { try $0.adapterState(forever, at: .distantFuture) } == "sent")
        #expect(try store.write { try $0.pruneAdapterState(of: .irc, expiredBy: later) } == 1)
    }

    @Test(arguments: StoreKind.allCases) func answersAreResentOnlyByTheNetworkTheyCameFrom(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        try store.write { session in
            _ = try session.markHandled(externalID: "$m1", on: .matrix, at: now)
            try session.setAnswer("{}", forExternalID: "$m1")
            _ = try session.markHandled(externalID: "irc-1", on: .irc, at: now)
            try session.setAnswer("{}", forExternalID: "irc-1")
        }
        #expect(try store.read { try $0.undeliveredAnswers(on: .matrix, limit: 10) }.map(\.externalID) == ["$m1"])
        #expect(try store.read { try $0.undeliveredAnswers(on: .irc, limit: 10) }.map(\.externalID) == ["irc-1"])
    }

    /// A database from before the table: every Matrix row moves across with its value, under its kind, with an
    /// expiry (the notice keeps none); the engine's own values and the access token stay; deliveries get their network.
    @Test func theMigrationMovesMatrixRowsAcrossWithoutLoss() throws {
        let path = NSTemporaryDirectory() + "adapter-state-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let old = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(old, upTo: "v9-cost-log-baseline")
        try old.write { db in
            let rows = [("matrix.next_batch", "s_77"), ("matrix.schedule_message.$sent1", "12"),
                        ("matrix.schedule_message.$sent2", "13"), ("matrix.answer_target.$in1", #"{"eventID":"$in1"}"#),
                        ("matrix.e2ee_notice.!room:x", "sent"), ("matrix.access_token.@bot:x", "secret-token"),
                        ("last_suggestion.@a:x", "5")]
            for (key, value) in rows { try db.execute(sql: "INSERT INTO bot_state (key, value) VALUES (?, ?)", arguments: [key, value]) }
            try db.execute(sql: "INSERT INTO handled_external_event (id, handled_at, answer) VALUES ('$in1', 1, '{}')")
        }
        try old.close()

        let migrating = Date()
        let store = try SQLiteStore(path: path)
        #expect(try store.appliedMigrations().last == "v10-adapter-state")
        let moved = try store.read { session in
            try [("sync_token", ""), ("verdict_event", "$sent1"), ("verdict_event", "$sent2"), ("answer_target", "$in1"),
                 ("encryption_notice", "!room:x")].map { kind, key in
                try session.adapterState(AdapterStateKey(.matrix, AdapterStateKind(kind, lifetime: nil), key), at: migrating)
            }
        }
        #expect(moved == ["s_77", "12", "13", #"{"eventID":"$in1"}"#, "sent"])
        let notice = AdapterStateKey(.matrix, lasting, "!room:x")
        #expect(try store.read { try $0.adapterState(notice, at: .distantFuture) } == "sent")
        let verdict = AdapterStateKey(.matrix, shortLived, "$sent1")
        #expect(try store.read { try $0.adapterState(verdict, at: migrating.addingTimeInterval(29 * 86_400)) } == "12")
        #expect(try store.read { try $0.adapterState(verdict, at: migrating.addingTimeInterval(31 * 86_400)) } == nil)
        #expect(try store.read { try $0.value(forKey: "matrix.next_batch") } == nil)
        #expect(try store.read { try $0.value(forKey: "matrix.schedule_message.$sent1") } == nil)
        #expect(try store.read { try $0.value(forKey: "matrix.access_token.@bot:x") } == "secret-token")
        #expect(try store.read { try $0.value(forKey: "last_suggestion.@a:x") } == "5")
        #expect(try store.read { try $0.undeliveredAnswers(on: .matrix, limit: 10) }.map(\.externalID) == ["$in1"])
    }
}
