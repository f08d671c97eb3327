import Foundation

/// Per-user settings and learned energy.
public struct UserProfile: Equatable, Sendable {
    public enum OnboardingState: String, Sendable, Codable {
        case new, offered, done
    }

    public var id: String
    public var timeZoneIdentifier: String
    public var availability: Availability
    public var energy: EnergyPattern
    public var role: String?
    public var onboarding: OnboardingState
    public var createdAt: Date
    /// Chat messages (not commands) the user has sent; a new user's first few get the strong model.
    public var chatCount: Int

    public init(id: String, createdAt: Date, timeZoneIdentifier: String = "UTC") {
        self.id = id
        self.timeZoneIdentifier = timeZoneIdentifier
        self.availability = .standard
        self.energy = .neutral
        self.role = nil
        self.onboarding = .new
        self.createdAt = createdAt
        self.chatCount = 0
    }

    public init(id: String, timeZoneIdentifier: String, availability: Availability, energy: EnergyPattern,
                role: String?, onboarding: OnboardingState, createdAt: Date, chatCount: Int = 0) {
        self.id = id
        self.timeZoneIdentifier = timeZoneIdentifier
        self.availability = availability
        self.energy = energy
        self.role = role
        self.onboarding = onboarding
        self.createdAt = createdAt
        self.chatCount = chatCount
    }

    /// Falls back to UTC if a stored identifier is no longer known to the system.
    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "UTC")! }
}
