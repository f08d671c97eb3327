import Foundation
import Language
import SchedulerCore

extension Engine {
    func setTimeZone(_ name: String, _ turn: inout Turn) -> TimeZoneOutcome {
        guard let zone = ZoneName.timeZone(name) else { return .unknown(said: name) }
        turn.user.timeZoneIdentifier = zone.identifier
        return .set(zone)
    }

    func setAvailability(_ command: AvailabilityRequest, _ turn: inout Turn) -> AvailabilityOutcome {
        let window: Availability.Window?
        if command.isOff {
            window = nil
        } else {
            guard let valid = Availability.Window(startMinute: command.fromMinute, endMinute: command.toMinute) else { return .startNotBeforeEnd }
            window = valid
        }
        turn.user.availability.set(weekdays: Set(command.weekdays), to: window)
        return .set(weekdays: command.weekdays.sorted(), window: window)
    }
}
