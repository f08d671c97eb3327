import Foundation
import Testing
import Conversation
@testable import IRC
@testable import LiveIRC

/// The server cuts the bot's link (an operator's KILL) while answers are on their way: they are kept and reach the
/// person, in order and once each, after the bot has reconnected.
@Suite("IRC answers across a dropped link, against a real ngIRCd", .timeLimit(.minutes(3)))
struct LinkDropTests {
    static func answers(in lines: [RawIRCClient.Line], to nick: String) -> [String] {
        lines.filter { $0.message.isPrivmsg(from: "schedbot", to: nick) }.compactMap(\.message.trailing)
    }

    @Test func answersStillBeingWorkedOnWhenTheLinkDropsArriveAfterTheReconnectInOrder() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        let gate = AnswerGate()
        let handler = TestHandler(reply: { message in
            await gate.wait()
            return [Reply("answer to \(message.text)")]
        })
        let bot = RunningBot(settings: .testBot(port: server.port), handler: handler)
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test")
        try await alice.becomeOperator()

        for index in 1...3 { alice.send("PRIVMSG schedbot :m\(index)") }
        try await waitUntil("the engine has the first message") { !handler.received.isEmpty }
        alice.send("KILL schedbot :testing a dropped link")
        try await alice.waitFor("the bot's link to drop") { $0.command == "QUIT" && $0.source?.nick == "schedbot" }
        await gate.open()
        try await alice.waitFor("the last answer", timeout: .seconds(60)) {
            $0.isPrivmsg(from: "schedbot", to: "alice") && $0.trailing == "answer to m3"
        }
        let late = try await alice.collect(for: .seconds(1))

        #expect(Self.answers(in: alice.history + late, to: "alice") == (1...3).map { "answer to m\($0)" })
        #expect(handler.received.map(\.text) == ["m1", "m2", "m3"], "each message reached the engine once")
        await bot.stop()
    }

    @Test func linesQueuedButNotWrittenWhenTheLinkDropsAreSentAfterTheReconnect() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        var settings = IRCSettings.testBot(port: server.port)
        // One line now, then one every two seconds: the rest of the answer is still queued when the link goes.
        settings.floodBurst = 1
        settings.floodLinesPerSecond = 0.5
        let handler = TestHandler(reply: { _ in [Reply("line 1\nline 2\nline 3\nline 4")] })
        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        let bot = RunningBot(settings: settings, handler: handler)
        try await alice.waitUntilPresent("schedbot", in: "#test")
        try await alice.becomeOperator()
        // The JOIN used the burst; let the bucket refill so the answer's first line goes out at once.
        try await Task.sleep(for: .seconds(2.5))

        alice.send("PRIVMSG schedbot :agenda")
        try await alice.waitFor("the first line") { $0.isPrivmsg(from: "schedbot", to: "alice") && $0.trailing == "line 1" }
        alice.send("KILL schedbot :testing a dropped link")
        try await alice.waitFor("the bot's link to drop") { $0.command == "QUIT" && $0.source?.nick == "schedbot" }
        try await alice.waitFor("the last line", timeout: .seconds(60)) {
            $0.isPrivmsg(from: "schedbot", to: "alice") && $0.trailing == "line 4"
        }

        #expect(Self.answers(in: alice.history, to: "alice") == ["line 1", "line 2", "line 3", "line 4"])
        #expect(handler.received.count == 1)
        await bot.stop()
    }
}
