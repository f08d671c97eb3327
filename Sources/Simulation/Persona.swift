import Foundation
import SchedulerCore

/// Kinds of people the simulator draws, each with a hidden daily rhythm.
public enum Persona: String, Sendable, CaseIterable, Codable {
    case morningPerson = "morning"
    case nightOwl = "night-owl"
    case split
    case afternoon
    /// Late on weekdays, early at weekends.
    case weekendShifter = "weekend-shifter"
    /// A morning person who becomes an evening person in week 4 (halfway through shorter runs).
    case habitChanger = "habit-changer"
    /// Each task has its own best time of day (deep work early, meetings after lunch, admin late), whatever its category.
    case mixed = "mixed-by-task"
    /// Best at the very end of the available day, far from every category's prior.
    case lateEvening = "late-evening"
    /// Held out (never tuned on): early on weekdays, late at weekends, the weekend shifter turned round.
    case lateWeekend = "late-weekend"
    /// Held out (never tuned on): each kind of work has its own hour, against the category priors
    /// (focused work late in the afternoon, meetings early, admin at midday).
    case byCategory = "by-category"

    /// Peaks of the true success curve as (hour, height, width in hours), on top of a low floor.
    func peaks(weekday: Int, changed: Bool, task: HiddenTask) -> [(hour: Double, height: Double, width: Double)] {
        let weekend = weekday == 0 || weekday == 6
        switch self {
        case .mixed: return [(task.ownHour, 0.75, 1.4)]
        case .lateEvening: return [(19.5, 0.75, 1.4)]
        case .lateWeekend: return weekend ? [(18.5, 0.75, 1.5)] : [(9, 0.75, 1.5)]
        case .byCategory: return [(task.categoryHour, 0.75, 1.4)]
        case .morningPerson: return [(9, 0.75, 1.6)]
        case .nightOwl: return [(18.5, 0.75, 1.6)]
        case .split: return [(9.5, 0.65, 1.0), (16.5, 0.7, 1.0)]
        case .afternoon: return [(14, 0.75, 1.5)]
        case .weekendShifter: return weekend ? [(9.5, 0.75, 1.5)] : [(17.5, 0.75, 1.5)]
        case .habitChanger: return changed ? [(18, 0.75, 1.6)] : [(9, 0.75, 1.6)]
        }
    }
}

/// One task a simulated user does, and how well it goes at each hour of the week (hidden from the bot).
public struct HiddenTask: Sendable {
    public var name: String
    /// Shifts the persona's peaks for this task, in hours (people do email and deep work at different times).
    public var peakShift: Double
    /// Per-hour texture so no two weeks are perfectly smooth.
    public var texture: [Double]
    /// Multiplies each weekday's curve (e.g. a Friday slump).
    public var weekdayFactors: [Double]
    /// This task's own best hour, for people whose best time depends on the task.
    public var ownHour: Double
    /// The best hour of this task's kind of work, for people whose best time depends on the kind.
    public var categoryHour: Double
}

/// The true quality of each hour of the week for one user and task.
public enum TrueWeek {
    static let floor = 0.15

    public static func grid(persona: Persona, task: HiddenTask, changed: Bool) -> WeekGrid {
        var values: [Double] = []
        values.reserveCapacity(WeekSlot.count)
        for day in 0..<7 {
            let peaks = persona.peaks(weekday: day, changed: changed, task: task)
            for hour in 0..<24 {
                let centre = Double(hour) + 0.5
                var value = floor
                for peak in peaks {
                    let distance = (centre - peak.hour - task.peakShift) / peak.width
                    value += peak.height * exp(-0.5 * distance * distance)
                }
                value = value * task.weekdayFactors[day] + task.texture[day * 24 + hour]
                values.append(value)
            }
        }
        return WeekGrid(values: values) ?? WeekGrid(repeating: floor)
    }
}
