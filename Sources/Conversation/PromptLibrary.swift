import Coaching

/// The admin-editable prompt files the engine reads on every chat message.
///
/// Behind a protocol so the composition root can reload them when they change (or on SIGHUP)
/// while the engine stays free of file I/O; tests pass fixed values.
public protocol PromptLibrary: Sendable {
    var patterns: PatternBook { get }
    var classifier: MessageClassifier { get }
    /// Re-reads the files now (admin `!reload`, SIGHUP); returns what happened, for the admin.
    func reload() -> String
}

/// Prompts that never change: for tests and for tools that load them once.
public struct FixedPrompts: PromptLibrary {
    public var patterns: PatternBook
    public var classifier: MessageClassifier

    public init(patterns: PatternBook = PatternBook(), classifier: MessageClassifier = MessageClassifier()) {
        self.patterns = patterns
        self.classifier = classifier
    }

    public func reload() -> String { "These prompts are fixed in code; nothing to reload." }

    /// No patterns and no classification rules: every chat message is "other".
    public static let empty = FixedPrompts()
}
