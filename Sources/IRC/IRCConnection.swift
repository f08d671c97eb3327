import AsyncSupport
import Foundation
import Conversation
import Logging

/// One connected session: reads server lines, keeps the protocol state, hands chat to the engine
/// and sends answers through the flood-controlled queue. Each person's messages are answered one at a
/// time, in the order they were sent. Ends when the link drops (throws) or the task is cancelled: then it
/// stops reading, lets the answers in hand finish and go out (within `settings.drainTimeout`), and sends QUIT.
actor IRCConnection {
    private let socket: LineSocket
    private let settings: IRCSettings
    private let handler: any ConversationHandling
    private let logger: Logger
    private let routing: InboundRouting
    private var state: IRCSessionState
    private let outbound: AsyncStream<IRCMessage>
    private let outboundContinuation: AsyncStream<IRCMessage>.Continuation
    private var lastReceived = ContinuousClock.now
    private let connectedAt = ContinuousClock.now
    private var pingOutstanding = false
    private var failure: IRCConnectionError?
    /// Our own `user@host` as relayed by the server, learned from our JOIN; tightens the line budget.
    private var ownUserBytes: Int
    private var ownHostBytes = IRCLineBudget.assumedMaxHostBytes
    private let answers: SerialLanes<String>

    private(set) var hasRegistered = false
    var wantedChannels: [String] { state.wantedChannels }

    init(socket: LineSocket, settings: IRCSettings, channels: [String],
         handler: any ConversationHandling, logger: Logger) {
        self.socket = socket
        self.settings = settings
        self.handler = handler
        self.logger = logger
        self.routing = InboundRouting(settings: settings)
        self.state = IRCSessionState(settings: settings, channels: channels)
        self.ownUserBytes = settings.username.utf8.count + 1
        (outbound, outboundContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingOldest(settings.maxQueuedLines))
        answers = SerialLanes(limit: settings.maxPendingAnswersPerUser)
    }

    func run() async throws {
        let lines = socket.lines { [logger] bytes in
            logger.warning("IRC: dropped an oversized line from the server", metadata: ["bytes": "\(bytes)"])
        }
        for message in state.registrationMessages() { try await write(message) }
        // Not a child task: a shutdown cancels the children, and the queue must still go out while draining.
        let pump = Task {
            do { try await self.pumpOutbound() } catch let error as IRCConnectionError { self.drop(error) } catch {}
        }
        defer { pump.cancel() }

        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await self.watchLiveness() }
            group.addTask { try await self.tickPeriodically() }
            for try await line in lines {
                for job in try await receive(line) {
                    if case .answer(let inbound, _, let asker, _) = job {
                        await queueAnswer(job, userID: inbound.userID, askerNick: asker)
                    } else {
                        group.addTask { await self.perform(job) }
                    }
                }
            }
            if Task.isCancelled {
                // Shielded from the cancellation that asked for it, like the answers it waits for.
                await Task { await self.drain(pump) }.value
                throw CancellationError()
            }
            // The link is gone: answers still being worked on are dropped with this connection.
            throw failure ?? .closedByServer
        }
    }

    /// Behind the person's earlier messages; a person with too many waiting is told this one was not read.
    private func queueAnswer(_ job: Job, userID: String, askerNick: String) async {
        let queued = await answers.submit(userID) { await self.perform(job) }
        guard !queued else { return }
        logger.warning("IRC: too many messages waiting from one person; dropped one",
                       metadata: ["nick": "\(askerNick)", "limit": "\(settings.maxPendingAnswersPerUser)"])
        enqueue(IRCMessage("NOTICE", askerNick, "I am still answering your earlier messages, so I did not read that one. Please send it again in a moment."))
    }

    /// Stops taking work, lets the answers in hand finish and the send queue empty, then says goodbye; whatever
    /// is still going at the deadline is given up on, so a shutdown never hangs on a slow engine or server.
    private func drain(_ pump: Task<Void, Never>) async {
        let deadline = ContinuousClock.now + settings.drainTimeout
        let pendingAtStart = await answers.pending
        let answers = self.answers
        if !(await finishes(by: deadline) { await answers.waitForAll() }) {
            let unfinished = await answers.pending
            logger.warning("IRC: shutting down with answers unfinished", metadata: ["unfinished": "\(unfinished)"])
        }
        outboundContinuation.finish()
        if !(await finishes(by: deadline) { await pump.value }) {
            pump.cancel()
            logger.warning("IRC: shutting down with lines still queued")
        }
        logger.info("IRC: drained before quitting", metadata: ["answers_in_hand": "\(pendingAtStart)"])
        await sayGoodbye()
    }

    // MARK: Reading

    private enum Job: Sendable {
        case answer(InboundMessage, replyTarget: String, askerNick: String, isChannel: Bool)
        case rejoin(String, after: Duration)
    }

    private func receive(_ line: String) async throws -> [Job] {
        lastReceived = .now
        pingOutstanding = false
        let message: IRCMessage
        do { message = try IRCMessage(parsing: line) } catch {
            logger.debug("IRC: ignored unparsable line: \(error)")
            return []
        }
        logger.trace("IRC <- \(line)")
        learnOwnPrefix(from: message)
        var jobs: [Job] = []
        for action in state.handle(message) {
            switch action {
            case .sendImmediately(let reply): try await write(reply)
            case .send(let reply): enqueue(reply)
            case .registered(let nick):
                hasRegistered = true
                logger.info("IRC: registered", metadata: ["nick": "\(nick)"])
            case .rejoin(let channel, let delay): jobs.append(.rejoin(channel, after: delay))
            case .log(let text): logger.notice("IRC: \(text)")
            case .chat(let chat): jobs += route(chat)
            }
        }
        return jobs
    }

    private func route(_ chat: IRCChatMessage) -> [Job] {
        switch routing.route(chat, botNick: state.currentNick, now: Date()) {
        case .ignore:
            return []
        case .ctcpReply(let nick, let text):
            enqueue(IRCMessage("NOTICE", nick, text))
            return []
        case .engine(let inbound, let target, let asker, let isChannel):
            return [.answer(inbound, replyTarget: target, askerNick: asker, isChannel: isChannel)]
        }
    }

    private func learnOwnPrefix(from message: IRCMessage) {
        guard message.command == "JOIN", let source = message.source, state.isMe(source.nick),
              let user = source.user, let host = source.host else { return }
        ownUserBytes = user.utf8.count
        ownHostBytes = host.utf8.count
    }

    // MARK: Jobs

    private func perform(_ job: Job) async {
        switch job {
        case .answer(let inbound, let target, let asker, let isChannel):
            let response = await handler.handle(inbound)
            deliver(response.replies, to: target, askerNick: asker, isChannel: isChannel)
        case .rejoin(let channel, let delay):
            guard (try? await Task.sleep(for: delay)) != nil else { return }
            enqueue(IRCMessage("JOIN", channel))
        }
    }

    private func deliver(_ replies: [Reply], to target: String, askerNick: String, isChannel: Bool) {
        var lines = limited(replies.flatMap { splitter(for: target).split($0.text) })
        guard !lines.isEmpty else { return }
        var destination = target
        if isChannel, shouldAnswerPrivately(lineCount: lines.count, channel: target) {
            enqueue(IRCMessage("PRIVMSG", target,
                "\(askerNick): the answer is \(lines.count) lines long, so I sent it to you privately."))
            destination = askerNick
            lines = limited(replies.flatMap { splitter(for: askerNick).split($0.text) })
        }
        for line in lines { enqueue(IRCMessage("PRIVMSG", destination, line)) }
    }

    private func shouldAnswerPrivately(lineCount: Int, channel: String) -> Bool {
        settings.busyChannelMinMembers > 0 && settings.privateReplyMinLines > 0
            && lineCount >= settings.privateReplyMinLines
            && state.memberCount(of: channel) >= settings.busyChannelMinMembers
    }

    private func limited(_ lines: [String]) -> [String] {
        guard lines.count > settings.maxLinesPerReply else { return lines }
        let kept = max(settings.maxLinesPerReply - 1, 0)
        return Array(lines.prefix(kept)) + ["… (\(lines.count - kept) more lines not shown)"]
    }

    private func splitter(for target: String) -> ReplyLineSplitter {
        ReplyLineSplitter(maxBodyBytes: IRCLineBudget.bodyBytes(
            nick: state.currentNick, userBytes: ownUserBytes, hostBytes: ownHostBytes, target: target))
    }

    // MARK: Background loops

    private func pumpOutbound() async throws {
        var bucket = TokenBucket(capacity: settings.floodBurst, refillPerSecond: settings.floodLinesPerSecond,
                                 now: ContinuousClock.now)
        for await message in outbound {
            var wait = bucket.take(now: .now)
            while wait > .zero {
                try await Task.sleep(for: wait)
                wait = bucket.take(now: .now)
            }
            try await write(message)
        }
    }

    private func watchLiveness() async throws {
        let idle = settings.serverIdleTimeout
        let registrationTimeout = settings.connectTimeout * 2
        while true {
            try await Task.sleep(for: min(idle / 4, registrationTimeout / 4, .seconds(5)))
            let silence = lastReceived.duration(to: .now)
            if !hasRegistered, connectedAt.duration(to: .now) > registrationTimeout {
                return drop(.registrationTimedOut(registrationTimeout))
            }
            if silence > idle * 2 { return drop(.serverSilent(silence)) }
            if silence > idle, !pingOutstanding {
                pingOutstanding = true
                try await write(IRCMessage("PING", "scheduler-bot"))
            }
        }
    }

    private func tickPeriodically() async throws {
        while true {
            try await Task.sleep(for: settings.tickInterval)
            guard hasRegistered else { continue }
            for message in await handler.tick(.irc, now: Date()) { deliverProactive(message) }
        }
    }

    private func deliverProactive(_ message: ProactiveMessage) {
        guard let target = message.roomID else {
            logger.warning("IRC: proactive message has no room to send to", metadata: ["user": "\(message.userID)"])
            return
        }
        deliver([Reply(message.text)], to: target, askerNick: target, isChannel: false)
    }

    // MARK: Writing and closing

    private func enqueue(_ message: IRCMessage) {
        if case .dropped = outboundContinuation.yield(message) {
            logger.warning("IRC: send queue full (\(settings.maxQueuedLines) lines); dropped a line",
                           metadata: ["command": "\(message.command)", "target": "\(message.parameter(0) ?? "")"])
        }
    }

    private func write(_ message: IRCMessage) async throws {
        logger.trace("IRC -> \(message.redactedForLog)")
        try await socket.write(line: message.wireFormat)
    }

    private func drop(_ reason: IRCConnectionError) {
        failure = reason
        socket.shutdown()
    }

    /// QUIT, then let the server close the link; force it shut if the server does not within 2 s.
    private func sayGoodbye() async {
        outboundContinuation.finish()
        try? await socket.write(line: IRCMessage("QUIT", settings.quitMessage).wireFormat)
        socket.finishWriting()
        let socket = self.socket
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { socket.shutdown() }
    }
}
