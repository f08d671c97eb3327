import Coaching
import Foundation
import Language
import LLM
import SchedulerCore
import StoreProtocols

extension Engine {
    /// `plan <goal>`: a model-made list of task types with first sessions, cached across users whose
    /// profile (role, goal category, field, horizon) is the same, and filled with each user's own details.
    /// Nil when the model is asked (its answer brings the plan) or a budget kept it from being asked.
    func plan(_ command: PlanRequest, _ turn: inout Turn) throws -> PlanOutcome? {
        let goal = command.goal
        guard let chat = settings.chat else { return .noModel }
        let catalog = chat.plans.catalog
        let details = PlanTemplate.Details(goal: goal, field: catalog.field(of: goal))
        let profile = PlanProfile(role: turn.user.role, goal: goal, catalog: catalog)
        let key = profile.cacheKey(promptVersion: chat.plans.promptVersion)
        let request = planRequest(goal: goal, details: details, profile: profile, chat: chat)
        if !command.wantsFresh,
           let cached = try turn.session.cachedPlan(key: key, freshAfter: turn.now.addingTimeInterval(-chat.plans.timeToLive)),
           let template = try? PlanTemplate.parse(cached) {
            turn.skippedCalls.append(SkippedCall(request: request, route: .cache, messageType: "plan", outcome: .cached))
            return try apply(template.filled(with: details), goal: goal, fromCache: true, &turn)
        }
        let worstCase = chat.llm.worstCaseCost(of: request)
        let state = try budgetState(chat, turn)
        if let denial = chat.gate.denial(path: .assistant, worstCaseUSD: worstCase, state: state) {
            try deferCall(denial, request: request, messageType: "plan", otherwise: .noNewPlanToday, &turn)
            return nil
        }
        turn.modelTask = ModelTask(kind: .plan(key: key, details: details), message: turn.message, path: .assistant,
                                   classification: Classification(type: .planning, rule: "plan command"),
                                   reason: command.wantsFresh ? "plan command, fresh plan asked" : "plan command, cache miss",
                                   request: request, leadingReplies: turn.replies, threadTail: [], summary: nil,
                                   worstCaseUSD: worstCase ?? 0)
        return nil
    }

    /// The model sees the profile and the goal with names replaced by placeholders, so nothing personal can be cached.
    private func planRequest(goal: String, details: PlanTemplate.Details, profile: PlanProfile, chat: ChatSettings) -> ChatRequest {
        var anonymous = goal
        for name in details.names { anonymous = anonymous.replacingOccurrences(of: name, with: "[detail]") }
        let brief = "Profile: role \(profile.role), goal category \(profile.category), field \(profile.field ?? "unspecified"), horizon \(profile.horizon). Goal: \(anonymous)"
        return ChatRequest(model: chat.assistantModel, messages: [.system(chat.plans.systemPrompt), .user(brief)],
                           maxTokens: chat.plans.maxTokens, temperature: 0.3, purpose: "plan")
    }

    /// Creates the plan's task types and books each one's first session in the coming week.
    func apply(_ template: PlanTemplate, goal: String, fromCache: Bool, _ turn: inout Turn) throws -> PlanOutcome {
        var items: [PlanItem] = []
        for task in template.tasks {
            var (type, created) = try findOrCreateTaskType(named: task.name, category: task.category, &turn)
            if created {
                type.typicalDurationMinutes = task.minutes
                try turn.session.save(&type)
            }
            var item = PlanItem(type: type, minutes: task.minutes, perWeek: task.perWeek)
            // A task that finds no slot just shows no first session; the plan as a whole still stands.
            if case .placed(let placement) = try place(type: type, duration: task.minutes, when: nil, excluding: nil, turn) {
                var event = Event(userID: turn.user.id, taskTypeID: type.id ?? 0, title: type.displayName,
                                  start: placement.slot.start, end: placement.slot.end, createdAt: turn.now, score: placement.slot.score)
                try turn.save(&event)
                if turn.event == nil { turn.event = summary(of: event, type: type) }
                item.first = event
            }
            items.append(item)
        }
        return .made(goal: goal, items: items, fromCache: fromCache)
    }

    /// Phase three of a plan: validate the model's JSON, cache it generalised, and apply it for this user.
    func completePlan(key: String, details: PlanTemplate.Details, answer: String, goal: String, _ turn: inout Turn) throws -> PlanOutcome {
        do {
            let template = try PlanTemplate.parse(answer)
            try turn.session.savePlan(key: key, template: template.generalised(removing: details).json, at: turn.now)
            return try apply(template.generalised(removing: details).filled(with: details), goal: goal, fromCache: false, &turn)
        } catch let invalid as PlanTemplate.Invalid {
            logger.warning("the model's plan was rejected", metadata: ["reason": "\(invalid.reason)"])
            return .unusable
        }
    }
}
