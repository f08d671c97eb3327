import Foundation
import SchedulerCore
import StoreProtocols

extension Engine {
    /// How far ahead reminder and follow-up rows are written; beyond it a later round writes them.
    static let nudgeHorizon: TimeInterval = 8 * 86_400

    /// One reminder and one follow-up row per event in the horizon; rows of events that moved follow them,
    /// rows of events that got their outcome (or were cancelled) are closed.
    func syncEventNudges(_ scope: ProactiveScope) throws {
        let window = DateInterval(start: scope.now.addingTimeInterval(-86_400), end: scope.now.addingTimeInterval(Self.nudgeHorizon))
        try syncNudges(for: try scope.session.events(of: scope.user.id, overlapping: window, statuses: Set(Event.Status.allCases)), scope)
    }

    /// The reminder and follow-up rows of these events, created, moved or settled to match each event.
    func syncNudges(for events: [Event], _ scope: ProactiveScope) throws {
        for event in events {
            guard let eventID = event.id else { continue }
            if event.status == .scheduled {
                try upsert(.reminder, eventID: eventID, due: scope.timing.reminderDue(eventStart: event.start).flatMap { $0 >= event.createdAt ? $0 : nil }, expires: event.start, scope)
                try upsert(.followUp, eventID: eventID, due: scope.timing.followUpDue(eventEnd: event.end),
                           expires: scope.timing.followUpDeadline(eventEnd: event.end), scope)
            } else {
                try settle(.reminder, eventID: eventID, as: .dropped, scope)
                try settle(.followUp, eventID: eventID, as: .closed, scope)
            }
        }
    }

    /// Creates the row, or moves a still-pending one; nil `due` (reminders off) drops a pending one.
    private func upsert(_ kind: NudgeKind, eventID: Int64, due: Date?, expires: Date, _ scope: ProactiveScope) throws {
        var existing = try scope.session.nudge(kind: kind, eventID: eventID)
        guard let due else {
            if existing?.state == .pending { try settle(kind, eventID: eventID, as: .dropped, scope) }
            return
        }
        if var row = existing {
            guard row.state == .pending, row.dueAt != due || row.expiresAt != expires, row.sentAt == nil else { return }
            // A deferred follow-up keeps its later due time unless the event itself moved past it.
            if kind == .followUp, row.dueAt > due, row.expiresAt == expires { return }
            row.dueAt = due
            row.expiresAt = expires
            try scope.session.save(&row)
            existing = row
        } else {
            var row = Nudge(userID: scope.user.id, kind: kind, eventID: eventID, dueAt: due, expiresAt: expires, createdAt: scope.now)
            try scope.session.save(&row)
        }
    }

    private func settle(_ kind: NudgeKind, eventID: Int64, as state: NudgeState, _ scope: ProactiveScope) throws {
        guard var row = try scope.session.nudge(kind: kind, eventID: eventID), row.state == .pending || row.state == .open else { return }
        row.state = row.state == .open && state == .closed ? .closed : state
        try scope.session.save(&row)
    }

    /// Keeps one pending daily plan and weekly review row while they are on; drops them when turned off.
    func scheduleRecurring(_ scope: ProactiveScope) throws {
        let recurring: [(NudgeKind, Date?)] = [
            (.dailyPlan, scope.timing.nextDailyPlan(after: scope.now)),
            (.weeklyReview, scope.timing.nextWeeklyReview(after: scope.now)),
        ]
        for (kind, next) in recurring {
            let pending = try scope.session.nudges(of: scope.user.id, kinds: [kind], states: [.pending])
            guard let next else {
                for var row in pending { row.state = .dropped; try scope.session.save(&row) }
                continue
            }
            guard pending.isEmpty else { continue }
            var row = Nudge(userID: scope.user.id, kind: kind, dueAt: next, createdAt: scope.now)
            try scope.session.save(&row)
        }
    }

    /// Everything due for the user, decided by the delivery policy: reminders due together are merged
    /// into one message, follow-ups go out one at a time, late ones are dropped rather than sent in a burst.
    func deliverDue(_ scope: inout ProactiveScope) throws -> [ProactiveMessage] {
        try expireOpenFollowUps(scope)
        let due = try scope.session.nudges(of: scope.user.id, kinds: Set(NudgeKind.allCases), states: [.pending])
            .filter { $0.dueAt <= scope.now }
        guard !due.isEmpty else { return [] }
        var context = DeliveryContext(now: scope.now, week: scope.week, preferences: scope.preferences,
                                      sentToday: try scope.session.messagesSent(to: scope.user.id, since: scope.today.start),
                                      hasOpenFollowUp: !(try scope.session.nudges(of: scope.user.id, kinds: [.followUp], states: [.open]).isEmpty))
        var reminders: [Event] = []
        var texts: [(text: String, eventID: Int64?)] = []
        for var nudge in due {
            let event = try nudge.eventID.flatMap { try scope.session.event(id: $0) }
            if nudge.eventID != nil, event?.status != .scheduled {
                nudge.state = nudge.kind == .followUp ? .closed : .dropped
                try scope.session.save(&nudge)
                continue
            }
            context.eventStart = event?.start
            context.sentToday = try scope.session.messagesSent(to: scope.user.id, since: scope.today.start) + (reminders.isEmpty ? 0 : 1)
            switch DeliveryPolicy().decide(nudge, context) {
            case .send:
                nudge.sentAt = scope.now
                nudge.state = nudge.kind == .followUp ? .open : .sent
                try scope.session.save(&nudge)
                switch nudge.kind {
                case .reminder: if let event { reminders.append(event) }
                case .followUp:
                    context.hasOpenFollowUp = true
                    if let event { texts.append((scope.phrasebook.text(.followUpQuestion(event)), event.id)) }
                case .dailyPlan: texts.append((scope.phrasebook.text(.dailyPlan(try dailyPlan(scope))), nil))
                case .weeklyReview: texts.append((scope.phrasebook.text(.weeklyReview(try weeklyReview(scope))), nil))
                }
            case .wait(let until):
                nudge.dueAt = until
                try scope.session.save(&nudge)
            case .hold:
                continue
            case .drop(let reason):
                logger.debug("dropped a nudge", metadata: ["kind": "\(nudge.kind.rawValue)", "reason": "\(reason.rawValue)"])
                nudge.state = .dropped
                try scope.session.save(&nudge)
            case .expire:
                try expire(&nudge, scope)
            }
        }
        if !reminders.isEmpty { texts.insert((scope.phrasebook.text(.reminder(reminders)), nil), at: 0) }
        return texts.map { ProactiveMessage(userID: scope.user.id, roomID: scope.preferences.lastRoomID, text: $0.text, verdictEventID: $0.eventID) }
    }
}
