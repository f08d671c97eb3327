import Coaching
import Language
import SchedulerCore

/// What the engine needs to know that is not per-user.
public struct EngineSettings: Sendable {
    /// Zone for users who have not set one.
    public var defaultTimeZone: String
    public var dateOrder: DateOrder
    /// How far ahead an unconstrained "schedule X" looks.
    public var searchDays: Int
    /// Messages longer than this are cut (and the user told), so a hostile paste costs nothing.
    public var maxMessageLength: Int
    public var categories: CategoryLexicon
    public var learner: any Learner
    /// Pattern replies and classification rules, reloaded by the composition root when admins edit them.
    public var prompts: any PromptLibrary
    /// The model paths for chat; nil answers chat without any model (patterns and a helpful fallback).
    public var chat: ChatSettings?
    /// Decides by meaning whether a new task name is one of the user's existing types ("team sync" = "standup").
    public var matcher: TaskTypeMatcher = TaskTypeMatcher()
    /// User ids that are admins on any network (`[admin] users`), besides those the front ends flag.
    public var adminUserIDs: Set<String> = []
    /// Smart sync thresholds, budgets and prompt (`[learning]`).
    public var smartSync = SmartSyncSettings()
    /// Imported calendars and the published feed (`[calendar]`, `[http]`).
    public var calendar = CalendarSettings()

    public init(defaultTimeZone: String = "UTC", dateOrder: DateOrder = .monthFirst, searchDays: Int = 7,
                maxMessageLength: Int = 2000, categories: CategoryLexicon = .minimal,
                learner: any Learner = Learners.standard, prompts: any PromptLibrary = FixedPrompts.empty,
                chat: ChatSettings? = nil) {
        self.defaultTimeZone = defaultTimeZone
        self.dateOrder = dateOrder
        self.searchDays = searchDays
        self.maxMessageLength = maxMessageLength
        self.categories = categories
        self.learner = learner
        self.prompts = prompts
        self.chat = chat
    }
}
