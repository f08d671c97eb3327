import Foundation
import Conversation
import Logging
@testable import IRC

/// A stand-in for the engine, scripted per test: it records what reached it and answers with
/// whatever `reply` returns. Lives in the test target only.
final class TestHandler: ConversationHandling, @unchecked Sendable {
    typealias ReplyScript = @Sendable (InboundMessage) async -> [Reply]
    typealias TickScript = @Sendable (Date) async -> [ProactiveMessage]

    private let reply: ReplyScript
    private let onTick: TickScript
    private let lock = NSLock()
    private var messages: [InboundMessage] = []

    init(reply: @escaping ReplyScript = TestHandler.echo, tick: @escaping TickScript = { _ in [] }) {
        self.reply = reply
        self.onTick = tick
    }

    static let echo: ReplyScript = { message in
        [Reply("echo[\(message.userID)|\(message.roomID ?? "-")|admin=\(message.isAdmin)]: \(message.text)")]
    }

    var received: [InboundMessage] { lock.withLock { messages } }

    func handle(_ message: InboundMessage) async -> Response {
        lock.withLock { messages.append(message) }
        let replies = await reply(message)
        return Response(userID: message.userID, roomID: message.roomID, replies: replies, intent: .chat, route: .command)
    }

    func tick(_ network: Network, now: Date) async -> [ProactiveMessage] {
        await onTick(now)
    }
}

/// Collects log output so tests can check what a bot would write to its logs.
final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var text: String { lock.withLock { lines.joined(separator: "\n") } }

    func append(_ line: String) { lock.withLock { lines.append(line) } }

    func logger(level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: "irc-test") { _ in CapturingHandler(log: self) }
        logger.logLevel = level
        return logger
    }

    private struct CapturingHandler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            log.append("\(event.level) \(event.message) \(event.metadata ?? [:])")
        }
    }
}

/// The bot running in a task, as the CLI would run it.
struct RunningBot {
    let task: Task<Void, any Error>

    init(settings: IRCSettings, handler: some ConversationHandling, logger: Logger = RunningBot.quietLogger()) {
        let adapter = IRCAdapter(settings: settings, handler: handler, logger: logger)
        task = Task { try await adapter.run() }
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Set IRC_TEST_LOG=trace (or debug, info...) to watch the bot while a test runs.
    static func quietLogger() -> Logger {
        var logger = Logger(label: "irc-test-bot")
        let level = ProcessInfo.processInfo.environment["IRC_TEST_LOG"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? .critical
        return logger
    }
}

extension IRCSettings {
    /// Settings for a test bot on `port`: fast timers and, unless a test says otherwise,
    /// a flood budget large enough that pacing does not slow the test down.
    static func testBot(port: Int, nick: String = "schedbot", channels: [String] = ["#test"]) -> IRCSettings {
        IRCSettings(host: "127.0.0.1", port: port, nick: nick, username: "schedbot", channels: channels,
                    admins: ["alice!*@127.0.0.1"], busyChannelMinMembers: 0,
                    floodBurst: 50, floodLinesPerSecond: 50,
                    tickInterval: .seconds(3600), rejoinDelay: .milliseconds(300),
                    reconnectMinDelay: .milliseconds(100), reconnectMaxDelay: .milliseconds(800),
                    connectTimeout: .seconds(2))
    }
}
