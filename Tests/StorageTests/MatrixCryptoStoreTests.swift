import Foundation
import Testing
@testable import Storage

@Suite struct MatrixCryptoStoreTests {
    @Test func rowsAreUpsertedDeletedAndCommittedWithTheSyncToken() throws {
        let store = try SQLiteStore()
        try store.saveCryptoRows([CryptoStoreRow(kind: "account", id: "device", value: "{\"pickle\":\"a\"}"),
                                  CryptoStoreRow(kind: "olm_session", id: "k s1", value: "one")],
                                 state: ["matrix.next_batch": "s1"])
        try store.saveCryptoRows([CryptoStoreRow(kind: "olm_session", id: "k s1", value: "two"),
                                  CryptoStoreRow(kind: "olm_session", id: "k s2", value: "three")], state: [:])
        #expect(try store.cryptoRows(kinds: ["olm_session"]).compactMap(\.value).sorted() == ["three", "two"])
        try store.saveCryptoRows([CryptoStoreRow(kind: "olm_session", id: "k s1", value: nil)], state: ["matrix.next_batch": "s2"])
        #expect(try store.cryptoRows(kinds: []).map(\.id).sorted() == ["device", "k s2"])
        #expect(try store.read { try $0.value(forKey: "matrix.next_batch") } == "s2")
        try store.deleteAllCryptoRows()
        #expect(try store.cryptoRows(kinds: []).isEmpty)
    }
}
