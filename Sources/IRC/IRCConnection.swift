import AsyncSupport
import Foundation
import Conversation
import Logging

/// One connected session: reads server lines, keeps the protocol state, hands chat to the engine
/// and sends answers through the flood-controlled queue. Each person's messages are answered one at a
/// time, in the order they were sent, in lanes that outlive the connection. Ends when the link drops (throws):
/// answers still being worked on, and lines never written, then reach the person through the next connection.
/// Or ends when the task is cancelled: then it stops reading, lets the answers in hand finish and go out
/// (within `settings.drainTimeout`), and sends QUIT.
actor IRCConnection {
    private let socket: LineSocket
    private let settings: IRCSettings
    private let handler: any ConversationHandling
    private let logger: Logger
    private let routing: InboundRouting
    private var state: IRCSessionState
    private let outbound: OutboundQueue
    private var pump: Task<Void, Never>?
    /// Registered, and the outbox not yet told: it is, once the lines of the registration are handled.
    private var isNewlyRegistered = false
    /// The link dropped: answers delivered now wait in the outbox for the next connection.
    private var isClosing = false
    private var lastReceived = ContinuousClock.now
    private let connectedAt = ContinuousClock.now
    private var pingOutstanding = false
    private var failure: IRCConnectionError?
    /// Our own `user@host` as relayed by the server, learned from our JOIN; tightens the line budget.
    private var ownUserBytes: Int
    private var ownHostBytes = IRCLineBudget.assumedMaxHostBytes
    private let answers: SerialLanes<String>
    private let outbox: AnswerOutbox

    private(set) var hasRegistered = false
    var wantedChannels: [String] { state.wantedChannels }

    init(socket: LineSocket, settings: IRCSettings, channels: [String], handler: any ConversationHandling,
         answers: SerialLanes<String>, outbox: AnswerOutbox, logger: Logger) {
        self.socket = socket
        self.settings = settings
        self.handler = handler
        self.logger = logger
        self.routing = InboundRouting(settings: settings)
        self.state = IRCSessionState(settings: settings, channels: channels)
        self.ownUserBytes = settings.username.utf8.count + 1
        outbound = OutboundQueue(capacity: settings.maxQueuedLines)
        self.answers = answers
        self.outbox = outbox
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
        self.pump = pump
        defer { pump.cancel() }

        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await self.watchLiveness() }
            group.addTask { try await self.tickPeriodically() }
            for try await line in lines {
                for job in try await receive(line) {
                    switch job {
                    case .answer(let answer, let inbound): await queueAnswer(answer, for: inbound)
                    case .rejoin(let channel, let delay): group.addTask { await self.rejoin(channel, after: delay) }
                    }
                }
                if isNewlyRegistered {
                    isNewlyRegistered = false
                    await outbox.attach(self)
                }
            }
            if Task.isCancelled {
                // Shielded from the cancellation that asked for it, like the answers it waits for.
                await Task { await self.drain(pump) }.value
                throw CancellationError()
            }
            // The link is gone: answers still being worked on go out through the next connection.
            throw failure ?? .closedByServer
        }
    }

    /// Behind the person's earlier messages; a person with too many waiting is told this one was not read.
    /// The answer goes out through whichever connection is up when it is ready.
    private func queueAnswer(_ answer: OutgoingAnswer, for inbound: InboundMessage) async {
        let handler = handler, outbox = outbox
        let queued = await answers.submit(inbound.userID) {
            var answer = answer
            answer.replies = await handler.handle(inbound).replies
            await outbox.deliver(answer)
        }
        guard !queued else { return }
        logger.warning("IRC: too many messages waiting from one person; dropped one",
                       metadata: ["nick": "\(answer.askerNick)", "limit": "\(settings.maxPendingAnswersPerUser)"])
        enqueue(IRCMessage("NOTICE", answer.askerNick, "I am still answering your earlier messages, so I did not read that one. Please send it again in a moment."))
    }

    /// Queues an answer's lines; false when the link has dropped, so the outbox keeps it for the next connection.
    func deliver(_ answer: OutgoingAnswer) -> Bool {
        guard !isClosing else { return false }
        deliver(answer.replies, to: answer.target, askerNick: answer.askerNick, isChannel: answer.isChannel, owner: answer.userID)
        return true
    }

    /// After the link dropped: stops the pump and hands back the answer lines it never wrote, each person's in order.
    func closeKeepingUnsentAnswers() async -> [OutgoingAnswer] {
        isClosing = true
        socket.shutdown()
        pump?.cancel()
        await pump?.value
        return outbound.takeUnsentAnswerLines().compactMap { line in
            guard let owner = line.owner, let target = line.message.parameter(0), let text = line.message.trailing else { return nil }
            // Already split and routed (privately or not) for the old connection; split again for the new nick.
            return OutgoingAnswer(userID: owner, replies: [Reply(text)], target: target, askerNick: target, isChannel: false)
        }
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
        outbound.finish()
        if !(await finishes(by: deadline) { await pump.value }) {
            pump.cancel()
            logger.warning("IRC: shutting down with lines still queued")
        }
        logger.info("IRC: drained before quitting", metadata: ["answers_in_hand": "\(pendingAtStart)"])
        await sayGoodbye()
    }

    // MARK: Reading

    private enum Job: Sendable {
        case answer(OutgoingAnswer, InboundMessage)
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
                isNewlyRegistered = true
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
            let answer = OutgoingAnswer(userID: inbound.userID, replies: [], target: target, askerNick: asker, isChannel: isChannel)
            return [.answer(answer, inbound)]
        }
    }

    private func learnOwnPrefix(from message: IRCMessage) {
        guard message.command == "JOIN", let source = message.source, state.isMe(source.nick),
              let user = source.user, let host = source.host else { return }
        ownUserBytes = user.utf8.count
        ownHostBytes = host.utf8.count
    }

    // MARK: Jobs

    private func rejoin(_ channel: String, after delay: Duration) async {
        guard (try? await Task.sleep(for: delay)) != nil else { return }
        enqueue(IRCMessage("JOIN", channel))
    }

    private func deliver(_ replies: [Reply], to target: String, askerNick: String, isChannel: Bool, owner: String) {
        var lines = limited(replies.flatMap { splitter(for: target).split($0.text) })
        guard !lines.isEmpty else { return }
        var destination = target
        if isChannel, shouldAnswerPrivately(lineCount: lines.count, channel: target) {
            enqueue(IRCMessage("PRIVMSG", target,
                "\(askerNick): the answer is \(lines.count) lines long, so I sent it to you privately."), owner: owner)
            destination = askerNick
            lines = limited(replies.flatMap { splitter(for: askerNick).split($0.text) })
        }
        for line in lines { enqueue(IRCMessage("PRIVMSG", destination, line), owner: owner) }
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
        while let line = await outbound.next() {
            do {
                var wait = bucket.take(now: .now)
                while wait > .zero {
                    try await Task.sleep(for: wait)
                    wait = bucket.take(now: .now)
                }
                try await write(line.message)
            } catch {
                // Not written: an answer's line goes out on the next connection.
                outbound.putBack(line)
                throw error
            }
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
        deliver([Reply(message.text)], to: target, askerNick: target, isChannel: false, owner: message.userID)
    }

    // MARK: Writing and closing

    private func enqueue(_ message: IRCMessage, owner: String? = nil) {
        switch outbound.push(OutboundQueue.Line(message: message, owner: owner)) {
        case .queued:
            break
        case .full:
            logger.warning("IRC: send queue full (\(settings.maxQueuedLines) lines); dropped a line",
                           metadata: ["command": "\(message.command)", "target": "\(message.parameter(0) ?? "")"])
        case .finished:
            // Past the drain's deadline (already logged): the connection is saying goodbye.
            logger.debug("IRC: dropped a line after the send queue closed", metadata: ["command": "\(message.command)"])
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
        outbound.finish()
        try? await socket.write(line: IRCMessage("QUIT", settings.quitMessage).wireFormat)
        socket.finishWriting()
        let socket = self.socket
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { socket.shutdown() }
    }
}
