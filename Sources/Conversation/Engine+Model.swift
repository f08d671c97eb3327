import Coaching
import Foundation
import Language
import LLM
import Storage

extension Engine {
    /// Calls the model outside any transaction, then commits the answer, the thread, the cost row and the
    /// delivery record together. A crash during the call leaves the message unhandled, so it is answered once.
    func answerWithModel(_ task: ModelTask) async throws -> Response {
        guard let chat = settings.chat else { throw EngineError.noModelConfigured }
        let context = LLMCallContext(userID: task.message.userID, route: task.path.rawValue,
                                     messageType: task.classification.type.rawValue, time: task.message.receivedAt)
        let started = ContinuousClock.now
        let reply = await chat.llm.chat(task.request, context: context)
        let answer = try store.write { session in
            if let delivery = task.message.delivery, try session.isHandled(externalID: delivery.externalID) {
                return Response.duplicate(of: task.message)
            }
            var turn = try Turn(message: task.message, text: MessageText.clean(task.message.text, limit: settings.maxMessageLength),
                                session: session, settings: settings)
            turn.route = task.path == .assistant ? .assistant : .completions
            turn.replies = task.leadingReplies
            try record(reply.record, at: task.message.receivedAt, in: session)
            switch task.kind {
            case .chat:
                turn.intent = .chat
                turn.user.chatCount += 1
                if !reply.text.isEmpty { turn.say(reply.text) }
                try runTools(reply.toolCalls, &turn)
                if turn.replies.isEmpty { turn.say(Engine.commandHint) }
                try remember(task, question: turn.text.forModel, answer: turn.replies.map(\.text).joined(separator: "\n"), chat: chat, session)
            case .plan(let key, let details):
                turn.intent = .plan
                if reply.isFallback {
                    turn.say(reply.text)
                } else {
                    try completePlan(key: key, details: details, answer: reply.text, goal: details.goal, &turn)
                }
            }
            try turn.finish()
            var response = turn.response
            response.llm = LLMUsage(calls: reply.isFallback && reply.record.promptTokens == 0 ? 0 : 1,
                                    promptTokens: reply.record.promptTokens, completionTokens: reply.record.completionTokens,
                                    costUSD: reply.record.costUSD)
            try Engine.recordDelivery(of: task.message, answer: response, in: session)
            return response
        }
        metrics.handled(answer, after: started.duration(to: .now), message: task.message)
        return answer
    }

    /// Logs the model calls a message avoided (cache hits, budget deferrals) in both cost logs.
    func logSkipped(_ skipped: [SkippedCall], for message: InboundMessage) async {
        guard let chat = settings.chat, !skipped.isEmpty else { return }
        for call in skipped {
            let context = LLMCallContext(userID: message.userID, route: call.route, messageType: call.messageType,
                                         time: message.receivedAt)
            let cost = await chat.llm.recordSkippedCall(call.request, context: context, outcome: call.outcome)
            do {
                try store.write { try record(cost, at: message.receivedAt, in: $0) }
            } catch {
                logger.error("could not store a skipped-call row", metadata: ["error": "\(error)"])
            }
        }
    }

    /// The cost row, timed by the message's clock so daily budgets follow the conversation (and replays).
    func record(_ cost: CostRecord, at instant: Date, in session: any StoreSession) throws {
        metrics.llm(cost)
        try session.record(LLMCallRow(time: instant, user: cost.user, route: cost.route, messageType: cost.messageType,
                                      model: cost.model, promptTokens: cost.promptTokens, completionTokens: cost.completionTokens,
                                      cachedTokens: cost.cachedTokens, estimated: cost.estimated, costUSD: cost.costUSD,
                                      latencyMs: cost.latencyMs, outcome: cost.outcome.rawValue))
    }

    /// Tool calls run as the commands they stand for, through the same grammar and handlers as typed ones.
    private func runTools(_ calls: [ToolCall], _ turn: inout Turn) throws {
        for call in calls.prefix(3) {
            guard let text = ChatTools.command(for: call) else {
                logger.warning("ignored an unusable tool call", metadata: ["tool": "\(call.name)"])
                continue
            }
            let command = parser.parse(text, context: turn.timeContext).command
            switch command {
            case .schedule, .agenda, .done: try perform(command, &turn)
            default: logger.warning("a tool call did not read as its command", metadata: ["tool": "\(call.name)"])
            }
        }
    }

    /// Appends the exchange to the user's thread and folds turns beyond the window into the summary. A turn is
    /// kept as the bot read it (cut, with a note), so one huge message cannot weigh on every later prompt.
    private func remember(_ task: ModelTask, question: String, answer: String, chat: ChatSettings, _ session: any StoreSession) throws {
        let userID = task.message.userID
        let answer = MessageText.bounded(answer, limit: settings.maxMessageLength)
        try session.appendTurn(StoredTurn(userID: userID, speaker: "user", text: question, createdAt: task.message.receivedAt))
        try session.appendTurn(StoredTurn(userID: userID, speaker: "assistant", text: answer, createdAt: task.message.receivedAt))
        let summary = try session.threadSummary(of: userID)
        let turns = try session.threadTurns(of: userID, after: summary?.foldedThrough ?? 0)
        guard turns.count > chat.pruner.keepLast else { return }
        let pruned = chat.pruner.prune(turns.map { ThreadTurn(speaker: $0.speaker == "assistant" ? .assistant : .user, text: $0.text) },
                                       summary: summary?.text ?? "")
        guard pruned.folded > 0, let lastFolded = turns[pruned.folded - 1].id else { return }
        try session.saveThreadSummary(ThreadSummary(userID: userID, text: pruned.summary, foldedThrough: lastFolded))
    }
}

enum EngineError: Error {
    case noModelConfigured
}
