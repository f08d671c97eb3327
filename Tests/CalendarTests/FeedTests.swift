import Conversation
import Foundation
import HTTP
import Metrics
import Prometheus
import Testing
import WebFace

/// One Prometheus registry for the test process (swift-metrics is bootstrapped once per process).
enum TestMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}

extension CalendarHarness {
    func feedToken(_ who: String, at date: Date, reset: Bool = false) async throws -> String {
        let reply = await say(reset ? "calendar feed reset" : "calendar feed", at: date, as: who)
        let text = try #require(reply.replies.first?.text)
        let range = try #require(text.range(of: #"/ics/[A-Za-z0-9_-]{32}\.ics"#, options: .regularExpression), "\(text)")
        return String(text[range].dropFirst(5).dropLast(4))
    }
}

/// icalendar (PyPI) reads a feed the way calendar apps do.
func icalendarRead(_ ics: String) throws -> [[String: Any]] {
    let python = try LoopbackPeers.setUpPython()
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).ics")
    try Data(ics.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [LoopbackPeers.root.appendingPathComponent("Tests/ICSTests/peers/peer.py").path, "feed", file.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw PeerFailure(reason: "icalendar could not read the feed") }
    return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
    }
}

@Suite(.serialized) struct FeedTests {
    let bob = "@bob:example.org"

    @Test func eachUserSeesOnlyTheirOwnEventsAndAResetRevokesTheOldAddress() async throws {
        let h = try CalendarHarness(feedBaseURL: "https://bot.example.org/")
        _ = await h.say("timezone Europe/Berlin", at: h.at(23, 7))
        _ = await h.say("schedule deep work tomorrow for 2h", at: h.at(23, 7, 1))
        _ = await h.say("gym every weekday at 7", at: h.at(23, 7, 2))
        _ = await h.say("schedule tax return wednesday for 1h", at: h.at(23, 7, 3), as: bob)
        let alice = try await h.feedToken(h.user, at: h.at(23, 8))
        let bobs = try await h.feedToken(bob, at: h.at(23, 8))
        #expect(alice != bobs)
        #expect(try await h.feedToken(h.user, at: h.at(23, 8, 1)) == alice, "asking again keeps the address")

        let aliceFeed = try #require(await h.engine.calendarFeed(token: alice, now: h.at(23, 9)))
        let bobFeed = try #require(await h.engine.calendarFeed(token: bobs, now: h.at(23, 9)))
        #expect(aliceFeed.body.contains("Deep Work") && !aliceFeed.body.contains("Tax Return"))
        #expect(bobFeed.body.contains("Tax Return") && !bobFeed.body.contains("Deep Work") && !bobFeed.body.contains("Gym"))

        // Habits are single occurrences with their own UIDs, which icalendar reads in Berlin time.
        let read = try icalendarRead(aliceFeed.body)
        let gyms = read.filter { ($0["summary"] as? String) == "Gym" }
        #expect(gyms.count >= 4)
        #expect(Set(gyms.compactMap { $0["uid"] as? String }).count == gyms.count)
        #expect(read.allSatisfy { ($0["tzid"] as? String) == "Europe/Berlin" && ($0["aware"] as? Bool) == true && ($0["stamp"] as? Bool) == true })
        #expect(!aliceFeed.body.contains("RRULE"))

        let fresh = try await h.feedToken(h.user, at: h.at(23, 10), reset: true)
        #expect(fresh != alice)
        #expect(await h.engine.calendarFeed(token: alice, now: h.at(23, 10)) == nil)
        #expect(await h.engine.calendarFeed(token: fresh, now: h.at(23, 10))?.body == aliceFeed.body)
    }

    @Test func anIRCChannelNeverSeesTheFeedAddress() async throws {
        let h = try CalendarHarness(feedBaseURL: "https://bot.example.org")
        let inChannel = await h.engine.handle(InboundMessage(network: .irc, userID: "irc:alice", roomID: "#team", text: "calendar feed",
                                                             receivedAt: h.at(23, 8)))
        #expect(inChannel.replies.first?.text.contains("/ics/") == false)
        #expect(inChannel.replies.first?.text.contains("private message") == true)
        let inPrivate = await h.engine.handle(InboundMessage(network: .irc, userID: "irc:alice", roomID: "alice", text: "calendar feed",
                                                             receivedAt: h.at(23, 8)))
        #expect(inPrivate.replies.first?.text.contains("https://bot.example.org/ics/") == true)
    }

