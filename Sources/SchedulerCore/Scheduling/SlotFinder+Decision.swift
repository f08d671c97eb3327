import Foundation

/// Where an event goes, or why it goes nowhere. The core decides; the engine's phrasebook says it.
public enum PlacementDecision: Sendable, Equatable {
    case placed(Placement)
    case refused(PlacementRefusal)
}

/// A slot found for an event, why it was chosen, and the runners-up worth offering.
public struct Placement: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// No time was given: the best window of the coming days.
        case bestThisWeek
        /// The best window inside the time the user gave.
        case bestInTimeGiven
        /// Exactly the start the user named.
        case timeAsked
    }

    public var slot: ScoredSlot
    public var reason: Reason
    public var alternatives: [ScoredSlot]

    public init(slot: ScoredSlot, reason: Reason, alternatives: [ScoredSlot] = []) {
        self.slot = slot
        self.reason = reason
        self.alternatives = alternatives
    }
}

/// Why nothing was placed.
public enum PlacementRefusal: Sendable, Equatable {
    /// The start the user named is taken by `block`; `nearestFree` are the closest starts that are not.
    case clash(start: Date, block: BusyBlock, nearestFree: [ScoredSlot])
    /// The start the user named is already past.
    case startHasPassed(Date)
    /// All of the time the user gave is already past.
    case windowIsOver
    /// No free run of the request's length in the window, within the user's hours.
    case noFreeSlot(window: DateInterval)
}

extension SlotFinder {
    /// Decides a placement. A start the user named is honoured when it is free and not past (a minute's grace
    /// for the message's own delay); otherwise the best slot of the request's window is taken.
    /// - Parameters:
    ///   - exactStart: the start the user named, when they named one to be kept.
    ///   - timeGiven: the user gave a time at all (the window is theirs, not the default search).
    public func decide(_ request: SlotRequest, exactStart: Date?, timeGiven: Bool, now: Date) -> PlacementDecision {
        if let start = exactStart {
            guard start >= now.addingTimeInterval(-60) else { return .refused(.startHasPassed(start)) }
            switch check(start: start, request: request) {
            case .free(let slot):
                return .placed(Placement(slot: slot, reason: .timeAsked))
            case .clash(let block, let alternatives):
                return .refused(.clash(start: start, block: block, nearestFree: alternatives))
            }
        }
        guard request.window.duration > 0 else { return .refused(.windowIsOver) }
        let slots = find(request)
        guard let best = slots.first else { return .refused(.noFreeSlot(window: request.window)) }
        return .placed(Placement(slot: best, reason: timeGiven ? .bestInTimeGiven : .bestThisWeek,
                                 alternatives: Array(slots.dropFirst())))
    }
}
