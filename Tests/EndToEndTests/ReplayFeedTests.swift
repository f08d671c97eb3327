import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `replay` with `[http] listen`: a tool drives a conversation and fetches its feed from the same process.
@Suite struct ReplayFeedTests {
    func get(_ url: String) async throws -> (status: Int, body: String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// The port the listener reports on stderr (port 0 in the config picks a free one).
    func listenerPort(_ bot: BotProcess) throws -> Int {
        var seen = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let chunk = bot.errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: #"HTTP listener on 127\.0\.0\.1:(\d+)"#, options: .regularExpression),
               let port = Int(seen[range].split(separator: ":").last ?? "") { return port }
        }
        throw ReplayFeedFailure(reason: "no listener port on stderr: \(seen)")
    }

    @Test func aScriptedConversationsFeedIsServedByTheSameProcess() async throws {
        let bot = try BotProcess(["replay"], environment: ["SCHEDULER_BOT_HTTP_LISTEN": "127.0.0.1:0",
                                                           "SCHEDULER_BOT_HTTP_PUBLIC_URL": "https://feeds.example.org"])
        defer { _ = bot.finish() }
        let port = try listenerPort(bot)
        bot.send(#"{"user":"@alice:example.org","text":"schedule deep coding tomorrow at 10 for 2h","at":"2026-11-23T08:00:00Z"}"#)
        _ = try #require(bot.readLine(timeout: 20))
        bot.send(#"{"user":"@alice:example.org","text":"calendar feed","at":"2026-11-23T08:01:00Z"}"#)
        let line = try #require(bot.readLine(timeout: 20))
        let reply = try #require((json(line)?["replies"] as? [String])?.first)
        let match = try #require(reply.range(of: #"https://feeds\.example\.org/ics/[A-Za-z0-9_-]{32}\.ics"#, options: .regularExpression), "\(reply)")
        let path = String(reply[match].dropFirst("https://feeds.example.org".count))

        let feed = try await get("http://127.0.0.1:\(port)\(path)")
        #expect(feed.status == 200)
        #expect(feed.body.contains("SUMMARY:Deep Coding") && feed.body.hasPrefix("BEGIN:VCALENDAR\r\n"), "\(feed.body.prefix(400))")
        #expect(try await get("http://127.0.0.1:\(port)/ics/\(String(repeating: "x", count: 32)).ics").status == 404)
        #expect(try await get("http://127.0.0.1:\(port)/healthz").status == 200)
        let metrics = try await get("http://127.0.0.1:\(port)/metrics")
        #expect(metrics.body.contains("scheduler_bot_messages_total{intent=\"calendar\",route=\"command\"} 1"), "\(metrics.body.prefix(1500))")
    }
}

struct ReplayFeedFailure: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
