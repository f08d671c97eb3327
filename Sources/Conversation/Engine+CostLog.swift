import Foundation
import Language
import LLM
import StoreProtocols

extension CostRoute {
    /// The cost log's name for the path that answered a message: `none` (no model, for a budget) is `deferred`.
    init(_ route: Route) {
        switch route {
        case .command: self = .command
        case .pattern: self = .pattern
        case .completions: self = .completions
        case .assistant: self = .assistant
        case .none: self = .deferred
        }
    }
}

/// The cost-log row of a message answered without a model call: decided in the message's transaction,
/// written once it has committed.
struct MessageCostRow: Sendable {
    var route: CostRoute
    var messageType: String
    /// The call the message would have needed (cache hits, deferrals), for the tokens it would have used.
    var request: ChatRequest?
    var outcome: CallOutcome
    var baseline: TokenUsage?
}

extension Engine {
    /// Writes `row` to every sink of the cost log (the JSONL file and the store), at the message's time.
    func log(_ row: MessageCostRow, for message: InboundMessage) async {
        guard let chat = settings.chat else { return }
        let context = LLMCallContext(userID: message.userID, route: row.route, messageType: row.messageType,
                                     time: message.receivedAt)
        var record = chat.llm.skippedRecord(row.request, context: context, outcome: row.outcome)
        record.baseline = row.baseline
        await chat.llm.log(record)
    }

    /// How the log records a message that needed no model call, once its answer is final.
    func costRow(for turn: Turn, reply: String) throws -> MessageCostRow? {
        guard settings.chat != nil else { return nil }
        let baseline = try baseline(for: turn, reply: reply)
        if let skipped = turn.skippedCalls.last {
            return MessageCostRow(route: skipped.route, messageType: skipped.messageType, request: skipped.request,
                                  outcome: skipped.outcome, baseline: baseline)
        }
        switch turn.route {
        case .pattern:
            return MessageCostRow(route: .pattern, messageType: turn.messageType ?? "pattern", request: nil, outcome: .cached,
                                  baseline: baseline)
        case .command:
            return MessageCostRow(route: .command, messageType: turn.intent.rawValue, request: nil, outcome: .noModel,
                                  baseline: baseline)
        case .none, .completions, .assistant:
            return nil
        }
    }

    /// What a bot sending every chat message to the strong model would have used for this one: its system
    /// prompt and every tool, the whole thread so far (every message as received and every answer), and the
    /// message; our answer's length stands for its answer. Commands cost it nothing, as they cost us nothing.
    /// The running thread length is kept per user, so the log alone can price the counterfactual.
    func baseline(for turn: Turn, reply: String) throws -> TokenUsage? {
        guard let chat = settings.chat else { return nil }
        guard turn.route != .command || turn.intent == .plan else { return TokenUsage(promptTokens: 0, completionTokens: 0, estimated: true) }
        let key = "costs.baseline_thread." + turn.user.id
        let thread = Int(try turn.session.value(forKey: key) ?? "") ?? 0
        let message = TokenEstimator.tokensPerMessage + TokenEstimator.tokens(in: turn.message.text)
        let answer = TokenEstimator.tokens(in: reply)
        try turn.session.setValue(String(thread + message + TokenEstimator.tokensPerMessage + answer), forKey: key)
        let overhead = TokenEstimator.promptTokens(for: ChatRequest(model: chat.assistantModel, messages: [.system(chat.assistantSystemPrompt)],
                                                                    tools: ChatTools.definitions))
        return TokenUsage(promptTokens: overhead + thread + message, completionTokens: answer, estimated: true)
    }
}
