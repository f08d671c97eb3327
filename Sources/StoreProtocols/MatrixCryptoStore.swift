/// One row of the Matrix crypto store; `value == nil` deletes it when saved.
public struct CryptoStoreRow: Sendable, Equatable {
    public var kind: String
    public var id: String
    public var value: String?

    public init(kind: String, id: String, value: String?) {
        self.kind = kind
        self.id = id
        self.value = value
    }
}

/// Where the Matrix adapter keeps its end-to-end encryption state.
public protocol MatrixCryptoStore: Sendable {
    /// Every row of these kinds (all rows when `kinds` is empty).
    func cryptoRows(kinds: [String]) throws -> [CryptoStoreRow]
    /// Writes the rows and the adapter state values (e.g. the sync token) in one transaction.
    func saveCryptoRows(_ rows: [CryptoStoreRow], state: [AdapterStateEntry]) throws
    /// Deletes every crypto row (the device they belonged to is gone).
    func deleteAllCryptoRows() throws
}
