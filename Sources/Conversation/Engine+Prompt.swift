import Coaching
import Foundation
import LLM
import StoreProtocols

/// A request ready to send, and the stored thread turns it carries.
struct PromptDraft {
    var request: ChatRequest
    var tail: [StoredTurn]
    var summary: ThreadSummary?
}

extension Engine {
    static let summaryIntro = "Earlier in this conversation: "

    /// The request for `path`, within `[llm] max_prompt_tokens` by the estimator the call is checked
    /// against; nil when even the system prompt and the message alone do not fit.
    func promptDraft(_ path: Route, classification: Classification, chat: ChatSettings, _ turn: Turn) throws -> PromptDraft? {
        path == .assistant
            ? try assistantDraft(classification: classification, chat: chat, turn)
            : try completionsDraft(classification: classification, chat: chat, turn)
    }

    /// A short system prompt and a one-line context for the cheap model.
    private func completionsDraft(classification: Classification, chat: ChatSettings, _ turn: Turn) throws -> PromptDraft? {
        let request = ChatRequest(model: chat.completionsModel,
                                  messages: [.system(chat.completionsSystemPrompt + "\n" + (try briefContext(turn))),
                                             .user(turn.text.forModel)],
                                  maxTokens: chat.completionsMaxTokens, purpose: classification.type.rawValue)
        guard TokenEstimator.promptTokens(for: request) <= chat.maxPromptTokens else { return nil }
        return PromptDraft(request: request, tail: [], summary: nil)
    }

    /// The strong model's prompt: system prompt with the coaching context, the thread's summary and recent
    /// turns, the message, and the tools when it asks for an action. When the budget is tight the oldest turns
    /// go first (folded into the summary), then the summary, then insights, task types and tools.
    private func assistantDraft(classification: Classification, chat: ChatSettings, _ turn: Turn) throws -> PromptDraft? {
        let summary = try turn.session.threadSummary(of: turn.user.id)
        let stored = try turn.session.threadTurns(of: turn.user.id, after: summary?.foldedThrough ?? 0)
        let thread = stored.map { ThreadTurn(speaker: $0.speaker == "assistant" ? .assistant : .user, text: $0.text) }
        let context = try coachingContext(chat, turn)
        let wantsTools = Engine.asksForAction(classification, turn.text.value)
        let message = ChatMessage.user(turn.text.forModel)
        for level in ContextLevel.richestFirst {
            let system = ChatMessage.system(chat.assistantSystemPrompt + "\n" + context.text(level))
            let fixed = ChatRequest(model: chat.assistantModel, messages: [system, message], maxTokens: chat.assistantMaxTokens,
                                    tools: wantsTools && level.tools ? ChatTools.definitions : [], purpose: classification.type.rawValue)
            let available = chat.maxPromptTokens - TokenEstimator.promptTokens(for: fixed)
            guard available >= 0 else { continue }
            let pruned = chat.pruner.fit(thread, summary: summary?.text ?? "", availableTokens: available,
                                         turnTokens: { Engine.messageTokens($0.text) },
                                         summaryTokens: { Engine.messageTokens(Engine.summaryIntro + $0) })
            var request = fixed
            request.messages = [system]
            if !pruned.summary.isEmpty { request.messages.append(.system(Engine.summaryIntro + pruned.summary)) }
            request.messages += pruned.recent.map { $0.speaker == .assistant ? .assistant($0.text) : .user($0.text) }
            request.messages.append(message)
            return PromptDraft(request: request, tail: Array(stored.suffix(pruned.recent.count)), summary: summary)
        }
        return nil
    }

    /// One prompt message's tokens, framing included, as `TokenEstimator` counts a request.
    static func messageTokens(_ text: String) -> Int {
        TokenEstimator.tokensPerMessage + TokenEstimator.tokens(in: text)
    }

    /// Name, streak and today's agenda: all the cheap model needs to sound like it knows you.
    func briefContext(_ turn: Turn) throws -> String {
        let streak = try turn.session.recentOutcomes(of: turn.user.id, limit: 50).prefix { $0 == .done }.count
        return "User: \(Engine.displayName(turn.user.id)). Done streak: \(streak). Today: \(try todayLine(turn))."
    }

    /// The brief context plus task types and the latest insights, capped.
    private func coachingContext(_ chat: ChatSettings, _ turn: Turn) throws -> CoachingContext {
        let types = try turn.session.taskTypes(of: turn.user.id).prefix(10).map { "\($0.displayName) (\($0.completionCount) done)" }
        let insights = try turn.session.insights(of: turn.user.id, limit: chat.maxInsights).map(\.text)
        return CoachingContext(brief: try briefContext(turn),
                               taskTypes: types.isEmpty ? nil : "Task types: " + types.joined(separator: ", ") + ".",
                               insights: insights.isEmpty ? nil : "What I've learned: " + insights.joined(separator: " "))
    }

    /// Today's events, the first few by name: a user with a crowded day must not crowd out the prompt.
    private func todayLine(_ turn: Turn) throws -> String {
        let start = turn.week.startOfDay(turn.now)
        let end = turn.week.addingDays(1, to: start) ?? start.addingTimeInterval(86_400)
        let events = try turn.session.events(of: turn.user.id, overlapping: DateInterval(start: start, end: end), statuses: [.scheduled, .done])
        guard !events.isEmpty else { return "nothing scheduled" }
        let shown = events.prefix(Engine.todayEventsShown).map {
            "\(turn.format.clock($0.start)) \($0.title.prefix(80))\($0.status == .done ? " (done)" : "")"
        }
        let more = events.count > shown.count ? ", and \(events.count - shown.count) more" : ""
        return shown.joined(separator: ", ") + more
    }

    static let todayEventsShown = 12
}

/// The parts of the strong model's context that may be left out when the prompt budget is tight.
struct CoachingContext {
    var brief: String
    var taskTypes: String?
    var insights: String?

    func text(_ level: ContextLevel) -> String {
        ([brief] + [level.taskTypes ? taskTypes : nil, level.insights ? insights : nil].compactMap { $0 })
            .joined(separator: "\n")
    }
}

/// How much optional context a prompt carries, richest first.
struct ContextLevel {
    var insights: Bool
    var taskTypes: Bool
    var tools: Bool

    static let richestFirst = [
        ContextLevel(insights: true, taskTypes: true, tools: true),
        ContextLevel(insights: false, taskTypes: true, tools: true),
        ContextLevel(insights: false, taskTypes: false, tools: true),
        ContextLevel(insights: false, taskTypes: false, tools: false),
    ]
}
