import Foundation
import Language
import SchedulerCore

extension Engine {
    func setTimeZone(_ command: ParsedCommand, _ turn: inout Turn) throws {
        guard let name = command.timeZoneName, let zone = TimeZone(identifier: name) else {
            let shown = command.timeZoneName.map { "\"\($0)\" is not a time zone I know. " } ?? ""
            turn.say("\(shown)Use an IANA name, e.g. timezone Europe/Berlin or timezone America/New_York.")
            return
        }
        turn.user.timeZoneIdentifier = zone.identifier
        let format = TimeFormat(timeZone: zone)
        turn.say("Time zone set to \(zone.identifier). It's \(format.dayAndClock(turn.now)) there now.")
    }

    func setAvailability(_ command: ParsedCommand, _ turn: inout Turn) throws {
        guard let days = command.availabilityDays, !days.isEmpty else {
            turn.say(command.problem ?? "Tell me the days and hours, e.g. available weekdays 09:00-17:00 or available sat off.")
            return
        }
        let window: Availability.Window?
        if let from = command.availabilityFromMinute, let to = command.availabilityToMinute {
            guard let valid = Availability.Window(startMinute: from, endMinute: to) else {
                turn.say("The start must come before the end, within one day, e.g. available weekdays 09:00-17:00.")
                return
            }
            window = valid
        } else {
            window = nil
        }
        turn.user.availability.set(weekdays: Set(days), to: window)
        let names = days.sorted().map { WeekSlot.weekdayShortNames[$0] }.joined(separator: ", ")
        if let window {
            turn.say("Available \(names) \(TimeFormat.minutes(window.startMinute))-\(TimeFormat.minutes(window.endMinute)). I'll only suggest times inside those hours.")
        } else {
            turn.say("\(names): marked as off. I won't suggest times then.")
        }
    }
}
