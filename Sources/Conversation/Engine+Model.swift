import Coaching
import Foundation
import Language
import LLM
import StoreProtocols

extension Engine {
    /// Calls the model outside any transaction, then commits the answer, the thread, the cost row and the
    /// delivery record together. A crash during the call leaves the message unhandled, so it is answered once.
    func answerWithModel(_ task: ModelTask) async throws -> Response {
        guard let chat = settings.chat else { throw EngineError.noModelConfigured }
        let context = LLMCallContext(userID: task.message.userID, route: CostRoute(task.path),
                                     messageType: task.costMessageType, time: task.message.receivedAt)
        let started = ContinuousClock.now
        let reply = await chat.llm.call(task.request, context: context)
        var record = reply.record
        record.worstCaseUSD = task.worstCaseUSD
        do {
            let (response, baseline) = try commitAnswer(task, reply: reply, chat: chat)
            record.baseline = baseline
            await logCall(record, chat)
            metrics.handled(response, after: started.duration(to: .now), message: task.message)
            return response
        } catch {
            // The call was made and paid for whatever became of the answer.
            await logCall(record, chat)
            throw error
        }
    }

    /// A model call's row, in the operator metrics and every sink of the cost log.
    func logCall(_ record: CostRecord, _ chat: ChatSettings) async {
        metrics.llm(record)
        await chat.llm.log(record)
    }

    /// The second transaction: the answer, the thread and the delivery record together.
    private func commitAnswer(_ task: ModelTask, reply: LLMReply, chat: ChatSettings) throws -> (Response, TokenUsage?) {
        try store.write { session in
            if let delivery = task.message.delivery, try session.isHandled(externalID: delivery.externalID) {
                return (Response.duplicate(of: task.message), nil)
            }
            var turn = try Turn(message: task.message, text: MessageText.clean(task.message.text, limit: settings.maxMessageLength),
                                session: session, settings: settings)
            turn.route = task.path == .assistant ? .assistant : .completions
            turn.replies = task.leadingReplies
            switch task.kind {
            case .chat:
                turn.intent = .chat
                turn.user.chatCount += 1
                if !reply.text.isEmpty { say(ChatOutcome.modelReply(reply.text), &turn) }
                try runTools(reply.toolCalls, &turn)
                if turn.replies.isEmpty { say(ChatOutcome.commandHint, &turn) }
                try remember(task, question: turn.text.forModel, answer: turn.replies.map(\.text).joined(separator: "\n"), chat: chat, session)
            case .plan(let key, let details):
                turn.intent = .plan
                if reply.isFallback {
                    say(ChatOutcome.modelReply(reply.text), &turn)
                } else {
                    say(try completePlan(key: key, details: details, answer: reply.text, goal: details.goal, &turn), &turn)
                }
            }
            try rememberLastChange(turn)
            try turn.finish()
            var response = turn.response
            response.llm = LLMUsage(calls: reply.isFallback && reply.record.promptTokens == 0 ? 0 : 1,
                                    promptTokens: reply.record.promptTokens, completionTokens: reply.record.completionTokens,
                                    costUSD: reply.record.costUSD)
            let baseline = try baseline(for: turn, reply: response.replies.map(\.text).joined(separator: "\n"))
            try Engine.recordDelivery(of: task.message, answer: response, in: session)
            return (response, baseline)
        }
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
