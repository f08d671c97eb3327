import GRDB

extension Migrations {
    /// Matrix end-to-end encryption: one row per account, Olm session, Megolm session, replay index
    /// and adapter-side record (encrypted rooms, device lists, undecryptable events). Secret parts are
    /// libolm pickles, encrypted with a key that is not in this database.
    static func registerMatrixCrypto(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-matrix-crypto") { db in
            try db.create(table: "matrix_crypto", options: [.withoutRowID]) { t in
                t.column("kind", .text).notNull()
                t.column("id", .text).notNull()
                t.column("value", .text).notNull()
                t.primaryKey(["kind", "id"])
            }
        }
    }
}
