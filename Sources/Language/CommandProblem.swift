/// A command recognised by its words whose content cannot be used as said.
public struct Unreadable: Sendable, Equatable {
    public var intent: IntentKind
    public var problem: CommandProblem
    /// The task, when one was read beside the problem ("schedule gym at 25:00" names gym).
    public var task: String?

    public init(_ intent: IntentKind, _ problem: CommandProblem, task: String? = nil) {
        self.intent = intent
        self.problem = problem
        self.task = task
    }
}

/// Why a command could not be read.
public enum CommandProblem: Sendable, Equatable {
    /// A value that cannot exist, or lies outside what the bot accepts, as typed ("25:00", "15/10").
    case impossible(ImpossibleValue)
    /// Something that looks like a time but could not be read, as typed.
    case unreadableTime(String)
    /// A piece the command needs was not said.
    case missing(MissingPiece)
    /// A zone name the zone database does not know, as typed.
    case unknownTimeZone(String)
}

public enum MissingPiece: Sendable, Equatable {
    case task, destination, timeZone, hours, goal, habit, leadTime, clockTime, count, choice
}

/// A value as the user typed it, and what kind of value it should have been.
public struct ImpossibleValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case clock, date, duration, rating, timesPerWeek, hours, overnight, leadTime, messageCount
    }

    public var text: String
    public var kind: Kind

    public init(_ text: String, _ kind: Kind) {
        self.text = text
        self.kind = kind
    }
}

extension Unreadable {
    /// The reply, in the second person, naming what could not be used and showing a command that works.
    public var message: String {
        switch problem {
        case .impossible(let value):
            return "\(Self.impossibility(value)) Nothing was changed. For example: \(example)"
        case .unreadableTime(let text):
            let got = task.map { " (I got the task \"\($0)\")" } ?? ""
            return "I couldn't read the time \"\(text)\"\(got). For example: \(example)"
        case .unknownTimeZone(let name):
            return "I don't know the time zone \"\(name)\": use an IANA name. For example: timezone Europe/Berlin"
        case .missing(let piece):
            return "\(question(piece)) For example: \(example)"
        }
    }

    private static func impossibility(_ value: ImpossibleValue) -> String {
        let quoted = "\"\(value.text)\""
        switch value.kind {
        case .clock: return "\(quoted) isn't a time of day."
        case .date: return "\(quoted) isn't a date in the calendar."
        case .duration: return "\(quoted) isn't a length I can use: tasks last 5 minutes to 24 hours."
        case .rating: return "\(quoted) isn't a rating I can read: use 1-10, N/10 or a word like \"great\"."
        case .timesPerWeek: return "\(quoted) is more often than I can place: at most 7 times a week."
        case .hours: return "\(quoted) aren't hours of a day."
        case .overnight: return "\(quoted) runs past midnight: available hours stay within one day."
        case .leadTime: return "\(quoted) is not a lead time I can use: reminders come 1 minute to 24 hours before."
        case .messageCount: return "\(quoted) is not a limit I can use: 1 to 50 messages a day."
        }
    }

    private func question(_ piece: MissingPiece) -> String {
        switch piece {
        case .task:
            return "What should I \(intent == .habit ? "make a habit of" : intent.rawValue)?"
        case .destination:
            return "When should I move \(task.map { "\"\($0)\"" } ?? "it") to?"
        case .timeZone: return "Which time zone?"
        case .hours: return "Which hours?"
        case .goal: return "What should I plan?"
        case .habit: return "What is the habit?"
        case .leadTime: return "How long before each event?"
        case .clockTime: return "At what time?"
        case .count: return "How many a day?"
        case .choice: return "Should silence count as missed or unknown?"
        }
    }

    /// A command of the same kind that reads.
    private var example: String {
        switch intent {
        case .schedule: "schedule gym tomorrow 6pm for 1h"
        case .done: "done gym 8/10"
        case .skip: "skip gym"
        case .cancel: "cancel gym tomorrow"
        case .move: "move gym to friday 6pm"
        case .timezone: "timezone Europe/Berlin"
        case .available: "available weekdays 9-17, or available sat off"
        case .plan: "plan a marathon training block"
        case .habit: "schedule gym 3 times a week, or standup every weekday at 9:30 for 15 min"
        case .reminders: "reminders 15 min, or reminders off"
        case .dailyPlan: "daily plan at 8, or daily plan off"
        case .quietHours: "quiet hours 22-07, or quiet hours off"
        case .messageLimit: "message limit 5"
        case .unanswered: "unanswered missed, or unanswered unknown"
        default: "schedule deep coding tomorrow for 2h"
        }
    }
}
