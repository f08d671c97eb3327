import Foundation
import SchedulerCore

/// Exactly-once delivery for network front ends, and the engine's own small named values.
public protocol DeliveryStoreSession {
    /// Small named values of the engine's own (the last suggestion, a budget notice's day); front ends keep
    /// theirs in the adapter-state table.
    func value(forKey key: String) throws -> String?
    func setValue(_ value: String?, forKey key: String) throws
    func isHandled(externalID: String) throws -> Bool
    /// Records that an external event of `network` was handled; false when it already was (exactly-once delivery).
    func markHandled(externalID: String, on network: Network, at instant: Date) throws -> Bool
    /// Keeps the answer to a handled event until it is confirmed delivered.
    func setAnswer(_ answer: String, forExternalID externalID: String) throws
    /// Answers to `network`'s messages recorded but not yet confirmed delivered, oldest first.
    func undeliveredAnswers(on network: Network, limit: Int) throws -> [(externalID: String, answer: String)]
    func markDelivered(externalID: String, at instant: Date) throws
}
