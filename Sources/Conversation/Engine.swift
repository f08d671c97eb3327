import Foundation
import Language
import Logging
import SchedulerCore
import Storage

/// The conversation engine: one inbound message in, one response out.
///
/// Commands are read by the grammar, decided by the core, and committed in one store transaction,
/// so a crash never leaves half a change. Front ends only move text in and out.
public actor Engine: ConversationHandling {
    let store: any SchedulerStore
    let settings: EngineSettings
    let parser = CommandParser()
    let finder = SlotFinder()
    let logger: Logger

    public init(store: any SchedulerStore, settings: EngineSettings = EngineSettings(),
                logger: Logger = Logger(label: "scheduler-bot.engine")) {
        self.store = store
        self.settings = settings
        self.logger = logger
    }

    public func handle(_ message: InboundMessage) async -> Response {
        let text = MessageText.clean(message.text, limit: settings.maxMessageLength)
        do {
            return try store.write { session in
                if let delivery = message.delivery {
                    guard try session.markHandled(externalID: delivery.externalID, at: message.receivedAt) else {
                        return Response.duplicate(of: message)
                    }
                    for (key, value) in delivery.state { try session.setValue(value, forKey: key) }
                }
                var turn = try Turn(message: message, text: text, session: session, settings: settings)
                try respond(&turn)
                try turn.finish()
                let response = turn.response
                if let delivery = message.delivery {
                    try session.setAnswer(try AnswerCoding.encode(response), forExternalID: delivery.externalID)
                }
                return response
            }
        } catch {
            logger.error("could not handle a message", metadata: ["error": "\(error)"])
            return Response(userID: message.userID, roomID: message.roomID,
                            replies: [Reply("Sorry, something went wrong on my side and nothing was changed. Please try again.")],
                            intent: IntentKind.unknown.rawValue, route: .none)
        }
    }

    public func tick(now: Date) async -> [ProactiveMessage] { [] }

    private func respond(_ turn: inout Turn) throws {
        if let reply = try onboardingReply(&turn) {
            turn.say(reply)
            return
        }
        let command = parser.parse(turn.text.value, context: turn.timeContext)
        turn.intent = command.intent
        if let correction = command.correction { turn.say("(I read that as \(correction).)") }
        if turn.text.wasCut { turn.say("(Your message was long, so I only read the first \(settings.maxMessageLength) characters.)") }
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
        case .onboarding, .chat, .unknown: chat(command, &turn)
        }
        try offerOnboardingIfNew(&turn)
    }
}
