import Foundation
import Conversation
import Logging

/// The IRC front end: connects, registers, joins channels, answers people through the engine,
/// and reconnects with exponential backoff whenever the link drops. Answers in the making when the link
/// drops are kept (each person's in order, bounded) and sent once the bot is registered again.
///
/// `run()` returns when its task is cancelled, after sending QUIT. It throws only for settings
/// that can never work (for example `tls = true`).
public struct IRCAdapter: Sendable {
    public let settings: IRCSettings
    private let handler: any ConversationHandling
    private let logger: Logger

    public init(settings: IRCSettings, handler: any ConversationHandling, logger: Logger) {
        self.settings = settings
        self.handler = handler
        var logger = logger
        logger[metadataKey: "irc"] = "\(settings.host):\(settings.port)"
        self.logger = logger
    }

    public func run() async throws {
        try settings.validate()
        var backoff = ReconnectBackoff(minimum: settings.reconnectMinDelay, maximum: settings.reconnectMaxDelay)
        var channels = settings.channels
        let answers = SerialLanes<String>(limit: settings.maxPendingAnswersPerUser)
        let outbox = AnswerOutbox(perPersonLimit: settings.maxPendingAnswersPerUser, logger: logger)
        while !Task.isCancelled {
            let outcome = await connectOnce(channels: channels, answers: answers, outbox: outbox)
            channels = outcome.channels
            if outcome.registered { backoff.reset() }
            guard !Task.isCancelled else { break }
            let delay = backoff.nextDelay()
            logger.warning("IRC: \(outcome.reason); reconnecting in \(delay)")
            do { try await Task.sleep(for: delay) } catch { break }
        }
        let undelivered = await outbox.waitingCount
        if undelivered > 0 { logger.warning("IRC: stopped with answers never delivered (no link)", metadata: ["answers": "\(undelivered)"]) }
        logger.info("IRC: stopped")
    }

    private struct Outcome {
        var channels: [String]
        var registered: Bool
        var reason: String
    }

    private func connectOnce(channels: [String], answers: SerialLanes<String>, outbox: AnswerOutbox) async -> Outcome {
        let socket: LineSocket
        do {
            socket = try await LineSocket.connect(host: settings.host, port: settings.port, timeout: settings.connectTimeout)
        } catch {
            return Outcome(channels: channels, registered: false, reason: error.description)
        }
        logger.info("IRC: connected")
        let connection = IRCConnection(socket: socket, settings: settings, channels: channels, handler: handler,
                                       answers: answers, outbox: outbox, logger: logger)
        var reason = "connection ended"
        do { try await connection.run() } catch { reason = "\(error)" }
        // On cancellation the connection already sent QUIT and is letting the server close.
        if !Task.isCancelled {
            await outbox.detach(connection, unsent: await connection.closeKeepingUnsentAnswers())
        }
        return Outcome(channels: await connection.wantedChannels,
                       registered: await connection.hasRegistered, reason: reason)
    }
}
