import CostLog
import Foundation

/// The store's copy of the LLM cost log, which the spend limits read: the same records the JSONL log has
/// (the user is a pseudonym, never the raw id).
public protocol CostStoreSession {
    func record(_ call: CostRecord) throws
    /// Money spent since `instant`, for one pseudonymous user or (nil) everyone.
    func spend(user: String?, since instant: Date) throws -> Double
    /// Calls that reached a model since `instant` for one pseudonymous user.
    func modelCalls(user: String, since instant: Date) throws -> Int
    /// The records since `instant`, oldest first (admin audits); rows whose outcome this version does not know
    /// (written by another version) are left out.
    func calls(since instant: Date) throws -> [CostRecord]
}
