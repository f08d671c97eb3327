import Foundation

/// Plan templates a model wrote once, reused for the same kind of day.
public protocol PlanCacheStoreSession {
    /// A cached plan template made at or after `freshAfter`, counting the hit.
    func cachedPlan(key: String, freshAfter: Date) throws -> String?
    func savePlan(key: String, template: String, at instant: Date) throws
}
