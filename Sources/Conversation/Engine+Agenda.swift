import Foundation
import Language
import SchedulerCore
import Storage

extension Engine {
    func agenda(_ command: ParsedCommand, _ turn: inout Turn) throws {
        let scope = command.agendaScope ?? .upcoming
        let today = turn.week.startOfDay(turn.now)
        let tomorrow = turn.week.addingDays(1, to: today) ?? today.addingTimeInterval(86_400)
        let window: DateInterval
        let title: String
        switch scope {
        case .today:
            window = DateInterval(start: today, end: tomorrow)
            title = "Today"
        case .tomorrow:
            window = DateInterval(start: tomorrow, end: turn.week.addingDays(1, to: tomorrow) ?? tomorrow.addingTimeInterval(86_400))
            title = "Tomorrow"
        case .next:
            guard let next = try turn.session.nextEvent(of: turn.user.id, startingAfter: turn.now, statuses: [.scheduled]) else {
                turn.say("Nothing is coming up. Try: schedule deep coding tomorrow for 2h")
                return
            }
            turn.say("Next: \(turn.format.range(next.start, next.end)) \(next.title) (in \(TimeFormat.duration(Int(next.start.timeIntervalSince(turn.now) / 60))))")
            return
        case .upcoming:
            window = DateInterval(start: turn.now, end: turn.now.addingTimeInterval(Double(settings.searchDays) * 86_400))
            title = "Next \(settings.searchDays) days"
        }
        let events = try turn.session.events(of: turn.user.id, overlapping: window, statuses: [.scheduled, .done, .skipped])
        guard !events.isEmpty else {
            turn.say("\(title): nothing scheduled. Try: schedule deep coding \(scope == .tomorrow ? "tomorrow" : "today") for 2h")
            return
        }
        let lines = events.map { event -> String in
            let mark = switch event.status {
            case .done: " ✓"
            case .skipped: " (skipped)"
            default: ""
            }
            return "\(turn.format.range(event.start, event.end))  \(event.title)\(mark)"
        }
        turn.say("\(title):\n" + lines.joined(separator: "\n"), preformatted: true)
    }
}
