import Conversation
import Foundation
import SharedValues

/// The scripted front end: one JSON line in, exactly one JSON line out, flushed at once.
///
/// In: `{"user":..., "room":..., "text":..., "at":"ISO-8601"}` (`room` optional), or `{"tick":true,"at":"ISO-8601"}`
/// to advance the clock. Out: `{"user","room","replies","intent","route","event","llm","proactive"}`, or
/// `{"error":...}` for a bad line. `proactive` lists what the bot said on its own since the previous line, up to
/// and including `at`; a tick line has user and room null, no replies, intent "tick" and route "none".
/// This contract is relied on by tools and tests: add fields, never rename them.
public struct ReplayAdapter: Sendable {
    let handler: any ConversationHandling

    public init(handler: any ConversationHandling) {
        self.handler = handler
    }

    /// Reads standard input until its end, writing each answer as soon as it is ready.
    public func run(output: @Sendable (String) -> Void) async {
        var clock = ReplayClock()
        for await line in LineReader.standardInput() {
            output(await answer(line, clock: &clock))
        }
    }

    /// The JSON answer to one input line; the clock remembers the previous line's time.
    public func answer(_ line: String, clock: inout ReplayClock) async -> String {
        switch ReplayInput.parse(line) {
        case .failure(let problem):
            return JSON.object([("error", .string(problem.message))]).text
        case .success(let input):
            let proactive = await clock.advance(to: input.at, handler: handler)
            guard let user = input.user else { return ReplayOutput.tick(proactive).text }
            let message = InboundMessage(network: .replay, userID: user, roomID: input.room, text: input.text, receivedAt: input.at)
            let response = await handler.handle(message)
            return ReplayOutput.json(response, proactive: proactive).text
        }
    }
}

/// Simulated time between replay lines. The process stands for a bot that kept running between its lines,
/// so the clock ticks at every due time in between (at least hourly) as a live timer would; before the first
/// line it was not running, so the first tick is a start-up: late items are dropped, not sent in a burst.
public struct ReplayClock: Sendable {
    private var previous: Date?

    public init() {}

    mutating func advance(to instant: Date, handler: any ConversationHandling) async -> [ProactiveMessage] {
        var messages: [ProactiveMessage] = []
        if var cursor = previous, cursor < instant {
            while true {
                let due = await handler.nextProactiveDue(after: cursor) ?? instant
                let next = min(due, cursor.addingTimeInterval(3600), instant)
                guard next < instant else { break }
                messages += await handler.tick(.replay, now: next)
                cursor = next
            }
        }
        messages += await handler.tick(.replay, now: instant)
        previous = max(previous ?? instant, instant)
        return messages
    }
}

struct ReplayInput {
    /// Nil for a tick line.
    var user: String?
    var room: String?
    var text: String
    var at: Date

    struct Problem: Error { var message: String }

    static func parse(_ line: String) -> Result<ReplayInput, Problem> {
        guard let object = try? JSON.parse(line), case .object = object else {
            return .failure(Problem(message: "not a JSON object"))
        }
        guard let atText = object["at"]?.string else { return .failure(Problem(message: "missing \"at\" (an ISO-8601 time)")) }
        guard let at = ISOTime.parse(atText) else {
            return .failure(Problem(message: "\"at\" is not an ISO-8601 time with offset, e.g. 2026-11-23T08:00:00Z"))
        }
        if object["tick"]?.bool == true { return .success(ReplayInput(user: nil, room: nil, text: "", at: at)) }
        guard let user = object["user"]?.string, !user.isEmpty else { return .failure(Problem(message: "missing \"user\" (a string)")) }
        guard let text = object["text"]?.string else { return .failure(Problem(message: "missing \"text\" (a string)")) }
        let room = object["room"]?.string
        return .success(ReplayInput(user: user, room: room, text: text, at: at))
    }
}

enum ReplayOutput {
    static func json(_ response: Response, proactive: [ProactiveMessage]) -> JSON {
        .object([
            ("user", .string(response.userID)),
            ("room", response.roomID.map(JSON.string) ?? .null),
            ("replies", .array(response.replies.map { .string($0.text) })),
            ("intent", .string(response.intent.rawValue)),
            ("route", .string(response.route.rawValue)),
            ("event", response.event.map(event) ?? .null),
            ("llm", .object([
                ("calls", .integer(response.llm.calls)),
                ("prompt_tokens", .integer(response.llm.promptTokens)),
                ("completion_tokens", .integer(response.llm.completionTokens)),
                ("cost_usd", .numeric(response.llm.costUSD)),
            ])),
            ("proactive", messages(proactive)),
        ])
    }

    /// A tick line's answer: the usual shape with nobody speaking, plus what the bot said on its own.
    static func tick(_ proactive: [ProactiveMessage]) -> JSON {
        .object([
            ("user", .null),
            ("room", .null),
            ("replies", .array([])),
            ("intent", .string("tick")),
            ("route", .string(Route.none.rawValue)),
            ("event", .null),
            ("llm", .object([("calls", .integer(0)), ("prompt_tokens", .integer(0)), ("completion_tokens", .integer(0)), ("cost_usd", .integer(0))])),
            ("proactive", messages(proactive)),
        ])
    }

    static func messages(_ proactive: [ProactiveMessage]) -> JSON {
        .array(proactive.map { message in
            .object([("user", .string(message.userID)), ("room", message.roomID.map(JSON.string) ?? .null), ("text", .string(message.text))])
        })
    }

    static func event(_ event: EventSummary) -> JSON {
        .object([
            ("id", .string(event.id)),
            ("title", .string(event.title)),
            ("task_type", .string(event.taskType)),
            ("start", .string(ISOTime.format(event.start))),
            ("end", .string(ISOTime.format(event.end))),
            ("score", event.score.map { .numeric(($0 * 1000).rounded() / 1000) } ?? .null),
        ])
    }
}
