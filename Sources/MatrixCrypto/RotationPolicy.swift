import Foundation

/// When an outbound Megolm session must be replaced: after `maxMessages` messages or `maxAge`,
/// whichever comes first (the room's `m.room.encryption` may ask for less, never for more).
public struct RotationPolicy: Sendable, Equatable {
    public static let defaultMessages = 100
    public static let defaultAge: TimeInterval = 7 * 24 * 3600

    public var maxMessages: Int
    public var maxAge: TimeInterval

    public init(maxMessages: Int = RotationPolicy.defaultMessages, maxAge: TimeInterval = RotationPolicy.defaultAge) {
        self.maxMessages = maxMessages
        self.maxAge = maxAge
    }

    /// From `rotation_period_msgs` / `rotation_period_ms`, capped at the defaults so a room cannot
    /// make one key cover more history than a client would.
    public init(roomMessages: Int?, roomPeriodMilliseconds: Int?) {
        self.init(maxMessages: min(max(roomMessages ?? Self.defaultMessages, 1), Self.defaultMessages),
                  maxAge: min(max(Double(roomPeriodMilliseconds ?? Int(Self.defaultAge * 1000)) / 1000, 1), Self.defaultAge))
    }

    public func isDue(createdAt: Date, messagesSent: Int, now: Date) -> Bool {
        messagesSent >= maxMessages || now.timeIntervalSince(createdAt) >= maxAge
    }
}
