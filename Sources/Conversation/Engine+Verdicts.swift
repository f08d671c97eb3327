import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    /// A verdict given without words (a reaction on the bot's message about an event): recorded on exactly
    /// that event, by id, under the same rules as "done" and "skip". Someone else's event is not theirs to
    /// judge, so it gets no answer and no change.
    func record(_ verdict: EventVerdict, _ turn: inout Turn) throws {
        let done = verdict.outcome == .done
        turn.intent = done ? .done : .skip
        guard let event = try turn.session.event(id: verdict.eventID), event.userID == turn.user.id else { return }
        let outcome = try judge(event, done: done, &turn)
        say(outcome, &turn)
        guard case .recorded = outcome else { return }
        if var open = try turn.session.nudges(of: turn.user.id, kinds: [.followUp], states: [.open]).first,
           open.eventID == verdict.eventID {
            open.state = .answered
            try turn.session.save(&open)
            try askNextQueuedFollowUp(&turn)
        }
    }

    /// A reaction's verdict on its own event: refused when the event is resolved or (for a 👍) not started.
    private func judge(_ event: Event, done: Bool, _ turn: inout Turn) throws -> CompletionOutcome {
        guard event.status == .scheduled else { return .alreadyResolved(event) }
        if done, event.start > turn.now { return .reactionBeforeStart(event) }
        return try complete(OutcomeReport(), &turn, done: done, target: event)
    }
}