    @Test func aMoveBumpsSequenceAndCancellingPublishesCancelled() async throws {
        let h = try CalendarHarness(feedBaseURL: "http://127.0.0.1:8080")
        _ = await h.say("schedule review tomorrow at 15:00 for 1h", at: h.at(23, 7))
        let token = try await h.feedToken(h.user, at: h.at(23, 7, 1))
        let before = try #require(await h.engine.calendarFeed(token: token, now: h.at(23, 8)))
        _ = await h.say("move review to tomorrow at 16:00", at: h.at(23, 7, 2))
        let moved = try #require(await h.engine.calendarFeed(token: token, now: h.at(23, 8)))
        _ = await h.say("cancel review", at: h.at(23, 7, 3))
        let cancelled = try #require(await h.engine.calendarFeed(token: token, now: h.at(23, 8)))
        let rows = try [before, moved, cancelled].map { try icalendarRead($0.body).first { ($0["summary"] as? String) == "Review" } }
        #expect(rows.map { $0?["sequence"] as? Int } == [0, 1, 2])
        #expect(rows.map { $0?["status"] as? String } == ["CONFIRMED", "CONFIRMED", "CANCELLED"])
        #expect(Set(rows.map { $0?["uid"] as? String }).count == 1)
        #expect(Set([before.etag, moved.etag, cancelled.etag]).count == 3)
    }

    @Test func theListenerServesFeedsConditionallyAndRevealsNothingAboutTokens() async throws {
        let registry = TestMetrics.registry
        let h = try CalendarHarness(feedBaseURL: "http://127.0.0.1:8080")
        _ = await h.say("schedule review tomorrow at 15:00 for 1h", at: h.at(23, 7))
        let token = try await h.feedToken(h.user, at: h.at(23, 7, 1))
        let failing = ProblemSwitch()
        let routes = WebRoutes(feeds: h.engine, health: { await failing.problems() }, metrics: { registry.emitToBuffer() },
                               clock: { h.at(23, 8) })
        let listener = try WebListener(listen: "127.0.0.1:0", routes: routes)
        let port = try await listener.start()
        defer { Task { await listener.stop() } }
        let base = "http://127.0.0.1:\(port)"
        let client = CurlHTTPClient()

        let first = try await client.send(HTTPRequest(url: "\(base)/ics/\(token).ics"))
        #expect(first.status == 200)
        #expect(first.headers["Content-Type"]?.hasPrefix("text/calendar") == true)
        let etag = try #require(first.headers["ETag"])
        #expect(first.headers["Last-Modified"]?.hasSuffix("GMT") == true)
        let again = try await client.send(HTTPRequest(url: "\(base)/ics/\(token).ics", headers: ["If-None-Match": etag]))
        #expect(again.status == 304 && again.body.isEmpty)

        let unknown = try await client.send(HTTPRequest(url: "\(base)/ics/\(String(repeating: "A", count: 32)).ics"))
        let nonsense = try await client.send(HTTPRequest(url: "\(base)/nothing-here"))
        #expect(unknown.status == 404 && unknown.body == nonsense.body)
        _ = await h.say("calendar feed reset", at: h.at(23, 7, 2))
        #expect(try await client.send(HTTPRequest(url: "\(base)/ics/\(token).ics")).status == 404)

        #expect(try await client.send(HTTPRequest(url: "\(base)/healthz")).status == 200)
        await failing.set(["irc: irc.example.org:6667 refuses connections"])
        let down = try await client.send(HTTPRequest(url: "\(base)/healthz"))
        #expect(down.status == 503)
        #expect(String(decoding: down.body, as: UTF8.self).contains("irc.example.org:6667 refuses connections"))

        let metrics = String(decoding: try await client.send(HTTPRequest(url: "\(base)/metrics")).body, as: UTF8.self)
        #expect(metrics.contains("scheduler_bot_messages_total{intent=\"calendar\",route=\"command\"}"), "\(metrics.prefix(2000))")
        #expect(metrics.contains("scheduler_bot_reply_seconds_bucket"))
    }
}

actor ProblemSwitch {
    private var current: [String] = []
    func problems() -> [String] { current }
    func set(_ problems: [String]) { current = problems }
}
