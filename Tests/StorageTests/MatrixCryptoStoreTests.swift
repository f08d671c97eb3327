import Foundation
import Testing
@testable import Storage

@Suite struct MatrixCryptoStoreTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let syncToken = AdapterStateKey(.matrix, AdapterStateKind("sync_token", lifetime: 86_400))

    @Test func rowsAreUpsertedDeletedAndCommittedWithTheSyncToken() throws {
        let store = try SQLiteStore()
        try store.saveCryptoRows([CryptoStoreRow(kind: "account", id: "device", value: "{\"pickle\":\"a\"}"),
                                  CryptoStoreRow(kind: "olm_session", id: "k s1", value: "one")],
                                 state: [AdapterStateEntry(syncToken, "s1", writtenAt: now)])
        try store.saveCryptoRows([CryptoStoreRow(kind: "olm_session", id: "k s1", value: "two"),
                                  CryptoStoreRow(kind: "olm_session", id: "k s2", value: "three")], state: [])
        #expect(try store.cryptoRows(kinds: ["olm_session"]).compactMap(\.value).sorted() == ["three", "two"])
        try store.saveCryptoRows([CryptoStoreRow(kind: "olm_session", id: "k s1", value: nil)], state: [AdapterStateEntry(syncToken, "s2", writtenAt: now)])
        #expect(try store.cryptoRows(kinds: []).map(\.id).sorted() == ["device", "k s2"])
        #expect(try store.read { try $0.adapterState(syncToken, at: now) } == "s2")
        try store.deleteAllCryptoRows()
        #expect(try store.cryptoRows(kinds: []).isEmpty)
    }
}
