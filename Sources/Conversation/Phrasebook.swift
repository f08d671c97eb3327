import Foundation
import SchedulerCore
import StoreProtocols

/// Every command outcome in words: the text each front end shows, and the HTML Matrix shows beside it.
/// Wording lives here and only here, so an outcome reads the same whichever path produced it.
struct Phrasebook {
    let format: TimeFormat
    let now: Date

    // MARK: Schedule and move

    func replies(_ outcome: ScheduleOutcome) -> [Reply] {
        switch outcome {
        case .badName(let problem): return [Reply(text(problem))]
        case .durationOutOfRange(let minutes): return [Reply(durationOutOfRange(minutes))]
        case .refused(let refusal, let task, let duration): return [Reply(text(refusal, task: task, durationMinutes: duration))]
        case .placed(let scheduled): return placed(scheduled)
        }
    }

    private func placed(_ scheduled: ScheduledEvent) -> [Reply] {
        let event = scheduled.event, type = scheduled.type, placement = scheduled.placement
        var line = "\(format.range(event.start, event.end)) \(event.title): \(text(placement.reason)) (score \(TimeFormat.score(placement.slot.score)))."
        if scheduled.typeIsNew {
            line += " New task type, \(type.category.rawValue); I'll learn its best times as you go."
        } else if event.title != type.displayName {
            line += " I'll learn its times together with your \(type.displayName); if it's another kind of task, say \"different task\"."
        }
        var replies = [Reply(line)]
        if !placement.alternatives.isEmpty {
            let others = placement.alternatives.map { "\(format.dayAndClock($0.start)) (\(TimeFormat.score($0.score)))" }
            replies.append(Reply("Also good: \(others.joined(separator: ", "))."))
        }
        return replies
    }

    func replies(_ outcome: MoveOutcome) -> [Reply] {
        switch outcome {
        case .notFound(let problem): return [Reply(text(problem))]
        case .taskTypeMissing: return []
        case .durationOutOfRange(let minutes): return [Reply(durationOutOfRange(minutes))]
        case .refused(let refusal, let task, let duration): return [Reply(text(refusal, task: task, durationMinutes: duration))]
        case .moved(let event, let from, let placement):
            return [Reply("Moved \(event.title) from \(format.range(from.start, from.end)) to \(format.range(event.start, event.end)): "
                + "\(text(placement.reason)) (score \(TimeFormat.score(placement.slot.score))).")]
        }
    }

    func replies(_ outcome: CancelOutcome) -> [Reply] {
        switch outcome {
        case .notFound(let problem): [Reply(text(problem))]
        case .cancelled(let event): [Reply("Cancelled \(event.title) (\(format.range(event.start, event.end))).")]
        }
    }

    func text(_ reason: Placement.Reason) -> String {
        switch reason {
        case .bestThisWeek: "your best window this week"
        case .bestInTimeGiven: "your best window in the time you gave"
        case .timeAsked: "at the time you asked"
        }
    }

    func text(_ refusal: PlacementRefusal, task: TaskType, durationMinutes: Int) -> String {
        switch refusal {
        case .startHasPassed(let start):
            return "\(format.dayAndClock(start)) has already passed. Pick a later time, or leave the time out and I'll find the best one."
        case .windowIsOver:
            return "That time is already over. Try a time from now on, e.g. \"tomorrow morning\"."
        case .noFreeSlot(let window):
            return "I found no free \(TimeFormat.duration(durationMinutes)) slot for \(task.displayName) "
                + "between \(format.dayAndClock(window.start)) and \(format.dayAndClock(window.end)) within your available hours. "
                + "Try another day, a shorter duration, or change your hours with: available weekdays 07:00-21:00"
        case .clash(let start, let block, let nearest):
            var text = "\(format.dayAndClock(start)) clashes with \(block.title.isEmpty ? "another event" : block.title) (\(format.range(block.start, block.end))"
            text += block.recoveryMinutes > 0 ? " plus \(block.recoveryMinutes) min recovery)." : ")."
            if nearest.isEmpty {
                text += " I found no free time near it."
            } else {
                text += " Nearest free: " + nearest.map { format.dayAndClock($0.start) }.joined(separator: ", ") + "."
            }
            return text
        }
    }

