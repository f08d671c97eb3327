import Foundation
import Testing
import Conversation
@testable import IRC
@testable import LiveIRC

/// The bot against a real ngIRCd, checked by raw-socket clients. Each test starts its own server
/// on a free loopback port, so the tests run in parallel.
@Suite("IRC against a real ngIRCd", .timeLimit(.minutes(3)))
struct NgircdLiveTests {
    static let botPrefix = "echo[irc:alice!~alice@127.0.0.1|"

    @Test func answersOnlyWhenAddressedInAChannelAndAlwaysInPrivate() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        let handler = TestHandler()
        let bot = RunningBot(settings: .testBot(port: server.port), handler: handler)
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        alice.send("PRIVMSG #test :hello everyone, what is on the agenda?")
        alice.send("PRIVMSG #test :schedbot: agenda")
        alice.send("PRIVMSG #test :!next")
        alice.send("PRIVMSG #test :SchedBot, week")
        alice.send("PRIVMSG schedbot :what about tomorrow?")

        // One person's messages are answered one at a time, in the order they were sent.
        var answers: [IRCMessage] = []
        while answers.count < 4 {
            answers.append(try await alice.waitFor("answer \(answers.count + 1) of 4") { $0.isPrivmsg(from: "schedbot") }.message)
        }
        let privateReplies = answers.filter { $0.parameter(0) == "alice" }.compactMap(\.trailing)
        #expect(privateReplies == ["echo[irc:alice!~alice@127.0.0.1|alice|admin=true]: what about tomorrow?"])
        let channelReplies = answers.filter { $0.parameter(0) == "#test" }.compactMap(\.trailing)
        #expect(channelReplies == ["agenda", "next", "week"].map { Self.botPrefix + "#test|admin=true]: " + $0 })
        #expect(handler.received.map(\.text) == ["agenda", "next", "week", "what about tomorrow?"])
        let late = try await alice.collect(for: .milliseconds(300)).filter { $0.message.isPrivmsg(from: "schedbot") }
        #expect(late.isEmpty, "unexpected extra answers: \(late.map(\.raw))")
        await bot.stop()
    }

    @Test func longRepliesAreSplitWithinTheLineLimitWithoutLosingText() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        let words = (1...180).map { "wörd\($0)" }.joined(separator: " ")       // ~1.3 KB, 2-byte letters
        let unbroken = String(repeating: "日本語🙂", count: 90)                 // 1.4 KB without a space
        let table = "Mon  ███░░\n\n   \nTue  ░░███\nWed  █░█░█"
        let replies = [Reply(words), Reply(unbroken), Reply(table, isPreformatted: true), Reply("END")]
        let handler = TestHandler(reply: { _ in replies })
        let bot = RunningBot(settings: .testBot(port: server.port), handler: handler)
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        alice.send("PRIVMSG #test :!long")
        try await alice.waitFor("END") { $0.isPrivmsg(from: "schedbot", to: "#test") && $0.trailing == "END" }

        let lines = alice.history.filter { $0.message.isPrivmsg(from: "schedbot", to: "#test") }
        #expect(lines.allSatisfy { $0.wireBytes <= 512 }, "longest relayed line: \(lines.map(\.wireBytes).max() ?? 0) bytes")
        #expect(lines.contains { $0.wireBytes > 480 }, "the budget should use the room it has")
        #expect(lines.allSatisfy { !($0.message.trailing ?? "").trimmingCharacters(in: .whitespaces).isEmpty })
        let received = lines.compactMap(\.message.trailing).joined().filter { !$0.isWhitespace }
        let sent = replies.map(\.text).joined().filter { !$0.isWhitespace }
        #expect(received == sent)
        #expect(lines.contains { $0.message.trailing == "Tue  ░░███" })
        await bot.stop()
    }

    @Test func takesAFallbackNickWhenItsNickIsInUse() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        let squatter = try await RawIRCClient.connect(port: server.port, nick: "schedbot")
        try await squatter.join("#test")
        let bot = RunningBot(settings: .testBot(port: server.port), handler: TestHandler())
        try await squatter.waitUntilPresent("schedbot_", in: "#test")

        squatter.send("PRIVMSG #test :schedbot_: are you there?")
        let reply = try await squatter.waitFor("reply from schedbot_") { $0.isPrivmsg(from: "schedbot_", to: "#test") }
        #expect(reply.message.trailing?.hasSuffix("]: are you there?") == true)

        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        squatter.send("QUIT :leaving")
        let reclaimed = try await alice.waitFor("bot reclaims its nick") { $0.command == "NICK" && $0.source?.nick == "schedbot_" }
        #expect(reclaimed.message.parameter(0) == "schedbot")
        await bot.stop()
    }

    @Test func answersServerPingsAndStaysConnected() async throws {
        // ngIRCd's minimum: PING after 5 s of silence, drop a client that has not answered 5 s later.
        let server = try await NgircdServer(penalties: .disabled, pingTimeoutSeconds: 5, pongTimeoutSeconds: 5)
        defer { server.stop() }
        let bot = RunningBot(settings: .testBot(port: server.port), handler: TestHandler())
        // A control client that stops reading (so never answers PING) must be dropped meanwhile. It connects first,
        // so the watching client never sits unread (and unanswering) while another client is being set up.
        let mute = try await RawIRCClient.connect(port: server.port, nick: "mute")
        try await mute.join("#test")
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        let quiet = try await alice.collect(for: .seconds(13))
        let botComings = quiet.filter { $0.message.source?.nick == "schedbot" && ["QUIT", "JOIN"].contains($0.message.command) }
        #expect(botComings.isEmpty, "the bot was dropped and came back: \(botComings.map(\.raw))")
        await #expect(throws: POSIXError.self, "the server should have pinged out the client that never answers") {
            _ = try await mute.collect(for: .seconds(1))
        }
        alice.send("PRIVMSG #test :schedbot: still there?")
        try await alice.waitFor("reply after idling") { $0.isPrivmsg(from: "schedbot", to: "#test") }
        await bot.stop()
    }

    @Test func reconnectsAndRejoinsAfterTheServerRestarts() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        let bot = RunningBot(settings: .testBot(port: server.port, channels: ["#test", "#second"]), handler: TestHandler())
        var alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        server.stop()
        try await Task.sleep(for: .milliseconds(300))  // the bot sees the drop and starts backing off
        try await server.start()
        alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#second")
        try await alice.waitUntilPresent("schedbot", in: "#second")
        alice.send("PRIVMSG #second :schedbot: back?")
        let reply = try await alice.waitFor("reply after restart") { $0.isPrivmsg(from: "schedbot", to: "#second") }
        #expect(reply.message.trailing?.hasSuffix("]: back?") == true)
        await bot.stop()
    }

    /// ngIRCd's default penalties and the bot's default flood settings, as in production.
    @Test func floodControlAnswersABurstOf50CommandsWithoutBeingDisconnected() async throws {
        let server = try await NgircdServer(penalties: .serverDefault)
        defer { server.stop() }
        var settings = IRCSettings.testBot(port: server.port)
        let defaults = IRCSettings()
        settings.floodBurst = defaults.floodBurst
        settings.floodLinesPerSecond = defaults.floodLinesPerSecond
        let bot = RunningBot(settings: settings, handler: TestHandler())
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        // Five people ask ten questions each at once, so the burst reaches the bot together.
        var senders: [RawIRCClient] = []
        for index in 1...5 {
            let sender = try await RawIRCClient.connect(port: server.port, nick: "asker\(index)")
            try await sender.join("#test")
            senders.append(sender)
        }
        let asked = ContinuousClock.now
        for (index, sender) in senders.enumerated() {
            for question in 0..<10 { sender.send("PRIVMSG #test :!q \(index * 10 + question)") }
        }

        var answers: [RawIRCClient.Line] = []
        let deadline = ContinuousClock.now + .seconds(120)
        while answers.count < 50, ContinuousClock.now < deadline {
            let line = try await alice.waitFor("answer \(answers.count + 1) of 50", timeout: .seconds(20)) {
                $0.source?.nick == "schedbot"
            }
            #expect(!["QUIT", "ERROR", "KILL"].contains(line.message.command), "bot disconnected: \(line.raw)")
            if line.message.isPrivmsg(from: "schedbot", to: "#test") { answers.append(line) }
        }
        let numbers = Set(answers.compactMap { $0.message.trailing?.split(separator: " ").last.flatMap { Int($0) } })
        #expect(numbers == Set(0..<50), "missing answers: \(Set(0..<50).subtracting(numbers).sorted())")

        // The bucket, not the server, paced the answers: burst of 4, then one a second. Counted from the asking,
        // not from reading the first answer (a late read of it would shorten the span on a loaded machine).
        let span = asked.duration(to: answers[answers.count - 1].at)
        let minimum = Double(answers.count - defaults.floodBurst) / defaults.floodLinesPerSecond * 0.9
        #expect(span >= .seconds(minimum), "50 answers arrived in \(span); the bucket allows no faster than \(minimum) s")
        #expect(!server.logText().contains("Excess Flood") && !server.logText().contains("buffer overflow"))
        alice.send("PRIVMSG #test :schedbot: still here?")
        try await alice.waitFor("reply after the burst", timeout: .seconds(15)) { $0.isPrivmsg(from: "schedbot", to: "#test") }
        await bot.stop()
    }

    @Test func joinsWhenInvitedAndRejoinsAfterAKick() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        let bot = RunningBot(settings: .testBot(port: server.port), handler: TestHandler())
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#ops")  // first in, so alice is the channel operator
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        alice.send("INVITE schedbot #ops")
        try await alice.waitFor("bot joins #ops") { $0.command == "JOIN" && $0.source?.nick == "schedbot" && $0.parameter(0) == "#ops" }
        // From the KICK's sending, not its reading: a late read of the KICK would shorten the gap seen, and a
        // late read of the JOIN only lengthens it, so this bound holds however loaded the machine is.
        let kickSent = ContinuousClock.now
        alice.send("KICK #ops schedbot :testing kicks")
        try await alice.waitFor("kick") { $0.command == "KICK" && $0.parameter(1) == "schedbot" }
        let rejoined = try await alice.waitFor("bot rejoins #ops") {
            $0.command == "JOIN" && $0.source?.nick == "schedbot" && $0.parameter(0) == "#ops"
        }
        #expect(kickSent.duration(to: rejoined.at) >= IRCSettings.testBot(port: server.port).rejoinDelay, "the bot waits before rejoining")
        await bot.stop()
    }

    @Test func repliesToCTCPVersionAndNeverToNotices() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        let handler = TestHandler()
        let bot = RunningBot(settings: .testBot(port: server.port), handler: handler)
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        alice.send("PRIVMSG schedbot :\u{01}VERSION\u{01}")
        let version = try await alice.waitFor("CTCP VERSION reply") { $0.command == "NOTICE" && $0.source?.nick == "schedbot" }
        #expect(version.message.trailing == "\u{01}VERSION scheduler-bot (Swift IRC front end)\u{01}")
        alice.send("NOTICE schedbot :agenda")
        alice.send("NOTICE #test :schedbot: agenda")
        alice.send("PRIVMSG schedbot :marker")
        let reply = try await alice.waitFor("reply to marker") { $0.isPrivmsg(from: "schedbot", to: "alice") }
        #expect(reply.message.trailing?.hasSuffix("]: marker") == true)
        #expect(handler.received.map(\.text) == ["marker"])
        await bot.stop()
    }

    @Test func deliversProactiveMessagesFromTheTimer() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        let handler = TestHandler(tick: { _ in
            [ProactiveMessage(userID: "irc:alice!~alice@127.0.0.1", roomID: "alice", text: "reminder: stretch")]
        })
        var settings = IRCSettings.testBot(port: server.port)
        settings.tickInterval = .milliseconds(200)
        let bot = RunningBot(settings: settings, handler: handler)
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        let reminder = try await alice.waitFor("proactive private message") { $0.isPrivmsg(from: "schedbot", to: "alice") }
        #expect(reminder.message.trailing == "reminder: stretch")
        await bot.stop()
    }

    @Test func sendsLongAnswersPrivatelyInABusyChannel() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        var settings = IRCSettings.testBot(port: server.port)
        settings.busyChannelMinMembers = 2
        settings.privateReplyMinLines = 3
        let handler = TestHandler(reply: { message in
            message.text == "agenda" ? [Reply("Mon gym\nTue focus\nWed review", isPreformatted: true)] : [Reply("short")]
        })
        let bot = RunningBot(settings: settings, handler: handler)
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        alice.send("PRIVMSG #test :!agenda")
        try await alice.waitFor("last private line") { $0.isPrivmsg(from: "schedbot", to: "alice") && $0.trailing == "Wed review" }
        alice.send("PRIVMSG #test :!ping")
        try await alice.waitFor("short answer in the channel") { $0.isPrivmsg(from: "schedbot", to: "#test") && $0.trailing == "short" }
        let fromBot = alice.history.filter { $0.message.source?.nick == "schedbot" && $0.message.command == "PRIVMSG" }
        #expect(fromBot.map { "\($0.message.parameter(0) ?? "") \($0.message.trailing ?? "")" } == [
            "#test alice: the answer is 3 lines long, so I sent it to you privately.",
            "alice Mon gym", "alice Tue focus", "alice Wed review", "#test short",
        ])
        await bot.stop()
    }

    @Test func cutsOverlongAnswersWithANote() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        var settings = IRCSettings.testBot(port: server.port)
        settings.maxLinesPerReply = 3
        let handler = TestHandler(reply: { _ in [Reply((1...7).map { "line \($0)" }.joined(separator: "\n"))] })
        let bot = RunningBot(settings: settings, handler: handler)
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")
        alice.send("PRIVMSG schedbot :agenda")
        try await alice.waitFor("truncation note") { $0.isPrivmsg(from: "schedbot", to: "alice") && $0.trailing?.hasPrefix("…") == true }
        let lines = alice.history.filter { $0.message.isPrivmsg(from: "schedbot") }.compactMap(\.message.trailing)
        #expect(lines == ["line 1", "line 2", "… (5 more lines not shown)"])
        await bot.stop()
    }

    @Test func aFullSendQueueDropsLinesWithAWarningAndKeepsTheLink() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        var settings = IRCSettings.testBot(port: server.port)
        settings.floodBurst = 1
        settings.floodLinesPerSecond = 10
        settings.maxLinesPerReply = 3
        settings.maxQueuedLines = 3
        let log = CapturedLog()
        let handler = TestHandler(reply: { message in [Reply("\(message.text) a\n\(message.text) b\n\(message.text) c")] })
        let bot = RunningBot(settings: settings, handler: handler, logger: log.logger(level: .warning))
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")
        try await Task.sleep(for: .milliseconds(300))  // let the JOIN's token refill

        // Four 3-line answers at once: 12 lines against a queue of 3 drained at 10 a second.
        alice.send("PRIVMSG schedbot :q1\r\nPRIVMSG schedbot :q2\r\nPRIVMSG schedbot :q3\r\nPRIVMSG schedbot :q4")
        // Long enough for a loaded machine to drain the queue; dropped lines never come, however long we wait.
        let arrived = try await alice.collect(for: .seconds(6)).filter { $0.message.isPrivmsg(from: "schedbot", to: "alice") }
        #expect(arrived.count >= 3 && arrived.count < 12, "\(arrived.count) lines arrived")
        #expect(log.text.contains("send queue full"))
        alice.send("PRIVMSG schedbot :later")
        try await alice.waitFor("answer after the overflow") { $0.isPrivmsg(from: "schedbot", to: "alice") && $0.trailing == "later a" }
        await bot.stop()
    }

    @Test func aSlowAnswerHoldsUpNoOneElseAndAShutdownWaitsForIt() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        // The first slow answer waits until bob's fast one has arrived, so the order says whether the slow one
        // held anyone up, however late a loaded machine reads bob's message.
        let fastSeen = AnswerGate()
        let handler = TestHandler(reply: { message in
            if message.text == "slow" {
                await fastSeen.wait()
                // Ignores cancellation on purpose, like an engine in a long LLM call.
                let until = ContinuousClock.now + .seconds(2)
                while ContinuousClock.now < until { try? await Task.sleep(for: .milliseconds(50)) }
            }
            return [Reply("done \(message.text)")]
        })
        let bot = RunningBot(settings: .testBot(port: server.port), handler: handler)
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        let bob = try await RawIRCClient.connect(port: server.port, nick: "bob")
        try await alice.join("#test")
        try await bob.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        alice.send("PRIVMSG #test :!slow")
        bob.send("PRIVMSG #test :!fast")
        let first = try await alice.waitFor("first answer") { $0.isPrivmsg(from: "schedbot", to: "#test") }
        #expect(first.message.trailing == "done fast")
        await fastSeen.open()
        try await alice.waitFor("slow answer") { $0.isPrivmsg(from: "schedbot", to: "#test") && $0.trailing == "done slow" }

        alice.send("PRIVMSG #test :!slow")
        try await Task.sleep(for: .milliseconds(200))
        await bot.stop()
        let quit = try await alice.waitFor("bot QUIT") { $0.command == "QUIT" && $0.source?.nick == "schedbot" }
        let answers = alice.history.filter { $0.message.isPrivmsg(from: "schedbot", to: "#test") }
        #expect(answers.map(\.message.trailing) == ["done fast", "done slow", "done slow"])
        #expect((answers.last?.at ?? .now) < quit.at, "the answer in hand went out before QUIT")
    }

    @Test func quitsWithAMessageWhenCancelled() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        let bot = RunningBot(settings: .testBot(port: server.port), handler: TestHandler())
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        await bot.stop()
        let quit = try await alice.waitFor("bot QUIT") { $0.command == "QUIT" && $0.source?.nick == "schedbot" }
        #expect(quit.message.trailing?.contains("scheduler-bot shutting down") == true)
    }

    @Test func secretsNeverReachTheLogs() async throws {
        let server = try await NgircdServer(penalties: .disabled, password: "server-secret-4711")
        defer { server.stop() }
        var settings = IRCSettings.testBot(port: server.port)
        settings.password = "server-secret-4711"
        settings.nickservPassword = "nickserv-secret-0815"
        let log = CapturedLog()
        let bot = RunningBot(settings: settings, handler: TestHandler(), logger: log.logger(level: .trace))
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice", password: "server-secret-4711")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")
        await bot.stop()

        #expect(log.text.contains("PASS <redacted>"))
        #expect(log.text.contains("PRIVMSG NickServ :IDENTIFY <redacted>"))
        #expect(!log.text.contains("server-secret-4711") && !log.text.contains("nickserv-secret-0815"))
    }

    @Test func reconnectsWhenAServerAcceptsButNeverAnswers() async throws {
        let silent = try SilentListener()
        var settings = IRCSettings.testBot(port: silent.port)
        settings.connectTimeout = .milliseconds(300)  // registration must finish within 2 x this
        let bot = RunningBot(settings: settings, handler: TestHandler())
        // Generous: the suite shares two cores with the encoder tests, and only a stuck bot takes this long.
        let deadline = ContinuousClock.now + .seconds(30)
        while silent.acceptedConnections() < 2, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(silent.acceptedConnections() >= 2)
        await bot.stop()
    }

    @Test func tlsIsRefusedAtStartUp() async {
        var settings = IRCSettings.testBot(port: 6697)
        settings.tls = true
        let adapter = IRCAdapter(settings: settings, handler: TestHandler(), logger: RunningBot.quietLogger())
        await #expect(throws: IRCSettingsError.tlsNotSupported) { try await adapter.run() }
    }

    @Test func aMissingNgircdFailsNamingThePackage() {
        #expect {
            _ = try NgircdServer.locate(candidates: ["/nonexistent/ngircd"])
        } throws: { error in
            "\(error)".contains("apt-get install -y ngircd")
        }
    }
}
