import GRDB
import StoreProtocols

extension SQLiteSession {
    /// Decodes each row while the statement is still on it. GRDB then finds a column by name in a per-statement
    /// table, whereas the copied rows of `Row.fetchAll`/`fetchOne` lowercase and compare every column name on
    /// every lookup, a visible share of the CPU per message in the scale bench (`scheduler-bot bench`).
    func decodeAll<T>(_ sql: String, _ arguments: StatementArguments, _ decode: @escaping (Row) throws -> T) throws -> [T] {
        try Array(Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments).map(decode))
    }

    /// The first row, decoded in place (see `decodeAll`).
    func decodeFirst<T>(_ sql: String, _ arguments: StatementArguments, _ decode: @escaping (Row) throws -> T) throws -> T? {
        try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments).map(decode).next()
    }
}
