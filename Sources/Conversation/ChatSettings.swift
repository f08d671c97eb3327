import Coaching
import Foundation
import LLM
import SharedValues

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
    /// No call's prompt (system prompt, context, thread, message and tool definitions, by the
    /// offline provider's estimator) is larger than this (`[llm] max_prompt_tokens`).
    public var maxPromptTokens: Int
    /// The plan command's prompt, catalog and cache lifetime.
    public var plans: PlanSettings

    public init(llm: MeteredLLM, completionsModel: String, assistantModel: String, policy: RoutePolicy = RoutePolicy(),
                pruner: ThreadPruner = ThreadPruner(), completionsMaxTokens: Int = 120, assistantMaxTokens: Int = 400,
                completionsSystemPrompt: String = ChatSettings.defaultCompletionsPrompt,
                assistantSystemPrompt: String = ChatSettings.defaultAssistantPrompt, maxInsights: Int = 5,
                plans: PlanSettings = PlanSettings(), maxPromptTokens: Int = ChatSettings.defaultMaxPromptTokens) {
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
        self.plans = plans
        self.maxPromptTokens = maxPromptTokens
    }

    public static let defaultMaxPromptTokens = 8_000

    /// The pre-call budget check, on the same limits the route policy steps down by.
    public var gate: BudgetGate { BudgetGate(limits: policy.limits) }

    /// Used only when prompts/ cannot be read, so the bot still answers.
    public static let defaultCompletionsPrompt = "You are a friendly scheduling coach in a chat. Answer in one or two short sentences."
    public static let defaultAssistantPrompt = """
        You are a thoughtful scheduling coach. You know the user's schedule and what they have told you. \
        Be concrete and brief (at most five sentences), suggest one next step, and use the tools only when the user asks for an action.
        """
}

/// How `plan <goal>` asks the model and caches its answer across similar profiles.
public struct PlanSettings: Sendable {
    public var systemPrompt: String
    public var catalog: PlanCatalog
    public var timeToLive: TimeInterval
    public var maxTokens: Int

    public init(systemPrompt: String = PlanSettings.defaultPrompt, catalog: PlanCatalog = PlanCatalog(),
                timeToLive: TimeInterval = 30 * 86_400, maxTokens: Int = 400) {
        self.systemPrompt = systemPrompt
        self.catalog = catalog
        self.timeToLive = timeToLive
        self.maxTokens = maxTokens
    }

    /// Part of every cache key: editing the prompt file makes every cached plan a miss.
    public var promptVersion: String { StableHash.hex(systemPrompt) }

    public static let defaultPrompt = """
        Answer with JSON only: {"tasks":[{"name":"...","minutes":60,"category":"focused","per_week":3}]}. \
        2 to 6 tasks; category is focused, collaborative or administrative. Use [field] and [detail] placeholders, never names.
        """
}
