import GRDB
import StoreProtocols

extension SQLiteStore: MatrixCryptoStore {
    public func cryptoRows(kinds: [String]) throws -> [CryptoStoreRow] {
        try databaseWriter.read { db in
            let sql = kinds.isEmpty ? "SELECT kind, id, value FROM matrix_crypto"
                : "SELECT kind, id, value FROM matrix_crypto WHERE kind IN (\(Array(repeating: "?", count: kinds.count).joined(separator: ", ")))"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(kinds)).map {
                CryptoStoreRow(kind: $0["kind"], id: $0["id"], value: $0["value"])
            }
        }
    }

    public func saveCryptoRows(_ rows: [CryptoStoreRow], state: [AdapterStateEntry]) throws {
        guard !rows.isEmpty || !state.isEmpty else { return }
        try databaseWriter.write { db in
            for row in rows {
                if let value = row.value {
                    try db.cachedStatement(sql: """
                        INSERT INTO matrix_crypto (kind, id, value) VALUES (?, ?, ?)
                        ON CONFLICT(kind, id) DO UPDATE SET value = excluded.value
                        """).execute(arguments: [row.kind, row.id, value])
                } else {
                    try db.cachedStatement(sql: "DELETE FROM matrix_crypto WHERE kind = ? AND id = ?").execute(arguments: [row.kind, row.id])
                }
            }
            for entry in state { try SQLiteSession(db: db).save(entry) }
        }
    }

    public func deleteAllCryptoRows() throws {
        try databaseWriter.write { db in try db.execute(sql: "DELETE FROM matrix_crypto") }
    }
}