    func durationOutOfRange(_ minutes: Int) -> String {
        "I can schedule tasks from 5 minutes to 24 hours long; \(TimeFormat.duration(minutes)) is outside that."
    }

    func text(_ problem: TaskNameProblem) -> String {
        switch problem {
        case .noLetters:
            "That task name has no letters I can show. Use a short name, e.g. schedule deep coding tomorrow."
        case .tooLong(let characters):
            "That task name is too long for me (\(characters) characters). Use a short name, up to \(TaskName.maxLength) characters, e.g. schedule deep coding tomorrow."
        }
    }

    func text(_ problem: EventLookupProblem) -> String {
        switch problem {
        case .noTaskNamed(let verb): "Which task should I \(verb)? For example: \(verb) deep coding"
        case .unknownTask(let said): "You have no task called \"\(said)\". Say \"agenda\" to see what's scheduled."
        case .nothingScheduled(let said, let verb, let atTimeSaid):
            "\(TaskName.display(said)) has nothing scheduled to \(verb)\(atTimeSaid ? " then" : "")."
        case .nothingAtTimeSaid(let verb): "Nothing is scheduled then to \(verb). Say \"agenda\" to see what is."
        }
    }

    // MARK: Done and skip

    func replies(_ outcome: CompletionOutcome) -> [Reply] {
        switch outcome {
        case .badName(let problem): return [Reply(text(problem))]
        case .nothingStarted(let done):
            return [Reply("Nothing on your agenda has started yet. Name the task, e.g. \"\(done ? "done" : "skip") gym\".")]
        case .notStarted(let event): return [Reply(notStarted(event))]
        case .nothingToSkip(let said):
            return [Reply("I don't see \(said) on your agenda in the last or the next 7 days, so there is nothing to skip.")]
        case .taskTypeMissing:
            return [Reply("I couldn't find the task type of that event any more, so nothing was recorded.")]
        case .alreadyResolved(let event):
            return [Reply("\(event.title) (\(format.dayAndClock(event.start))) is already \(Phrasebook.word(event.status)), so nothing was changed.")]
        case .reactionBeforeStart(let event):
            return [Reply("\(event.title) starts \(format.dayAndClock(event.start)), so it can't be done yet. React again once it has started, or 👎 to skip it.")]
        case .recorded(let record): return recorded(record)
        }
    }

    /// Why a planned event is not marked done yet, and what the user can say instead.
    private func notStarted(_ event: Event) -> String {
        let name = event.title.lowercased()
        return "\(event.title) is planned for \(format.dayAndClock(event.start)) and hasn't started yet, so I haven't marked it done. "
            + "Once it has started, say \"done \(name)\". If you did it already, outside the plan, say \"done \(name) now\" and I'll log it now "
            + "(the planned one stays). Or say \"cancel \(name)\" or \"move \(name) to <time>\"."
    }

    private func recorded(_ record: CompletionRecord) -> [Reply] {
        let event = record.event
        var line = "Marked \(event.title) (\(format.dayAndClock(event.start))) \(record.done ? "done" : "skipped")"
        if record.done, let rating = record.rating { line += ", \(Phrasebook.outOfTen(rating))/10" }
        line += ". \(WeekSlot.weekdayNames[record.weekday]) \(format.clock(event.start)) for \(record.type.displayName): "
            + "\(TimeFormat.score(record.habitBefore)) → \(TimeFormat.score(record.habitAfter))."
        var replies = [Reply(line)]
        if let cheer = record.cheer { replies.append(Reply(text(cheer))) }
        if let energy = record.energyAfter {
            replies.append(Reply(energy < 0.5 ? "Noted that it left you drained; I'll weigh your energy at that hour." : "Noted the good energy afterwards."))
        }
        return replies
    }

    static func word(_ status: Event.Status) -> String {
        switch status {
        case .scheduled: "scheduled"
        case .done: "done"
        case .skipped: "skipped"
        case .cancelled: "cancelled"
        }
    }

    // MARK: Habits

