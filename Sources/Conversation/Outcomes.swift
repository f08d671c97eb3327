import CalendarFetch
import Coaching
import Foundation
import ICS
import Language
import LLM
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
    /// No task was named and nothing is scheduled at the time said ("push my 3pm back an hour" with no 3pm).
    case nothingAtTimeSaid(verb: String)
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
    var cheer: Cheer?
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

/// How the grammar's reading of a message went, when that is worth telling the user.
enum ReadingOutcome {
    /// A word was read as a nearby command word ("schedul" as "schedule").
    case readAs(correction: String)
    /// Only the first `limit` characters of a long message were read.
    case messageCut(limit: Int)
    case help
    /// The grammar recognised the command but not its details; its problem carries its own advice.
    case unreadable(Unreadable)
}

/// A reminder, plan, review, quiet hours, limit or mute setting as it now stands.
struct ProactiveSettingOutcome {
    var setting: ProactiveSetting
    /// Messages the bot may send a day on its own, after the change.
    var dailyCap: Int
    /// The quiet hours a new daily plan time falls in (so the plan would never be sent).
    var planInsideQuietHours: DayWindow?
}

/// `insights [task]`: what was learned, and one task type's learned week.
struct InsightsOutcome {
    /// Newest first.
    var insights: [Insight]
    var learnedWeek: LearnedWeek?
}

/// A task type's learned habit over the week, as the heat map shows it.
struct LearnedWeek {
    var type: TaskType
    var habit: WeekGrid
}

enum WhyOutcome {
    case nothingSuggested
    case explained(Explanation)
}

/// Why an event sits where it does: the belief in each of its hours, and what shaped it.
struct Explanation {
    var event: Event
    var type: TaskType
    var slots: [SlotBelief]
    /// Insights that name the task, newest first.
    var insights: [Insight]
    /// The latest smart sync of the task type that changed it.
    var appliedSync: SyncRecord?
}

/// What the learner believes about one hour of the week.
struct SlotBelief {
    var slot: WeekSlot
    var habit: Double
    var energy: Double
    var confidence: Double
}

enum PlanOutcome {
    /// No coaching model is configured.
    case noModel
    case made(goal: String, items: [PlanItem], fromCache: Bool)
    /// The model's answer was not a plan the bot can use.
    case unusable
}

/// One task type of a plan, and its first session when one fits.
struct PlanItem {
    var type: TaskType
    var minutes: Int
    var perWeek: Int
    var first: Event? = nil
}

enum OnboardingOutcome {
    case welcome
    case rolePicked(role: String, starterTasks: [String])
}

/// What a chat message got without words of the bot's own: a pattern reply, the model's text, or why neither.
enum ChatOutcome {
    case patternReply(String)
    /// No pattern section fits a message the classifier called phatic.
    case noPatternFits
    /// Nothing was read as a command, and no model answers.
    case commandHint
    /// The model's text (or the offline provider's, when the model could not be reached).
    case modelReply(String)
    /// A budget kept the message from the model; said once a day per kind of limit.
    case budgetReached(BudgetDenial)
    /// A budget kept a plan from the model, after the day's notice was given.
    case noNewPlanToday
    /// The strong model no longer fits today's budget; the cheap one answers.
    case steppingDown
}

/// A pattern reply cheering a completion, and the streak of done tasks it belongs to.
struct Cheer {
    var reply: String
    var streak: Int
}

/// The next follow-up question, asked while the user is here.
struct FollowUpQuestion {
    var event: Event
}

enum CalendarOutcome {
    case addressMissing
    case imported(CalendarImportSummary)
    case importFailed(CalendarImportProblem)
    case nothingToRemove
    case removed
    case noCalendar
    case status(CalendarSource)
    /// The web listener is off, so there is no feed to give.
    case feedsOff
    /// Asked in a channel where others read along.
    case feedOnlyInPrivate
    case feed(address: String, renewed: Bool)
}

/// A calendar as imported: what it held and what became busy time.
struct CalendarImportSummary {
    var events: Int
    var recurringSeries: Int
    var busyTimes: Int
    var horizonDays: Int
    var refreshMinutes: Int
    /// Repeat-rule parts the reader does not expand.
    var unsupportedParts: [String]
}

/// Why a calendar import changed nothing.
enum CalendarImportProblem: Sendable {
    case badAddress(CalendarFetchError)
    case noCalendarSent
    case fetchFailed(CalendarURL, CalendarFetchError)
    case unreadable(CalendarURL, CalendarParseError)
    case failed(CalendarURL)
    /// The message's fetch did not run.
    case notFetched
}

enum AdminOutcome {
    case notAdmin(command: String)
    case reloaded(PromptReload)
    case noCalls(since: Date)
    case costs(days: Int, CostReport)
}

/// A message the bot sends on its own.
enum ProactiveOutcome {
    /// Events starting soon: one reminder for all of them.
    case reminder([Event])
    case followUpQuestion(Event)
    case dailyPlan(DailyPlanDigest)
    case weeklyReview(WeeklyReviewDigest)
}

/// The day's events and the best windows left today for flexible habits still short this week.
struct DailyPlanDigest {
    var day: Date
    var events: [Event]
    var habitWindows: [HabitWindow]
}

struct HabitWindow {
    var title: String
    var start: Date
    var end: Date
}

/// The week so far: completions, best and worst slots, what was learned and one suggestion.
struct WeeklyReviewDigest {
    var done: Int
    var skipped: Int
    var unanswered: Int
    var best: Event?
    var worst: Event?
    /// The newest insights.
    var insights: [Insight]
    var bestTimes: [LearnedBestTime]
    var suggestion: ReviewSuggestion
}

/// A practised task type's best observed hour of the week, as the learner now sees it.
struct LearnedBestTime {
    var type: TaskType
    var slot: WeekSlot
}

enum ReviewSuggestion {
    /// The most skipped task type this week, and its best observed hour.
    case retry(TaskType, skipped: Int, around: WeekSlot)
    case keepGoing
}

/// What "that's a different task" did: the last booking's own task type, or why there was nothing to split off.
enum SeparateOutcome {
    /// No booking in the last day to split off.
    case nothingJoined
    /// The last booking already has a type of its own name.
    case alreadyItsOwn(Event)
    case separated(Event, from: TaskType, into: TaskType)
}

/// What `undo` did: the user's last change taken back, or why not. One level: after an undo there is nothing to undo.
enum UndoOutcome {
    case nothingToUndo
    /// The event was changed since by something else, so the change is no longer the latest word on it.
    case changedSince(Event)
    /// The event the change made is cancelled again.
    case unscheduled(Event)
    case movedBack(Event, from: DateInterval)
    /// A move back or a cancelled event again would overlap this.
    case slotTaken(Event, by: BusyBlock)
    case restored(Event)
    /// A done or skip taken back: the event is scheduled again and the learner knows what it knew before.
    case unrecorded(Event, done: Bool)
    /// A done logged without a plan, taken back: the logged event is gone too.
    case unlogged(Event)
    case habitStartUndone(Habit, cancelledSessions: Int, replacedOne: Bool)
    case habitStopUndone(Habit, restoredSessions: Int)
    /// The habit was started or stopped again since.
    case habitChangedSince(Habit)
}

/// What a new rating for the completion just recorded did ("actually more like a 5").
struct ReRating {
    var previous: Double?
    var record: CompletionRecord
}
