import Foundation
import SchedulerCore

/// The people the bot talks to: their profile (zone, hours, energy, role, onboarding).
public protocol UserStoreSession {
    func user(_ id: String) throws -> UserProfile?
    func save(_ user: UserProfile) throws
    /// Every user id, for the clock-driven round.
    func allUserIDs() throws -> [String]
}
