import Coaching
import Foundation
import LLM
import SchedulerCore
import StoreProtocols

/// One sync: interpret (model or offline), validate, then merge and record in a transaction of its own.
extension Engine {
    /// True when the sync was committed (applied or rejected and recorded).
    func run(_ job: SyncJob, now: Date) async -> Bool {
        let limits = settings.smartSync.limits
        switch job.route {
        case .offline(let reason):
            let adjustments = OfflineInterpreter().interpret(job.texts, limits: limits)
            let result = AdjustmentValidator(limits: limits).validate(adjustments)
            return commit(job, result: result, source: .offline, note: reason.rawValue, cost: nil, now: now)
        case .model:
            guard let chat = settings.chat else { return false }
            let request = ChatRequest(model: chat.assistantModel, messages: [.system(settings.smartSync.systemPrompt), .user(job.prompt)],
                                      maxTokens: settings.smartSync.maxTokens, temperature: 0, purpose: "insight_sync")
            let worstCase = chat.llm.worstCaseCost(of: request)
            if let reason = syncBudgetDenial(worstCase, job: job, chat: chat, now: now) {
                let adjustments = OfflineInterpreter().interpret(job.texts, limits: limits)
                return commit(job, result: AdjustmentValidator(limits: limits).validate(adjustments), source: .offline,
                              note: reason.rawValue, cost: nil, now: now)
            }
            let context = LLMCallContext(userID: job.userID, route: .sync, messageType: "insight_sync", time: now)
            let ticket = inFlight.reserve(userID: job.userID, worstCaseUSD: worstCase ?? 0)
            defer { inFlight.release(ticket) }
            let reply = await chat.llm.chat(request, context: context)
            metrics.llm(reply.record)
            let result: Result<[SyncAdjustment], AdjustmentError> = reply.failure.map { _ in .failure(.notJSON) }
                ?? AdjustmentParser(limits: limits).parse(reply.text)
            let note = reply.failure.map { "call failed: \($0)" } ?? ""
            return commit(job, result: result, source: .llm, note: note, cost: reply.record, now: now)
        }
    }

    /// Smart sync spends from the same daily budgets as chat: a call whose worst case does not fit what is
    /// left (or whose cost cannot be bounded) is left to the offline interpreter.
    private func syncBudgetDenial(_ worstCase: Double?, job: SyncJob, chat: ChatSettings, now: Date) -> SyncRoute.OfflineReason? {
        let pseudonym = chat.llm.hasher.pseudonym(for: job.userID)
        let dayStart = Engine.utcDayStart(now)
        let spent = try? store.read { session in
            (user: try session.spend(user: pseudonym, since: dayStart), global: try session.spend(user: nil, since: dayStart))
        }
        guard let spent else { return .globalBudget }
        let state = BudgetState(userSpentTodayUSD: spent.user + inFlight.worstCaseUSD(userID: job.userID),
                                globalSpentTodayUSD: spent.global + inFlight.worstCaseUSD)
        switch chat.gate.denial(path: .completions, worstCaseUSD: worstCase, state: state) {
        case nil: return nil
        case .userDaily: return .userBudget
        case .unpriced: return .noModel
        default: return .globalBudget
        }
    }

    /// Applied: merged into the type's current week and `lastSyncedAt` set. Rejected: nothing changes but the
    /// record; after a model answer the user stays flagged so the next round tries again (the daily budget bounds
    /// the retries, then the offline interpreter answers).
    private func commit(_ job: SyncJob, result: Result<[SyncAdjustment], AdjustmentError>, source: SyncRecord.Source,
                        note: String, cost: CostRecord?, now: Date) -> Bool {
        do {
            return try store.write { session in
                // Gone, or synced by an overlapping round while this one awaited the model: never merge twice.
                guard var type = try session.taskType(id: job.taskTypeID), !job.isCovered(by: type.lastSyncedAt) else { return false }
                var sync = SyncRecord(userID: job.userID, taskTypeID: job.taskTypeID, insightIDs: job.insightIDs, adjustments: [],
                                      source: source, outcome: .applied, note: note, costUSD: cost?.costUSD ?? 0, createdAt: now)
                switch result {
                case .success(let adjustments):
                    type.habit = AdjustmentMerge.apply(adjustments, to: type.habit)
                    type.lastSyncedAt = now
                    try session.save(&type)
                    sync.adjustments = adjustments
                case .failure(let problem):
                    logger.warning("smart sync answer rejected; nothing changed",
                                   metadata: ["task_type": "\(job.taskTypeID)", "source": "\(source.rawValue)", "problem": "\(problem)"])
                    sync.outcome = .rejected
                    sync.note = note.isEmpty ? problem.description : note
                    if source == .llm { try session.setSyncPending(true, for: job.userID) }
                }
                try session.add(&sync)
                return true
            }
        } catch {
            logger.error("could not commit a smart sync", metadata: ["error": "\(error)"])
            return false
        }
    }
}
