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

    public init(id: String, createdAt: Date, timeZoneIdentifier: String = "UTC") {
        self.id = id
        self.timeZoneIdentifier = timeZoneIdentifier
        self.availability = .standard
        self.energy = .neutral
        self.role = nil
        self.onboarding = .new
        self.createdAt = createdAt
    }

    public init(id: String, timeZoneIdentifier: String, availability: Availability, energy: EnergyPattern,
                role: String?, onboarding: OnboardingState, createdAt: Date) {
        self.id = id
        self.timeZoneIdentifier = timeZoneIdentifier
        self.availability = availability
        self.energy = energy
        self.role = role
        self.onboarding = onboarding
        self.createdAt = createdAt
    }

    /// Falls back to UTC if a stored identifier is no longer known to the system.
    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "UTC")! }
}
