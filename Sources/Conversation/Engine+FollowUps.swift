import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    /// While a follow-up is open, a reply that answers it ("8", "meh", "done 7", "skip") is recorded on
    /// that event, then the next queued follow-up (if any) is asked in the same reply.
    func answerOpenFollowUp(_ command: Command, _ turn: inout Turn) throws -> Bool {
        guard var open = try turn.session.nudges(of: turn.user.id, kinds: [.followUp], states: [.open]).first,
              let eventID = open.eventID, let event = try turn.session.event(id: eventID), event.status == .scheduled,
              let answer = FollowUpAnswer.read(command, text: turn.text.value, taskName: event.title) else { return false }
        let note = command.fields.note
        switch answer {
        case .done(let rating):
            turn.intent = .done
            say(try complete(OutcomeReport(rating: rating, note: note), &turn, done: true, target: event), &turn)
        case .skipped:
            turn.intent = .skip
            say(try complete(OutcomeReport(note: note), &turn, done: false, target: event), &turn)
        }
        turn.route = .command
        open.state = .answered
        try turn.session.save(&open)
        try askNextQueuedFollowUp(&turn)
        return true
    }

    /// The conversation is live, so the next question rides on this reply instead of waiting for a tick.
    func askNextQueuedFollowUp(_ turn: inout Turn) throws {
        let preferences = try turn.session.proactivePreferences(of: turn.user.id)
        guard !preferences.isMuted else { return }
        let queued = try turn.session.nudges(of: turn.user.id, kinds: [.followUp], states: [.pending])
            .filter { $0.dueAt <= turn.now && ($0.expiresAt ?? .distantFuture) > turn.now }
        for var next in queued {
            guard let id = next.eventID, let event = try turn.session.event(id: id), event.status == .scheduled else { continue }
            next.state = .open
            next.sentAt = turn.now
            try turn.session.save(&next)
            say(FollowUpQuestion(event: event), &turn)
            return
        }
    }

    /// Open follow-ups whose day is over: missed if the user opted in, otherwise unknown.
    func expireOpenFollowUps(_ scope: ProactiveScope) throws {
        for var nudge in try scope.session.nudges(of: scope.user.id, kinds: [.followUp], states: [.open])
        where (nudge.expiresAt ?? .distantFuture) <= scope.now {
            try expire(&nudge, scope)
        }
    }

    /// Silence is a learning signal only for users who said so ("unanswered missed").
    func expire(_ nudge: inout Nudge, _ scope: ProactiveScope) throws {
        nudge.state = .expired
        try scope.session.save(&nudge)
        guard scope.preferences.unansweredCountsAsMissed, let id = nudge.eventID,
              var event = try scope.session.event(id: id), event.status == .scheduled,
              var type = try scope.session.taskType(id: event.taskTypeID),
              var user = try scope.session.user(scope.user.id) else { return }
        let slots = scope.week.slots(from: event.start, to: event.end)
        settings.learner.learn(Outcome(slots: slots, signal: Outcome.skippedSignal, completed: false), taskType: &type, energy: &user.energy)
        event.status = .skipped
        event.successRating = Outcome.skippedSignal
        event.note = event.note ?? "no answer to the follow-up"
        try scope.session.save(&event)
        try scope.session.save(&type)
        try scope.session.save(user)
    }
}
