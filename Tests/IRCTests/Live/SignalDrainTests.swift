import Foundation
import Testing
@testable import IRC
@testable import LiveIRC

/// The built bot, with its real engine, against a real ngIRCd, stopped by a real SIGTERM in the middle of a burst.
@Suite("IRC: SIGTERM drains the built bot", .timeLimit(.minutes(4)))
struct SignalDrainTests {
    static var executable: String {
        if let path = ProcessInfo.processInfo.environment["SCHEDULER_BOT_BINARY"] { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/scheduler-bot").path
    }

    @Test func aSIGTERMMidBurstSendsEveryAnswerInHandThenQuits() async throws {
        let server = try await NgircdServer(penalties: .disabled)
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("irc-drain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Paced at 2 lines a second, so most of the burst's answers are still queued when the signal comes.
        let config = """
            [storage]
            data_dir = "\(folder.path)"
            [irc]
            host = "127.0.0.1"
            port = \(server.port)
            nick = "schedbot"
            channels = ["#test"]
            flood_burst = 2
            flood_lines_per_second = 2
            """
        let configPath = folder.appendingPathComponent("bot.conf").path
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        let bot = Process()
        bot.executableURL = URL(fileURLWithPath: Self.executable)
        bot.arguments = ["run", "--config", configPath]
        bot.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SCHEDULER_BOT_") }
        let log = folder.appendingPathComponent("bot.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        bot.standardOutput = logHandle
        bot.standardError = logHandle
        try bot.run()
        defer { if bot.isRunning { bot.terminate() } }

        let alice = try await RawIRCClient.connect(port: server.port, nick: "alice")
        try await alice.join("#test")
        try await alice.waitUntilPresent("schedbot", in: "#test", timeout: .seconds(120))
        let zones = ["Europe/Berlin", "Europe/Paris", "Europe/Rome", "Europe/Madrid", "Europe/Vienna", "Europe/Oslo"]
        for zone in zones { alice.send("PRIVMSG schedbot :timezone \(zone)") }
        try await alice.waitFor("the first answer", timeout: .seconds(60)) { $0.isPrivmsg(from: "schedbot", to: "alice") }
        kill(bot.processIdentifier, SIGTERM)
        let signalled = ContinuousClock.now
        let quit = try await alice.waitFor("the bot's QUIT", timeout: .seconds(60)) { $0.command == "QUIT" && $0.source?.nick == "schedbot" }

        let answers = alice.history.filter { $0.message.isPrivmsg(from: "schedbot", to: "alice") }
        let confirmations = answers.compactMap(\.message.trailing).filter { $0.hasPrefix("Time zone set to ") }
        #expect(confirmations.map { $0.dropFirst("Time zone set to ".count).prefix { $0 != "." } }.map(String.init) == zones,
                "log:\n\((try? String(contentsOf: log, encoding: .utf8))?.suffix(2000) ?? "")")
        #expect(answers.allSatisfy { $0.at < quit.at })
        let deadline = ContinuousClock.now + .seconds(30)
        while bot.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!bot.isRunning, "the bot exits after its QUIT")
        #expect(bot.terminationStatus == 0)
        print("SIGTERM to QUIT \(signalled.duration(to: quit.at)), to exit \(signalled.duration(to: .now)); answers after the signal: \(answers.filter { $0.at > signalled }.count) of \(answers.count)")
    }
}
