import Coaching

/// The admin-editable prompt files the engine reads on every chat message.
///
/// Behind a protocol so the composition root can reload them when they change (or on SIGHUP)
/// while the engine stays free of file I/O; tests pass fixed values.
public protocol PromptLibrary: Sendable {
    var patterns: PatternBook { get }
    /// The learned message classifier, trained from prompts/routes/*.txt.
    var router: RouteClassifier { get }
    /// Re-reads the files now (admin `!reload`, SIGHUP); returns what happened, for the admin.
    func reload() -> PromptReload
}

/// What re-reading the prompt files came to.
public enum PromptReload: Sendable, Equatable {
    /// The prompts are fixed in code.
    case fixed
    /// Every file was read; the route classifier now learns from `examples` examples.
    case reloaded(patternsFile: String, routesFolder: String, examples: Int)
    /// Files that could not be read keep their previous version; one problem per file.
    case problems([String])
}

/// Prompts that never change: for tests and for tools that load them once.
public struct FixedPrompts: PromptLibrary {
    public var patterns: PatternBook
    public var router: RouteClassifier

    public init(patterns: PatternBook = PatternBook(), router: RouteClassifier = RouteClassifier()) {
        self.patterns = patterns
        self.router = router
    }

    public func reload() -> PromptReload { .fixed }

    /// No patterns and no route examples: every chat message is "other".
    public static let empty = FixedPrompts()
}
