import Foundation
import GRDB
import StoreProtocols
import SchedulerCore

extension SQLiteSession: AdapterStateStoreSession {
    func adapterState(_ key: AdapterStateKey, at instant: Date) throws -> String? {
        let sql = """
            SELECT value FROM adapter_state WHERE network = ? AND kind = ? AND key = ?
              AND (expires_at IS NULL OR expires_at > ?)
            """
        return try String.fetchOne(db.cachedStatement(sql: sql), arguments: [
            key.network.rawValue, key.kind.name, key.key, ColumnCoding.seconds(instant),
        ])
    }

    func save(_ entry: AdapterStateEntry) throws {
        let key = entry.key
        guard let value = entry.value else {
            try db.cachedStatement(sql: "DELETE FROM adapter_state WHERE network = ? AND kind = ? AND key = ?")
                .execute(arguments: [key.network.rawValue, key.kind.name, key.key])
            return
        }
        try db.cachedStatement(sql: """
            INSERT INTO adapter_state (network, kind, key, value, expires_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(network, kind, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
            """).execute(arguments: [key.network.rawValue, key.kind.name, key.key, value, entry.expiresAt.map(ColumnCoding.seconds)])
    }

    func pruneAdapterState(of network: Network, expiredBy instant: Date) throws -> Int {
        try db.cachedStatement(sql: "DELETE FROM adapter_state WHERE network = ? AND expires_at <= ?")
            .execute(arguments: [network.rawValue, ColumnCoding.seconds(instant)])
        return db.changesCount
    }
}