    func replies(_ outcome: HabitOutcome) -> [Reply] {
        switch outcome {
        case .badName(let problem): return [Reply(text(problem))]
        case .taskTypeMissing: return []
        case .durationOutOfRange(let minutes):
            return [Reply("A habit can last 5 minutes to 24 hours; \(TimeFormat.duration(minutes)) is outside that.")]
        case .started(let habit, let replaced, let plan):
            var line = "\(replaced ? "Updated" : "New") habit: \(Phrasebook.describe(habit))."
            line += plan.placements.isEmpty
                ? " Nothing more fits this week; I'll place it again on Monday."
                : " This week: " + plan.placements.map { format.dayAndClock($0.start) }.joined(separator: ", ") + "."
            if !plan.collisions.isEmpty {
                line += " Not placed (something else is there): " + plan.collisions.map { format.dayAndClock($0) }.joined(separator: ", ") + "."
            }
            return [Reply(line + " Say \"habits\" to see them, \"stop \(habit.title.lowercased())\" to end it.")]
        }
    }

    func replies(_ outcome: HabitListOutcome) -> [Reply] {
        switch outcome {
        case .none:
            return [Reply("No habits yet. Try: schedule gym 3 times a week, or standup every weekday at 9:30 for 15 min")]
        case .habits(let weeks):
            let lines = weeks.map { week in
                var line = "\(Phrasebook.describe(week.habit)) — this week \(week.done)/\(week.habit.timesPerWeek) done"
                if let next = week.next { line += ", next \(format.dayAndClock(next.start))" }
                return line
            }
            return [Reply("Your habits:\n" + lines.joined(separator: "\n"), isPreformatted: true)]
        }
    }

    func replies(_ outcome: StopHabitOutcome) -> [Reply] {
        switch outcome {
        case .unknown(let said, let active):
            let known = active.isEmpty ? "You have no habits." : "Your habits: " + Phrasebook.list(active) + "."
            return [Reply("I have no habit called \"\(said)\". \(known) (To pause my messages instead, say mute.)")]
        case .stopped(let habit, let cancelled):
            let sessions = cancelled > 0 ? " and cancelled its \(cancelled) coming session\(cancelled == 1 ? "" : "s")" : ""
            return [Reply("Stopped the habit \(habit.title)\(sessions). What you already did stays learned.")]
        }
    }

    /// How habits read in chat: "Gym 3× a week, 1h", "Standup Mon-Fri at 09:30, 15 min".
    static func describe(_ habit: Habit) -> String {
        var text = habit.title + " "
        switch habit.days {
        case .timesPerWeek(let count): text += count == 1 ? "once a week" : "\(count)× a week"
        case .fixed(let days): text += days.count == 7 ? "every day" : days == Set(1...5) ? "every weekday" : days.sorted { ($0 + 6) % 7 < ($1 + 6) % 7 }.map { WeekSlot.weekdayShortNames[$0] }.joined(separator: ", ")
        }
        if let minute = habit.minuteOfDay {
            text += " at \(TimeFormat.minutes(minute))"
        } else if let window = habit.window {
            text += " between \(TimeFormat.minutes(window.startMinute)) and \(TimeFormat.minutes(window.endMinute))"
        }
        return text + ", \(TimeFormat.duration(habit.durationMinutes))"
    }

    // MARK: Settings

    func replies(_ outcome: TimeZoneOutcome) -> [Reply] {
        switch outcome {
        case .unknown(let said):
            [Reply("\"\(said)\" is not a time zone I know. Use an IANA name, e.g. timezone Europe/Berlin or timezone America/New_York.")]
        case .set(let zone):
            [Reply("Time zone set to \(zone.identifier). It's \(TimeFormat(timeZone: zone).dayAndClock(now)) there now.")]
        }
    }

    func replies(_ outcome: AvailabilityOutcome) -> [Reply] {
        switch outcome {
        case .startNotBeforeEnd:
            return [Reply("The start must come before the end, within one day, e.g. available weekdays 09:00-17:00.")]
        case .set(let weekdays, let window):
            let names = weekdays.map { WeekSlot.weekdayShortNames[$0] }.joined(separator: ", ")
            guard let window else { return [Reply("\(names): marked as off. I won't suggest times then.")] }
            return [Reply("Available \(names) \(TimeFormat.minutes(window.startMinute))-\(TimeFormat.minutes(window.endMinute)). I'll only suggest times inside those hours.")]
        }
    }

