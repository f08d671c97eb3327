import Foundation

/// Exactly-once delivery for network front ends, and their small named values.
public protocol DeliveryStoreSession {
    /// Small named values for adapters (sync tokens and such).
    func value(forKey key: String) throws -> String?
    func setValue(_ value: String?, forKey key: String) throws
    func isHandled(externalID: String) throws -> Bool
    /// Records that an external event was handled; false when it already was (exactly-once delivery).
    func markHandled(externalID: String, at instant: Date) throws -> Bool
    /// Keeps the answer to a handled event until it is confirmed delivered.
    func setAnswer(_ answer: String, forExternalID externalID: String) throws
    /// Answers recorded but not yet confirmed delivered, oldest first.
    func undeliveredAnswers(limit: Int) throws -> [(externalID: String, answer: String)]
    func markDelivered(externalID: String, at instant: Date) throws
}
