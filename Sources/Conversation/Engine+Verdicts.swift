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
        let when = turn.format.dayAndClock(event.start)
        guard event.status == .scheduled else {
            turn.say("\(event.title) (\(when)) is already \(Self.statusWord(event.status)), so nothing was changed.")
            return
        }
        if done, event.start > turn.now {
            turn.say("\(event.title) starts \(when), so it can't be done yet. React again once it has started, or 👎 to skip it.")
            return
        }
        try complete(OutcomeReport(), &turn, done: done, target: event)
        if var open = try turn.session.nudges(of: turn.user.id, kinds: [.followUp], states: [.open]).first,
           open.eventID == verdict.eventID {
            open.state = .answered
            try turn.session.save(&open)
            try askNextQueuedFollowUp(&turn)
        }
    }

    static func statusWord(_ status: Event.Status) -> String {
        switch status {
        case .scheduled: "scheduled"
        case .done: "done"
        case .skipped: "skipped"
        case .cancelled: "cancelled"
        }
    }
}
