import Foundation
import SchedulerCore

/// What smart sync reads and writes, inside the same transactions as everything else.
public protocol SyncStoreSession {
    /// The start of the ISO week the user's recent schedule counts belong to (nil: never counted).
    func syncWeekStart(of userID: String) throws -> Date?
    func setSyncWeekStart(_ start: Date, of userID: String) throws
    /// Users whose last schedule may have made a sync due.
    func pendingSyncUsers() throws -> [String]
    func setSyncPending(_ pending: Bool, for userID: String) throws

    /// Inserts the record, assigning `id`.
    func add(_ sync: inout SyncRecord) throws
    /// A user's syncs, newest first; one task type's when `taskTypeID` is given.
    func syncs(of userID: String, taskTypeID: Int64?, limit: Int) throws -> [SyncRecord]
    /// Syncs that went to a model since `instant`, for one user or (nil) everyone: the daily budgets.
    func modelSyncs(of userID: String?, since instant: Date) throws -> Int
}
