import Foundation
import SchedulerCore

// The words for an undo and for a new rating of the completion just recorded.
extension Phrasebook {
    func replies(_ outcome: UndoOutcome) -> [Reply] {
        switch outcome {
        case .nothingToUndo:
            [Reply("There's nothing to undo: I keep only your last change, and it has been undone or there was none yet.")]
        case .changedSince(let event):
            [Reply("\(event.title) (\(format.dayAndClock(event.start))) has changed since, so I left it as it is.")]
        case .unscheduled(let event):
            [Reply("Undone: \(event.title) (\(format.range(event.start, event.end))) is off your agenda again.")]
        case .movedBack(let event, let from):
            [Reply("Undone: \(event.title) is back at \(format.range(event.start, event.end)) (it was moved to \(format.range(from.start, from.end))).")]
        case .slotTaken(let event, let block):
            [Reply("I can't put \(event.title) back at \(format.range(event.start, event.end)): \(block.title.isEmpty ? "something else" : block.title) is there now. "
                + "Say \"schedule \(event.title.lowercased())\" and I'll find another time.")]
        case .restored(let event):
            [Reply("Undone: \(event.title) (\(format.range(event.start, event.end))) is scheduled again.")]
        case .unrecorded(let event, let done):
            [Reply("Undone: \(event.title) (\(format.dayAndClock(event.start))) is no longer marked \(done ? "done" : "skipped"), "
                + "and I've forgotten what I learned from it.")]
        case .unlogged(let event):
            [Reply("Undone: I've removed the \(event.title) I logged (\(format.range(event.start, event.end))) and forgotten what I learned from it.")]
        case .habitStartUndone(let habit, let cancelled, let replacedOne):
            [Reply("Undone: the habit \(habit.title) is stopped\(cancelled > 0 ? " and its \(cancelled) coming session\(cancelled == 1 ? "" : "s") cancelled" : "")."
                + (replacedOne ? " The habit it replaced stays stopped: say it again to bring it back." : ""))]
        case .habitStopUndone(let habit, let restored):
            [Reply("Undone: the habit \(habit.title) is on again\(restored > 0 ? ", with \(restored) coming session\(restored == 1 ? "" : "s") back" : "").")]
        case .habitChangedSince(let habit):
            [Reply("The habit \(habit.title) has changed since, so I left it as it is.")]
        }
    }

    func replies(_ reRating: ReRating) -> [Reply] {
        let record = reRating.record
        let event = record.event
        let was = reRating.previous.map { "\(Phrasebook.outOfTen($0))/10" } ?? "no rating"
        let now = record.rating.map { "\(Phrasebook.outOfTen($0))/10" } ?? "no rating"
        return [Reply("Changed \(event.title) (\(format.dayAndClock(event.start))) to \(now) instead of \(was). "
            + "\(WeekSlot.weekdayNames[record.weekday]) \(format.clock(event.start)) for \(record.type.displayName): "
            + "\(TimeFormat.score(record.habitBefore)) → \(TimeFormat.score(record.habitAfter)).")]
    }
}

extension Phrasebook {
    func replies(_ outcome: SeparateOutcome) -> [Reply] {
        switch outcome {
        case .nothingJoined:
            [Reply("There's nothing to split off: I only do that for your last booking, within a day of making it.")]
        case .alreadyItsOwn(let event):
            [Reply("\(event.title) already has a task type of its own.")]
        case .separated(let event, let joined, let own):
            [Reply("Done: \(own.displayName) is a task of its own now (\(event.title), \(format.dayAndClock(event.start))); "
                + "I'll learn its times apart from \(joined.displayName).")]
        }
    }
}

extension SeparateOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension UndoOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension ReRating: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
