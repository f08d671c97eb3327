import Foundation
import Testing
import Conversation
@testable import IRC
@testable import LiveIRC

/// Answers keep each person's order, and a shutdown (what SIGINT/SIGTERM do to `run`: cancel it) finishes the
/// answers in hand before QUIT. The engine stand-in takes as long as a model call might, longest first, so
/// answers raced side by side would come back reversed.
@Suite("IRC ordering and shutdown against a real ngIRCd", .timeLimit(.minutes(3)))
struct OrderingAndDrainTests {
    /// m1 takes longest, m6 least; the text is echoed back.
    static func slowestFirst(step: Duration, count: Int) -> TestHandler {
        TestHandler(reply: { message in
            let index = Int(message.text.dropFirst()) ?? 0
            try? await Task.sleep(for: step * max(0, count + 1 - index))
            return [Reply("answer to \(message.text)")]
        })
    }

    static func answers(in lines: [RawIRCClient.Line], to nick: String) -> [String] {
        lines.filter { $0.message.isPrivmsg(from: "schedbot", to: nick) }.compactMap(\.message.trailing)
    }

    @Test func onePersonsBurstIsAnsweredInOrderWhileOthersAreNotHeldUp() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        let handler = Self.slowestFirst(step: .milliseconds(300), count: 6)
        let bot = RunningBot(settings: .testBot(port: server.port), handler: handler)
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        let bob = try await RawIRCClient.connect(port: server.port, nick: "bob")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        for index in 1...6 { alice.send("PRIVMSG schedbot :m\(index)") }
        bob.send("PRIVMSG schedbot :m6")
        let bobsAnswer = try await bob.waitFor("bob's answer", timeout: .seconds(60)) { $0.isPrivmsg(from: "schedbot", to: "bob") }
        try await alice.waitFor("the last answer", timeout: .seconds(60)) { $0.isPrivmsg(from: "schedbot", to: "alice") && $0.trailing == "answer to m6" }

        #expect(Self.answers(in: alice.history, to: "alice") == (1...6).map { "answer to m\($0)" })
        // On his own lane bob's answer takes one step (0.3 s) and alice's second answer arrives after eleven (3.3 s);
        // behind alice's six he would come last. Order, not a wall-clock bound, so a loaded machine cannot fail it.
        let alicesSecond = alice.history.first { $0.message.isPrivmsg(from: "schedbot", to: "alice") && $0.message.trailing == "answer to m2" }
        #expect(alicesSecond.map { bobsAnswer.at < $0.at } == true, "bob waited behind alice's messages")
        await bot.stop()
    }

    @Test func aShutdownMidBurstAnswersEveryMessageInHandThenQuits() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        let handler = Self.slowestFirst(step: .milliseconds(100), count: 6)
        var settings = IRCSettings.testBot(port: server.port)
        // Paced sending, so lines are still queued when the shutdown starts.
        settings.floodBurst = 2
        settings.floodLinesPerSecond = 4
        settings.drainTimeout = .seconds(20)
        let bot = RunningBot(settings: settings, handler: handler)
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        for index in 1...6 { alice.send("PRIVMSG schedbot :m\(index)") }
        try await alice.waitFor("the first answer", timeout: .seconds(60)) { $0.isPrivmsg(from: "schedbot", to: "alice") }
        await bot.stop()
        let quit = try await alice.waitFor("the bot's QUIT", timeout: .seconds(30)) { $0.command == "QUIT" && $0.source?.nick == "schedbot" }

        #expect(quit.message.trailing?.contains(settings.quitMessage) == true)
        #expect(Self.answers(in: alice.history, to: "alice") == (1...6).map { "answer to m\($0)" })
    }

    @Test func aShutdownDoesNotWaitPastItsDeadlineForAStuckAnswer() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        let finished = Flag()
        let handler = TestHandler(reply: { _ in
            // Ignores cancellation on purpose, like an engine in a long model call.
            let until = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < until { try? await Task.sleep(for: .milliseconds(50)) }
            finished.set()
            return [Reply("too late")]
        })
        var settings = IRCSettings.testBot(port: server.port)
        settings.drainTimeout = .seconds(1)
        let bot = RunningBot(settings: settings, handler: handler)
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        alice.send("PRIVMSG schedbot :are you stuck?")
        try await waitUntil("the engine has the message") { !handler.received.isEmpty }
        await bot.stop()
        // Order, not a wall-clock bound: the shutdown is over while the answer is still being worked on.
        #expect(!finished.isSet, "the shutdown waited for the stuck answer")
        try await alice.waitFor("the bot's QUIT", timeout: .seconds(30)) { $0.command == "QUIT" && $0.source?.nick == "schedbot" }
        #expect(Self.answers(in: alice.history, to: "alice").isEmpty)
    }

    @Test func aPersonWithTooManyMessagesWaitingIsToldTheRestWereNotRead() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        // Answers wait until the test has seen the notices, so the lane is full however slowly lines are read.
        let gate = AnswerGate()
        let handler = TestHandler(reply: { message in
            await gate.wait()
            return [Reply("answer to \(message.text)")]
        })
        var settings = IRCSettings.testBot(port: server.port)
        settings.maxPendingAnswersPerUser = 2
        let bot = RunningBot(settings: settings, handler: handler)
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")

        for index in 1...4 { alice.send("PRIVMSG schedbot :m\(index)") }
        for which in ["first", "second"] {
            try await alice.waitFor("the \(which) notice", timeout: .seconds(60)) { $0.command == "NOTICE" && $0.source?.nick == "schedbot" }
        }
        await gate.open()
        try await alice.waitFor("the second answer", timeout: .seconds(60)) { $0.isPrivmsg(from: "schedbot", to: "alice") && $0.trailing == "answer to m2" }
        let late = try await alice.collect(for: .seconds(2))

        #expect(Self.answers(in: alice.history, to: "alice") == ["answer to m1", "answer to m2"])
        let notices = alice.history.filter { $0.message.command == "NOTICE" && $0.message.source?.nick == "schedbot" }
        #expect(notices.count == 2)
        #expect(notices.allSatisfy { $0.message.trailing?.contains("send it again") == true })
        #expect(handler.received.map(\.text) == ["m1", "m2"])
        #expect(!late.contains { $0.message.isPrivmsg(from: "schedbot") })
        await bot.stop()
    }
}

/// Holds answers back until the test opens it.
actor AnswerGate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        waiting.forEach { $0.resume() }
        waiting = []
    }
}

/// Set once, read from any task.
final class Flag: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
