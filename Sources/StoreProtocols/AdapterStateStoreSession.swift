import Foundation
import SchedulerCore

/// What a front end keeps between runs that is not the person's data: sync positions, which engine event a
/// sent message was about, where a pending answer goes. Each kind says how long its values stay useful, so the
/// table holds what is current and is pruned on the clock instead of growing with every message sent.
public struct AdapterStateKind: Sendable, Hashable {
    /// Stored in the database: add kinds, never rename one.
    public let name: String
    /// How long a value stays readable after it was last written; nil keeps it until it is overwritten or deleted.
    public let lifetime: TimeInterval?

    public init(_ name: String, lifetime: TimeInterval?) {
        self.name = name
        self.lifetime = lifetime
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// One value's address: which front end, what kind of value, and the front end's own key (an event or room id).
public struct AdapterStateKey: Sendable, Hashable {
    public var network: Network
    public var kind: AdapterStateKind
    public var key: String

    public init(_ network: Network, _ kind: AdapterStateKind, _ key: String = "") {
        self.network = network
        self.kind = kind
        self.key = key
    }
}

/// A value to write (nil deletes it), with the instant it stops being read.
public struct AdapterStateEntry: Sendable, Equatable {
    public var key: AdapterStateKey
    public var value: String?
    public var expiresAt: Date?

    /// Expires its kind's lifetime after `instant`.
    public init(_ key: AdapterStateKey, _ value: String?, writtenAt instant: Date) {
        self.key = key
        self.value = value
        expiresAt = key.kind.lifetime.map { instant.addingTimeInterval($0) }
    }
}

/// The adapter-state table, inside the same transactions as everything else (a sync token commits with the
/// message it ends).
public protocol AdapterStateStoreSession {
    /// The value, unless it expired at or before `instant`.
    func adapterState(_ key: AdapterStateKey, at instant: Date) throws -> String?
    func save(_ entry: AdapterStateEntry) throws
    /// Deletes the network's values that expired at or before `instant`; returns how many went.
    @discardableResult
    func pruneAdapterState(of network: Network, expiredBy instant: Date) throws -> Int
}
