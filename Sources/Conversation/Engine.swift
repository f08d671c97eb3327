import Foundation
import Language
import Logging
import SchedulerCore
import Storage

/// The conversation engine: one inbound message in, one response out.
///
/// Commands are read by the grammar, decided by the core, and committed in one store transaction,
/// so a crash never leaves half a change. Chat that needs a model is decided in a first transaction,
/// the model is called outside any transaction, and the answer is committed in a second one.
/// Front ends only move text in and out.
public actor Engine: ConversationHandling {
    let store: any SchedulerStore
    let settings: EngineSettings
    let parser = CommandParser()
    let finder = SlotFinder()
    let logger: Logger
    /// Model calls being awaited; the budget gate counts them as spent.
    var inFlight = InFlightCalls()

    public init(store: any SchedulerStore, settings: EngineSettings = EngineSettings(),
                logger: Logger = Logger(label: "scheduler-bot.engine")) {
        self.store = store
        self.settings = settings
        self.logger = logger
    }

    public func handle(_ message: InboundMessage) async -> Response {
        let text = MessageText.clean(message.text, limit: settings.maxMessageLength)
        do {
            switch try decide(message, text: text) {
            case .answered(let response, let skipped):
                await logSkipped(skipped, for: message)
                return response
            case .needsModel(let task):
                let ticket = inFlight.reserve(userID: message.userID, worstCaseUSD: task.worstCaseUSD)
                defer { inFlight.release(ticket) }
                return try await answerWithModel(task)
            }
        } catch {
            logger.error("could not handle a message", metadata: ["error": "\(error)"])
            return Response(userID: message.userID, roomID: message.roomID,
                            replies: [Reply("Sorry, something went wrong on my side and nothing was changed. Please try again.")],
                            intent: IntentKind.unknown.rawValue, route: .none)
        }
    }

    enum Decision {
        case answered(Response, skipped: [SkippedCall])
        case needsModel(ModelTask)
    }

    /// The first (often only) transaction: everything that needs no model is done and committed here.
    private func decide(_ message: InboundMessage, text: MessageText) throws -> Decision {
        try store.write { session in
            if let delivery = message.delivery, try session.isHandled(externalID: delivery.externalID) {
                return .answered(Response.duplicate(of: message), skipped: [])
            }
            var turn = try Turn(message: message, text: text, session: session, settings: settings)
            try respond(&turn)
            try keepProactiveInStep(&turn)
            try turn.finish()
            if let task = turn.modelTask { return .needsModel(task) }
            let response = turn.response
            try Engine.recordDelivery(of: message, answer: response, in: session)
            return .answered(response, skipped: turn.skippedCalls)
        }
    }

    /// Marks a network message handled, saves adapter state and keeps the answer until it is confirmed sent.
    static func recordDelivery(of message: InboundMessage, answer: Response, in session: any StoreSession) throws {
        guard let delivery = message.delivery else { return }
        _ = try session.markHandled(externalID: delivery.externalID, at: message.receivedAt)
        for (key, value) in delivery.state { try session.setValue(value, forKey: key) }
        try session.setAnswer(try AnswerCoding.encode(answer), forExternalID: delivery.externalID)
    }

    private func respond(_ turn: inout Turn) throws {
        if try adminCommand(&turn) { return }
        if let reply = try onboardingReply(&turn) {
            turn.say(reply)
            return
        }
        let command = parser.parse(turn.text.value, context: turn.timeContext)
        turn.intent = command.intent
        if let correction = command.correction { turn.say("(I read that as \(correction).)") }
        if turn.text.wasCut { turn.say("(Your message was long, so I only read the first \(settings.maxMessageLength) characters.)") }
        if try answerOpenFollowUp(command, &turn) { return }
        switch command.intent {
        case .schedule: try schedule(command, &turn)
        case .done: try complete(command, &turn, done: true)
        case .skip: try complete(command, &turn, done: false)
        case .agenda: try agenda(command, &turn)
        case .cancel: try cancel(command, &turn)
        case .move: try move(command, &turn)
        case .timezone: try setTimeZone(command, &turn)
        case .available: try setAvailability(command, &turn)
        case .help: turn.say(Help.text)
        case .plan: try plan(command, &turn)
        case .insights: try insights(command, &turn)
        case .why: try why(command, &turn)
        case .habit, .habits, .stopHabit: try habitCommand(command, &turn)
        case .reminders, .dailyPlan, .weeklyReview, .quietHours, .messageLimit, .unanswered, .mute, .resume:
            try proactiveSetting(command, &turn)
        case .onboarding, .chat, .unknown: try chat(command, &turn)
        }
        try offerOnboardingIfNew(&turn)
    }
}
