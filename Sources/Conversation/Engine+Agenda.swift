import Foundation
import Language
import SchedulerCore
import StoreProtocols

extension Engine {
    func agenda(_ command: AgendaRequest, _ turn: inout Turn) throws -> AgendaOutcome {
        let today = turn.week.startOfDay(turn.now)
        let tomorrow = turn.week.addingDays(1, to: today) ?? today.addingTimeInterval(86_400)
        let coming = DateInterval(start: turn.now, end: turn.now.addingTimeInterval(Double(settings.searchDays) * 86_400))
        let window: DateInterval
        let period: AgendaPeriod
        switch command.scope {
        case .today:
            window = DateInterval(start: today, end: tomorrow)
            period = .today
        case .tomorrow:
            window = DateInterval(start: tomorrow, end: turn.week.addingDays(1, to: tomorrow) ?? tomorrow.addingTimeInterval(86_400))
            period = .tomorrow
        case .next where command.task != nil:
            return try nextEvent(of: command.task ?? "", turn)
        case .next:
            guard let next = try turn.session.nextEvent(of: turn.user.id, startingAfter: turn.now, statuses: [.scheduled]) else { return .nothingComing }
            return .next(next)
        case .upcoming:
            window = coming
            period = .coming(days: settings.searchDays)
        case .period:
            let asked = command.when.map { self.period($0, turn) }
            window = asked ?? coming
            period = asked.map(AgendaPeriod.asked) ?? .coming(days: settings.searchDays)
        }
        let events = try turn.session.events(of: turn.user.id, overlapping: window, statuses: [.scheduled, .done, .skipped])
        let imported = try turn.session.importedBusy(of: turn.user.id, overlapping: window)
        guard !events.isEmpty || !imported.isEmpty else { return .empty(period) }
        return .listing(period, events: events, imported: imported)
    }

    /// The next event of one task ("when's my next run"), by its title or its task type.
    private func nextEvent(of said: String, _ turn: Turn) throws -> AgendaOutcome {
        let coming = DateInterval(start: turn.now, end: turn.now.addingTimeInterval(366 * 86_400))
        guard let next = try events(named: said, around: coming, turn).first(where: { $0.start > turn.now }) else {
            return .nothingComingFor(task: said)
        }
        return .next(next)
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
