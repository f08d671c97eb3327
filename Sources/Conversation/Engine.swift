import AsyncSupport
import Foundation
import Language
import Logging
import SchedulerCore
import StoreProtocols

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
    var placements: PlacementBuilder { PlacementBuilder(learner: settings.learner) }
    let metrics = EngineMetrics()
    /// The latest instant a message or tick carried: the engine's idea of now when a caller has none.
    var latestClock: Date?
    /// Users whose imported calendar is being fetched right now.
    var refreshing: Set<String> = []
    let logger: Logger
    /// Model calls being awaited; the budget gate counts them as spent.
    var inFlight = InFlightCalls()
    /// Where the engine runs: its own thread, so its store transactions never hold a thread of the shared pool.
    private let executor = ThreadExecutor(name: "scheduler-bot.engine")
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    public init(store: any SchedulerStore, settings: EngineSettings = EngineSettings(),
                logger: Logger = Logger(label: "scheduler-bot.engine")) {
        self.store = store
        var settings = settings
        // The budgets read spend from the store, so its copy of the cost log is never left out.
        if let llm = settings.chat?.llm { settings.chat?.llm = llm.addingSink(StoreCostSink(store: store)) }
        self.settings = settings
        self.logger = logger
    }

    public func handle(_ message: InboundMessage) async -> Response {
        let text = MessageText.clean(message.text, limit: settings.maxMessageLength)
        latestClock = max(latestClock ?? message.receivedAt, message.receivedAt)
        let started = ContinuousClock.now
        let calendar = await prefetchCalendar(for: text)
        do {
            switch try decide(message, text: text, calendar: calendar) {
            case .answered(let response, let row):
                if let row { await log(row, for: message) }
                metrics.handled(response, after: started.duration(to: .now), message: message)
                return response
            case .needsModel(let task):
                let ticket = inFlight.reserve(userID: message.userID, worstCaseUSD: task.worstCaseUSD)
                defer { inFlight.release(ticket) }
                return try await answerWithModel(task)
            }
        } catch {
            logger.error("could not handle a message", metadata: ["error": "\(error)"])
            return Response(userID: message.userID, roomID: message.roomID,
                            replies: [Reply(Phrasebook.somethingWentWrong)],
                            intent: .unknown, route: .none)
        }
    }

    enum Decision {
        case answered(Response, costRow: MessageCostRow?)
        case needsModel(ModelTask)
    }

    /// The first (often only) transaction: everything that needs no model is done and committed here.
    private func decide(_ message: InboundMessage, text: MessageText, calendar: CalendarImport?) throws -> Decision {
        try store.write { session in
            if let delivery = message.delivery, try session.isHandled(externalID: delivery.externalID) {
                return .answered(Response.duplicate(of: message), costRow: nil)
            }
            var turn = try Turn(message: message, text: text, session: session, settings: settings)
            try respond(&turn, calendar: calendar)
            try keepProactiveInStep(&turn)
            try rememberLastChange(turn)
            try turn.finish()
            if let task = turn.modelTask { return .needsModel(task) }
            let response = turn.response
            let row = try costRow(for: turn, reply: response.replies.map(\.text).joined(separator: "\n"))
            try Engine.recordDelivery(of: message, answer: response, in: session)
            return .answered(response, costRow: row)
        }
    }

    /// Marks a network message handled, saves adapter state and keeps the answer until it is confirmed sent.
    static func recordDelivery(of message: InboundMessage, answer: Response, in session: any StoreSession) throws {
        guard let delivery = message.delivery else { return }
        _ = try session.markHandled(externalID: delivery.externalID, on: message.network, at: message.receivedAt)
        for entry in delivery.state { try session.save(entry) }
        try session.setAnswer(try AnswerCoding.encode(answer), forExternalID: delivery.externalID)
    }

    private func respond(_ turn: inout Turn, calendar: CalendarImport?) throws {
        if let verdict = turn.message.verdict { return try record(verdict, &turn) }
        if let admin = try adminCommand(&turn) { return say(admin, &turn) }
        if let role = try pickedRole(&turn) { return say(role, &turn) }
        if let command = CalendarCommand.parse(turn.text.value) {
            say(try calendarCommand(command, fetched: calendar, &turn), &turn)
            try offerOnboardingIfNew(&turn)
            return
        }
        // The user's task names tell the grammar which time words are names ("Evening Walk").
        let names = try turn.session.taskTypes(of: turn.user.id).map(\.displayName)
        let reading = parser.parse(turn.text.value, context: turn.timeContext, knownNames: names)
        turn.intent = reading.intent
        if let correction = reading.correction { say(ReadingOutcome.readAs(correction: correction), &turn) }
        if turn.text.wasCut { say(ReadingOutcome.messageCut(limit: settings.maxMessageLength), &turn) }
        if try answerOpenFollowUp(reading.command, &turn) { return try rememberConversationEvent(turn) }
        try perform(reading.command, &turn)
        try rememberConversationEvent(turn)
        try offerOnboardingIfNew(&turn)
    }

    /// One handler per command; each gets exactly the values its command carries and returns what it did
    /// as an outcome, which the phrasebook words.
    func perform(_ command: Command, _ turn: inout Turn) throws {
        switch command {
        case .schedule(let request): say(try schedule(request, &turn), &turn)
        case .done(let report): say(try complete(report, &turn, done: true), &turn)
        case .skip(let report): say(try complete(report, &turn, done: false), &turn)
        case .agenda(let request):
            let outcome = try agenda(request, &turn)
            try rememberListedEvent(outcome, turn)
            say(outcome, &turn)
        case .cancel(let choice): say(try cancel(choice, &turn), &turn)
        case .move(let request):
            let outcome = try move(request, &turn)
            if let rebooking = Engine.rebooking(request, after: outcome) { return say(try schedule(rebooking, &turn), &turn) }
            say(outcome, &turn)
        case .timezone(let name): say(setTimeZone(name, &turn), &turn)
        case .available(let request): say(setAvailability(request, &turn), &turn)
        case .help: say(ReadingOutcome.help, &turn)
        case .plan(let request): say(try plan(request, &turn), &turn)
        case .insights(let task): say(try insights(task: task, &turn), &turn)
        case .why(let task): say(try why(task: task, &turn), &turn)
        case .habit(let request): say(try startHabit(request, &turn), &turn)
        case .habits: say(try listHabits(&turn), &turn)
        case .stopHabit(let name): say(try stopHabit(named: name, &turn), &turn)
        case .setting(let setting): say(try proactiveSetting(setting, &turn), &turn)
        case .unreadable(let unreadable): say(ReadingOutcome.unreadable(unreadable), &turn)
        case .undo: say(try undo(&turn), &turn)
        case .neverMind:
            if let undone = try undoJustMade(&turn) { return say(undone, &turn) }
            // No change a moment ago: "never mind that" is about the talk, which the conversation path answers.
            turn.intent = .chat
            say(try chat(&turn), &turn)
        case .rerate(let rating):
            if let reRating = try reRate(rating, &turn) { return say(reRating, &turn) }
            // No done just now to re-rate: the message was only talk with a number in it.
            turn.intent = .chat
            say(try chat(&turn), &turn)
        case .separateTask: say(try separateTask(&turn), &turn)
        case .chat: say(try chat(&turn), &turn)
        }
    }

    /// Words an outcome into the turn's replies: the one place a handler's answer becomes text.
    func say(_ outcome: some Worded, _ turn: inout Turn) {
        turn.say(outcome.replies(in: turn.phrasebook))
    }
}
