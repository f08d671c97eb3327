/// The values every command may carry, flattened: the fields of the `parse` output.
public struct CommandFields: Sendable, Equatable {
    public var task: String?
    public var when: ResolvedTime?
    public var durationMinutes: Int?
    public var rating: Double?
    public var note: String?
}

extension Command {
    /// The command's values under the `parse` field names (a plan's goal and a habit's name are its task).
    public var fields: CommandFields {
        var f = CommandFields()
        switch self {
        case .schedule(let r): (f.task, f.when, f.durationMinutes) = (r.task, r.when, r.durationMinutes)
        case .done(let r), .skip(let r): (f.task, f.when, f.rating, f.note) = (r.task, r.when, r.rating, r.note)
        case .agenda(let r): (f.task, f.when) = (r.task, r.when)
        case .cancel(let r): (f.task, f.when) = (r.task, r.when)
        // "push my 3pm back an hour" names the event by its time only: no task.
        case .move(let r): (f.task, f.when, f.durationMinutes) = (r.task.isEmpty ? nil : r.task, r.to, r.durationMinutes)
        case .plan(let r): f.task = r.goal
        case .insights(let task), .why(let task): f.task = task
        case .habit(let r): (f.task, f.durationMinutes) = (r.task, r.durationMinutes)
        case .stopHabit(let name): f.task = name
        case .unreadable(let u): f.task = u.task
        case .rerate(let rating): f.rating = rating
        case .timezone, .available, .help, .habits, .setting, .undo, .neverMind, .separateTask, .chat: break
        }
        return f
    }
}
