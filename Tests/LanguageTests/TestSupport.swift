import Foundation
@testable import Language

/// A context at a local wall-clock time in a named zone, built through Foundation's Calendar
/// (an independent path from the parser's own civil arithmetic).
func context(_ local: String, zone: String = "Europe/Berlin", order: DateOrder = .monthFirst) -> TimeContext {
    let tz = TimeZone(identifier: zone) ?? TimeZone(secondsFromGMT: 0)!
    return TimeContext(now: localDate(local, tz), timeZone: tz, dateOrder: order)
}

/// "2026-11-23 10:00" in `tz`, via Calendar.
func localDate(_ text: String, _ tz: TimeZone) -> Date {
    let parts = text.split(whereSeparator: { " -:T".contains($0) }).compactMap { Int($0) }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = tz
    let components = DateComponents(year: parts[0], month: parts[1], day: parts[2],
                                    hour: parts.count > 3 ? parts[3] : 0, minute: parts.count > 4 ? parts[4] : 0,
                                    second: parts.count > 5 ? parts[5] : 0)
    return calendar.date(from: components)!
}

/// The ISO rendering of a time for assertions: "2026-11-24T17:00:00+01:00".
func iso(_ date: Date?, _ context: TimeContext) -> String? {
    date.map { ISO8601.format($0, zone: context.offsets) }
}

/// Flat views of a reading for assertions on the `parse` fields.
extension Reading {
    var task: String? { command.fields.task }
    var when: ResolvedTime? { command.fields.when }
    var durationMinutes: Int? { command.fields.durationMinutes }
    var rating: Double? { command.fields.rating }
    var note: String? { command.fields.note }
    var unreadable: Unreadable? {
        if case .unreadable(let unreadable) = command { unreadable } else { nil }
    }
    var problem: CommandProblem? { unreadable?.problem }
}
