import Foundation
import LLM
import SchedulerCore
import Storage

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
            let context = LLMCallContext(userID: job.userID, route: "sync", messageType: "insight_sync", time: now)
            let reply = await chat.llm.chat(request, context: context)
            metrics.llm(reply.record)
            let result: Result<[SyncAdjustment], AdjustmentError> = reply.failure.map { _ in .failure(.notJSON) }
                ?? AdjustmentParser(limits: limits).parse(reply.text)
            let note = reply.failure.map { "call failed: \($0)" } ?? ""
            return commit(job, result: result, source: .llm, note: note, cost: reply.record, now: now)
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
