import Foundation
import SchedulerCore
import StoreProtocols

// What each command's handler did, as values: the handler decides (through the core) and writes; the
// phrasebook says it. A handler never words its answer, so one outcome always reads the same.

/// Why a task name said cannot be used.
enum TaskNameProblem: Equatable {
    case noLetters
    case tooLong(characters: Int)
}

/// Why no event was found for a command about one ("cancel gym", "move reading to 5pm").
enum EventLookupProblem: Error, Equatable {
    /// No task was named, and no time said picks one event.
    case noTaskNamed(verb: String)
    case unknownTask(said: String)
    case nothingScheduled(said: String, verb: String, atTimeSaid: Bool)
}

enum ScheduleOutcome {
    case badName(TaskNameProblem)
    case durationOutOfRange(minutes: Int)
    case refused(PlacementRefusal, task: TaskType, durationMinutes: Int)
    case placed(ScheduledEvent)
}

/// A new event and how it came to be where it is.
struct ScheduledEvent {
    var event: Event
    var type: TaskType
    var placement: Placement
    /// The task type was made by this message.
    var typeIsNew: Bool
}

enum MoveOutcome {
    case notFound(EventLookupProblem)
    /// The event's task type is gone: nothing is said (the event cannot be placed without it).
    case taskTypeMissing
    case durationOutOfRange(minutes: Int)
    case refused(PlacementRefusal, task: TaskType, durationMinutes: Int)
    case moved(Event, from: DateInterval, placement: Placement)
}

enum CancelOutcome {
    case notFound(EventLookupProblem)
    case cancelled(Event)
}

/// What `done`, `skip`, a follow-up answer or a reaction did.
enum CompletionOutcome {
    case badName(TaskNameProblem)
    /// Nothing has started, and no task was named.
    case nothingStarted(done: Bool)
    case notStarted(Event)
    case nothingToSkip(said: String)
    case taskTypeMissing
    /// A reaction on an event that is no longer scheduled.
    case alreadyResolved(Event)
    /// A 👍 on an event that has not started.
    case reactionBeforeStart(Event)
    case recorded(CompletionRecord)
}

/// An outcome recorded on an event, with what the learner made of it.
struct CompletionRecord {
    var event: Event
    var type: TaskType
    var done: Bool
    var rating: Double?
    /// The type's mean habit over the event's hours, before and after learning from it.
    var habitBefore: Double
    var habitAfter: Double
    var weekday: Int
    /// A pattern reply cheering a completion (none after a low rating).
    var cheer: String?
    /// The energy the note said the event left (0 drained ... 1 energised).
    var energyAfter: Double?
}

enum AgendaOutcome {
    case nothingComing
    /// Nothing coming for the task asked about, as the user said it.
    case nothingComingFor(task: String)
    case next(Event)
    case empty(AgendaPeriod)
    case listing(AgendaPeriod, events: [Event], imported: [ImportedBusy])
}

/// The stretch an agenda covers, as its title names it.
enum AgendaPeriod: Equatable {
    case today
    case tomorrow
    case coming(days: Int)
    case asked(DateInterval)
}

enum HabitOutcome {
    case badName(TaskNameProblem)
    /// The type was not stored: nothing is said.
    case taskTypeMissing
    case durationOutOfRange(minutes: Int)
    case started(Habit, replacedOne: Bool, thisWeek: HabitPlan)
}

enum HabitListOutcome {
    case none
    case habits([HabitWeek])
}

/// A habit and how this week of it goes.
struct HabitWeek {
    var habit: Habit
    var done: Int
    var next: Event?
}

enum StopHabitOutcome {
    case unknown(said: String, active: [String])
    case stopped(Habit, cancelledSessions: Int)
}

enum TimeZoneOutcome {
    case unknown(said: String)
    case set(TimeZone)
}

enum AvailabilityOutcome {
    case startNotBeforeEnd
    /// The days' hours now (nil: the days are off).
    case set(weekdays: [Int], window: Availability.Window?)
}
