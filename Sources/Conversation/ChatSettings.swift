import Coaching
import LLM

/// How chat that is not a command reaches a model: which models, how much context, and the budgets.
public struct ChatSettings: Sendable {
    public var llm: MeteredLLM
    public var completionsModel: String
    public var assistantModel: String
    public var policy: RoutePolicy
    public var pruner: ThreadPruner
    public var completionsMaxTokens: Int
    public var assistantMaxTokens: Int
    /// System prompts from prompts/ (short for the cheap path, fuller for the strong one).
    public var completionsSystemPrompt: String
    public var assistantSystemPrompt: String
    /// At most this many insights are sent to the strong model.
    public var maxInsights: Int

    public init(llm: MeteredLLM, completionsModel: String, assistantModel: String, policy: RoutePolicy = RoutePolicy(),
                pruner: ThreadPruner = ThreadPruner(), completionsMaxTokens: Int = 120, assistantMaxTokens: Int = 400,
                completionsSystemPrompt: String = ChatSettings.defaultCompletionsPrompt,
                assistantSystemPrompt: String = ChatSettings.defaultAssistantPrompt, maxInsights: Int = 5) {
        self.llm = llm
        self.completionsModel = completionsModel
        self.assistantModel = assistantModel
        self.policy = policy
        self.pruner = pruner
        self.completionsMaxTokens = completionsMaxTokens
        self.assistantMaxTokens = assistantMaxTokens
        self.completionsSystemPrompt = completionsSystemPrompt
        self.assistantSystemPrompt = assistantSystemPrompt
        self.maxInsights = maxInsights
    }

    /// Used only when prompts/ cannot be read, so the bot still answers.
    public static let defaultCompletionsPrompt = "You are a friendly scheduling coach in a chat. Answer in one or two short sentences."
    public static let defaultAssistantPrompt = """
        You are a thoughtful scheduling coach. You know the user's schedule and what they have told you. \
        Be concrete and brief (at most five sentences), suggest one next step, and use the tools only when the user asks for an action.
        """
}
