import Conversation
import Foundation

/// The scripted front end: one JSON line in, exactly one JSON line out, flushed at once.
///
/// In: `{"user":..., "room":..., "text":..., "at":"ISO-8601"}` (`room` optional).
/// Out: `{"user","room","replies","intent","route","event","llm"}`, or `{"error":...}` for a bad line.
/// This contract is relied on by tools and tests: add fields, never rename them.
public struct ReplayAdapter: Sendable {
    let handler: any ConversationHandling

    public init(handler: any ConversationHandling) {
        self.handler = handler
    }

    /// Reads lines until end of input, writing each answer as soon as it is ready.
    public func run(input: FileHandle = .standardInput, output: @Sendable (String) -> Void) async {
        for await line in LineReader(handle: input).lines() {
            output(await answer(line))
        }
    }

    /// The JSON answer to one input line.
    public func answer(_ line: String) async -> String {
        switch ReplayInput.parse(line) {
        case .failure(let problem):
            return JSONValue.object([("error", .string(problem.message))]).text
        case .success(let input):
            let message = InboundMessage(userID: input.user, roomID: input.room, text: input.text, receivedAt: input.at)
            let response = await handler.handle(message)
            return ReplayOutput.json(response).text
        }
    }
}

struct ReplayInput {
    var user: String
    var room: String?
    var text: String
    var at: Date

    struct Problem: Error { var message: String }

    static func parse(_ line: String) -> Result<ReplayInput, Problem> {
        guard let data = line.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return .failure(Problem(message: "not a JSON object"))
        }
        guard let user = object["user"] as? String, !user.isEmpty else { return .failure(Problem(message: "missing \"user\" (a string)")) }
        guard let text = object["text"] as? String else { return .failure(Problem(message: "missing \"text\" (a string)")) }
        guard let atText = object["at"] as? String else { return .failure(Problem(message: "missing \"at\" (an ISO-8601 time)")) }
        guard let at = ISOTime.parse(atText) else {
            return .failure(Problem(message: "\"at\" is not an ISO-8601 time with offset, e.g. 2026-11-23T08:00:00Z"))
        }
        let room = object["room"] as? String
        return .success(ReplayInput(user: user, room: room, text: text, at: at))
    }
}

enum ReplayOutput {
    static func json(_ response: Response) -> JSONValue {
        .object([
            ("user", .string(response.userID)),
            ("room", response.roomID.map(JSONValue.string) ?? .null),
            ("replies", .array(response.replies.map { .string($0.text) })),
            ("intent", .string(response.intent)),
            ("route", .string(response.route.rawValue)),
            ("event", response.event.map(event) ?? .null),
            ("llm", .object([
                ("calls", .integer(response.llm.calls)),
                ("prompt_tokens", .integer(response.llm.promptTokens)),
                ("completion_tokens", .integer(response.llm.completionTokens)),
                ("cost_usd", .number(response.llm.costUSD)),
            ])),
        ])
    }

    static func event(_ event: EventSummary) -> JSONValue {
        .object([
            ("id", .string(event.id)),
            ("title", .string(event.title)),
            ("task_type", .string(event.taskType)),
            ("start", .string(ISOTime.format(event.start))),
            ("end", .string(ISOTime.format(event.end))),
            ("score", event.score.map { .number(($0 * 1000).rounded() / 1000) } ?? .null),
        ])
    }
}
