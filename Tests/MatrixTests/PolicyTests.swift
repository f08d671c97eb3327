import SharedValues
import Conversation
import Foundation
import HTTP
import Testing
@testable import Matrix

@Suite struct InviterPolicyTests {
    @Test func defaultIsTheBotsOwnServer() {
        let policy = InviterPolicy(patterns: [], botUserID: "@bot:example.org")
        #expect(policy.allows("@ann:example.org"))
        #expect(policy.allows("@ann:EXAMPLE.org"))
        #expect(!policy.allows("@eve:evil.org"))
        #expect(!policy.allows("@eve:example.org.evil.org"))
    }

    @Test func exactIdsAndServerPatterns() {
        let policy = InviterPolicy(patterns: ["@ann:a.org", "*:b.org:8448", " "], botUserID: "@bot:c.org")
        #expect(policy.allows("@ann:a.org"))
        #expect(!policy.allows("@bob:a.org"))
        #expect(policy.allows("@bob:b.org:8448"))
        #expect(!policy.allows("@bob:b.org"))
        #expect(!policy.allows("@bot:c.org"))
        #expect(!policy.allows("not-a-user-id"))
    }
}

@Suite struct TransactionIDTests {
    @Test func derivedFromSourceAndIndex() {
        #expect(TransactionID.reply(to: "$abc_DEF-1", index: 0) == "sb.reply.~24abc_DEF-1.0")
        #expect(TransactionID.reply(to: "$x", index: 0) == TransactionID.reply(to: "$x", index: 0))
        #expect(TransactionID.reply(to: "$x", index: 0) != TransactionID.reply(to: "$x", index: 1))
        #expect(TransactionID.reply(to: "$x", index: 0) != TransactionID.reaction(to: "$x"))
    }

    @Test func escapingIsOneToOneAndPathSafe() {
        let ids = ["$a.b", "$a~2Eb", "$a/b", "$a:b", "$ä", "$a~b"]
        let derived = ids.map { TransactionID.reply(to: $0, index: 0) }
        #expect(Set(derived).count == ids.count)
        for txn in derived {
            #expect(txn.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.~".contains($0)) })
        }
    }
}

@Suite struct NoticeContentTests {
    @Test func userTextIsEscapedInHTML() {
        let content = NoticeContent.reply(Reply("Scheduled <b>gym</b> & \"run\" 'now'\nnext line"), to: nil)
        #expect(content["msgtype"] == "m.notice")
        #expect(content["body"]?.string == "Scheduled <b>gym</b> & \"run\" 'now'\nnext line")
        #expect(content["format"] == "org.matrix.custom.html")
        #expect(content["formatted_body"]?.string
            == "Scheduled &lt;b&gt;gym&lt;/b&gt; &amp; &quot;run&quot; &#39;now&#39;<br>next line")
        #expect(content["m.relates_to"] == nil)
    }

    @Test func preformattedGoesInPre() {
        let html = Reply("Mon  ##..\nTue  <>..", isPreformatted: true).html
        #expect(html == "<pre><code>Mon  ##..\nTue  &lt;&gt;..</code></pre>")
    }

    @Test func replyRelationMirrorsTheUsersMessage() {
        let plain = UserMessage(eventID: "$m", sender: "@a:x", text: "hi", threadRootID: nil)
        #expect(NoticeContent.reply(Reply("ok"), to: plain)["m.relates_to"] == ["m.in_reply_to": ["event_id": "$m"]])
        var threaded = plain
        threaded.threadRootID = "$root"
        #expect(NoticeContent.reply(Reply("ok"), to: threaded)["m.relates_to"]
            == ["rel_type": "m.thread", "event_id": "$root", "is_falling_back": true, "m.in_reply_to": ["event_id": "$m"]])
    }
}

@Suite struct BackoffTests {
    @Test func growsExponentiallyWithinJitterBoundsAndCaps() {
        let low = Backoff(base: .milliseconds(500), cap: .seconds(30), random: { 0 })
        let high = Backoff(base: .milliseconds(500), cap: .seconds(30), random: { 0.999_999 })
        #expect(low.delay(attempt: 0) == .milliseconds(250))
        #expect(low.delay(attempt: 1) == .milliseconds(500))
        #expect(low.delay(attempt: 3) == .seconds(2))
        #expect(high.delay(attempt: 3) > .milliseconds(3990) && high.delay(attempt: 3) <= .seconds(4))
        #expect(low.delay(attempt: 20) == .seconds(15))
        #expect(high.delay(attempt: 1000) <= .seconds(30))
    }

    @Test func retryHonoursRetryAfterAndStopsOnUnauthorized() async throws {
        let sleeps = SleepLog()
        let caller = RetryingCaller(backoff: Backoff(random: { 0 }), logger: .init(label: "test"),
                                    sleep: { await sleeps.record($0) })
        let attempts = SleepLog()
        let value = try await caller.run("op") { () async throws -> Int in
            let count = await attempts.bump()
            if count == 1 { throw MatrixError.rateLimited(retryAfter: .milliseconds(1234)) }
            if count == 2 { throw MatrixError.unavailable(detail: "502") }
            return 7
        }
        #expect(value == 7)
        #expect(await sleeps.durations == [.milliseconds(1284), .milliseconds(500)])
        await #expect(throws: MatrixError.unauthorized(errcode: "M_UNKNOWN_TOKEN", message: "x")) {
            try await caller.run("op") { () async throws -> Int in throw MatrixError.unauthorized(errcode: "M_UNKNOWN_TOKEN", message: "x") }
        }
    }

    @Test func interpretsHomeserverAnswers() {
        #expect(throws: MatrixError.rateLimited(retryAfter: .milliseconds(3544))) {
            try MatrixAPI.interpret(HTTPResponse(status: 429, body: Array(#"{"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":3544}"#.utf8)))
        }
        #expect(throws: MatrixError.rateLimited(retryAfter: .seconds(3))) {
            try MatrixAPI.interpret(HTTPResponse(status: 429, headers: ["Retry-After": "3"], body: []))
        }
        #expect(throws: MatrixError.unauthorized(errcode: "M_UNKNOWN_TOKEN", message: "Invalid token")) {
            try MatrixAPI.interpret(HTTPResponse(status: 401, body: Array(#"{"errcode":"M_UNKNOWN_TOKEN","error":"Invalid token"}"#.utf8)))
        }
        #expect(throws: MatrixError.unavailable(detail: "HTTP 502 ")) { try MatrixAPI.interpret(HTTPResponse(status: 502)) }
        #expect(throws: MatrixError.rejected(status: 403, errcode: "M_FORBIDDEN", message: "not in room")) {
            try MatrixAPI.interpret(HTTPResponse(status: 403, body: Array(#"{"errcode":"M_FORBIDDEN","error":"not in room"}"#.utf8)))
        }
        #expect(throws: MatrixError.malformedResponse("a 200 answer that is not JSON")) {
            try MatrixAPI.interpret(HTTPResponse(status: 200, body: Array("<html>".utf8)))
        }
    }
}

actor SleepLog {
    var durations: [Duration] = []
    var count = 0
    func record(_ duration: Duration) { durations.append(duration) }
    func bump() -> Int { count += 1; return count }
}