    // MARK: Agenda

    func replies(_ outcome: AgendaOutcome) -> [Reply] {
        switch outcome {
        case .nothingComing:
            return [Reply("Nothing is coming up. Try: schedule deep coding tomorrow for 2h")]
        case .nothingComingFor(let task):
            return [Reply("\(TaskName.display(task)) has nothing coming up. Try: schedule \(task) tomorrow")]
        case .next(let next):
            return [Reply("Next: \(format.range(next.start, next.end)) \(next.title) (in \(TimeFormat.duration(Int(next.start.timeIntervalSince(now) / 60))))")]
        case .empty(let period):
            return [Reply("\(title(period)): nothing scheduled. Try: schedule deep coding \(period == .tomorrow ? "tomorrow" : "today") for 2h")]
        case .listing(let period, let events, let imported):
            var entries = events.map { event -> (start: Date, line: String) in
                let mark = switch event.status {
                case .done: " ✓"
                case .skipped: " (skipped)"
                default: ""
                }
                return (event.start, "\(format.range(event.start, event.end))  \(event.title)\(mark)")
            }
            entries += imported.map { ($0.start, "\(format.range($0.start, $0.end))  \($0.title) (from your calendar)") }
            let lines = entries.sorted { $0.start < $1.start }.map(\.line)
            return [Reply("\(title(period)):\n" + lines.joined(separator: "\n"), isPreformatted: true)]
        }
    }

    func title(_ period: AgendaPeriod) -> String {
        switch period {
        case .today: "Today"
        case .tomorrow: "Tomorrow"
        case .coming(let days): "Next \(days) days"
        case .asked(let interval):
            interval.duration <= 86_400 ? format.day(interval.start)
                : "\(format.day(interval.start)) to \(format.day(interval.end.addingTimeInterval(-1)))"
        }
    }

    /// The answer when handling failed and the transaction was rolled back.
    static let somethingWentWrong = "Sorry, something went wrong on my side and nothing was changed. Please try again."

    // MARK: HTML

    /// One answer as Matrix HTML: each reply's HTML, separated by a line break.
    static func html(_ replies: [Reply]) -> String {
        replies.map(html).joined(separator: "<br>")
    }

    /// Tables and heat maps keep their columns in `<pre>`; other text keeps its line breaks.
    static func html(_ reply: Reply) -> String {
        let escaped = escapeHTML(reply.text)
        if reply.isPreformatted { return "<pre><code>\(escaped)</code></pre>" }
        return escaped.replacingOccurrences(of: "\n", with: "<br>")
    }

    /// User text echoed in replies must never become markup.
    static func escapeHTML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// An outcome the phrasebook can word.
protocol Worded {
    func replies(in book: Phrasebook) -> [Reply]
}

extension ScheduleOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension MoveOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension CancelOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension CompletionOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension AgendaOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension HabitOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension HabitListOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension StopHabitOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension TimeZoneOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension AvailabilityOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension ReadingOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension ProactiveSettingOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension OnboardingOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension InsightsOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension WhyOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension PlanOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension ChatOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension FollowUpQuestion: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension CalendarOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }
extension AdminOutcome: Worded { func replies(in book: Phrasebook) -> [Reply] { book.replies(self) } }

/// No outcome says nothing (a model call or a budget notice answers instead).
extension Optional: Worded where Wrapped: Worded {
    func replies(in book: Phrasebook) -> [Reply] { self?.replies(in: book) ?? [] }
}

extension Reply {
    /// The reply as Matrix HTML (see `Phrasebook.html`).
    public var html: String { Phrasebook.html(self) }
}

extension Array where Element == Reply {
    /// An answer's replies as one Matrix HTML body.
    public var html: String { Phrasebook.html(self) }
}
