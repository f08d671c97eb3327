import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    func agenda(_ command: AgendaRequest, _ turn: inout Turn) throws {
        let scope = command.scope
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
        case .period:
            let asked = command.when.map { period($0, turn) }
            window = asked ?? DateInterval(start: turn.now, end: turn.now.addingTimeInterval(Double(settings.searchDays) * 86_400))
            title = asked.map { $0.duration <= 86_400 ? turn.format.day($0.start) : "\(turn.format.day($0.start)) to \(turn.format.day($0.end.addingTimeInterval(-1)))" }
                ?? "Next \(settings.searchDays) days"
        }
        let events = try turn.session.events(of: turn.user.id, overlapping: window, statuses: [.scheduled, .done, .skipped])
        let imported = try turn.session.importedBusy(of: turn.user.id, overlapping: window)
        guard !events.isEmpty || !imported.isEmpty else {
            turn.say("\(title): nothing scheduled. Try: schedule deep coding \(scope == .tomorrow ? "tomorrow" : "today") for 2h")
            return
        }
        var entries = events.map { event -> (start: Date, line: String) in
            let mark = switch event.status {
            case .done: " ✓"
            case .skipped: " (skipped)"
            default: ""
            }
            return (event.start, "\(turn.format.range(event.start, event.end))  \(event.title)\(mark)")
        }
        entries += imported.map { ($0.start, "\(turn.format.range($0.start, $0.end))  \($0.title) (from your calendar)") }
        let lines = entries.sorted { $0.start < $1.start }.map(\.line)
        turn.say("\(title):\n" + lines.joined(separator: "\n"), preformatted: true)
    }

    /// The stretch an agenda question names: its interval, or the whole day (week, month) it falls in.
    private func period(_ when: ResolvedTime, _ turn: Turn) -> DateInterval {
        if let end = when.end { return DateInterval(start: when.start, end: max(when.start, end)) }
        let byDay = when.grain == .minute || when.grain == .hour
        let start = byDay ? turn.week.startOfDay(when.start) : when.start
        let unit = byDay ? Calendar.Component.day : when.grain.calendarComponent
        let end = turn.week.calendar.date(byAdding: unit, value: 1, to: start) ?? start.addingTimeInterval(86_400)
        return DateInterval(start: start, end: end)
    }
}
