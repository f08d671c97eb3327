import Foundation
import Language
import SchedulerCore

extension Engine {
    func setTimeZone(_ name: String, _ turn: inout Turn) {
        guard let zone = ZoneName.timeZone(name) else {
            turn.say("\"\(name)\" is not a time zone I know. Use an IANA name, e.g. timezone Europe/Berlin or timezone America/New_York.")
            return
        }
        turn.user.timeZoneIdentifier = zone.identifier
        let format = TimeFormat(timeZone: zone)
        turn.say("Time zone set to \(zone.identifier). It's \(format.dayAndClock(turn.now)) there now.")
    }

    func setAvailability(_ command: AvailabilityRequest, _ turn: inout Turn) {
        let days = command.weekdays
        let window: Availability.Window?
        if command.isOff {
            window = nil
        } else {
            guard let valid = Availability.Window(startMinute: command.fromMinute, endMinute: command.toMinute) else {
                turn.say("The start must come before the end, within one day, e.g. available weekdays 09:00-17:00.")
                return
            }
            window = valid
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
