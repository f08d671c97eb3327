import Foundation
import HTTP
import Testing

@Suite("CurlHTTPClient against a loopback server")
struct CurlHTTPClientTests {
    let server: FakeServer
    let client = CurlHTTPClient(maxResponseBytes: 1 << 20)

    init() throws { server = try FakeServer.running() }

    private func echo(_ request: HTTPRequest) async throws -> [String: Any] {
        let response = try await client.send(request)
        #expect(response.status == 200)
        let object = try JSONSerialization.jsonObject(with: Data(response.body))
        return try #require(object as? [String: Any])
    }

    @Test func getSendsHeadersAndReadsResponseHeaders() async throws {
        let response = try await client.send(HTTPRequest(url: "\(server.baseURL)/echo", headers: ["X-Custom": "feasibility-42"]))
        #expect(response.status == 200)
        #expect(response.headers["x-echo"] == "yes")
        #expect(response.headers["X-MULTI"] == "one")
        let echoed = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(echoed["method"] as? String == "GET")
        #expect((echoed["headers"] as? [String: String])?["x-custom"] == "feasibility-42")
    }

    @Test(arguments: [HTTPMethod.post, .put, .delete])
    func methodsCarryTheirBody(method: HTTPMethod) async throws {
        let body = Array("{\"n\": 42, \"text\": \"h\u{e9}llo\"}".utf8)
        let echoed = try await echo(HTTPRequest(method: method, url: "\(server.baseURL)/echo",
                                                headers: ["Content-Type": "application/json"], body: body))
        #expect(echoed["method"] as? String == method.rawValue)
        #expect(echoed["body"] as? String == String(decoding: body, as: UTF8.self))
        #expect((echoed["headers"] as? [String: String])?["content-type"] == "application/json")
    }

    @Test func largeBodyIsSentWithoutExpectContinue() async throws {
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
        let echoed = try await echo(HTTPRequest(method: .post, url: "\(server.baseURL)/echo", body: body))
        #expect((echoed["body"] as? String)?.utf8.count == body.count)
        #expect((echoed["headers"] as? [String: String])?["expect"] == nil)
    }

    @Test func errorStatusesAreResponsesWithRetryAfter() async throws {
        let response = try await client.send(HTTPRequest(url: "\(server.baseURL)/status/429?retry_after=7"))
        #expect(response.status == 429)
        #expect(!response.isSuccess)
        #expect(response.retryAfter() == .seconds(7))
    }

    @Test func slowServerTimesOut() async throws {
        let request = HTTPRequest(url: "\(server.baseURL)/hold?s=5", timeout: .milliseconds(300))
        await #expect {
            try await client.send(request)
        } throws: { error in
            if case .timedOut = error as? HTTPClientError { return true }
            return false
        }
    }

    @Test func refusedConnectionIsTyped() async throws {
        let freePort = try await client.send(HTTPRequest(url: "\(server.baseURL)/free-port")).text
        await #expect {
            try await client.send(HTTPRequest(url: "http://127.0.0.1:\(freePort)/"))
        } throws: { error in
            if case .cannotConnect = error as? HTTPClientError { return true }
            return false
        }
    }

    @Test(arguments: ["huge", "huge-declared"])
    func oversizedBodyIsCutOff(route: String) async throws {
        await #expect(throws: HTTPClientError.responseTooLarge(limit: 1 << 20)) {
            try await client.send(HTTPRequest(url: "\(server.baseURL)/\(route)?mb=4"))
        }
    }

    @Test func bodyAtTheCapIsAccepted() async throws {
        let response = try await client.send(HTTPRequest(url: "\(server.baseURL)/huge-declared?mb=1"))
        #expect(response.body.count == 1 << 20)
    }

    @Test func headerInjectionIsRefused() async throws {
        await #expect(throws: HTTPClientError.invalidHeader(name: "X-Bad")) {
            try await client.send(HTTPRequest(url: "\(server.baseURL)/echo", headers: ["X-Bad": "a\r\nX-Evil: 1"]))
        }
    }

    @Test func nonHTTPSchemesAreRefused() async throws {
        await #expect(throws: HTTPClientError.invalidURL("file:///etc/passwd")) {
            try await client.send(HTTPRequest(url: "file:///etc/passwd"))
        }
    }

    @Test func credentialsArePrintedRedacted() {
        let request = HTTPRequest(url: "\(server.baseURL)/echo", headers: ["Authorization": "Bearer s3cret", "X-Trace": "7"])
        #expect(!"\(request)".contains("s3cret"))
        #expect("\(request.headers)" == "[Authorization: [redacted], X-Trace: 7]")
    }

    @Test func invalidURLErrorOmitsTheQuery() async {
        await #expect(throws: HTTPClientError.invalidURL("gopher://example.org/x")) {
            try await client.send(HTTPRequest(url: "gopher://example.org/x?access_token=s3cret"))
        }
    }

    @Test func cancellingTheTaskStopsALongPoll() async throws {
        let request = HTTPRequest(url: "\(server.baseURL)/hold?s=10", timeout: .seconds(20))
        let client = self.client
        let poll = Task { try await client.send(request) }
        try await Task.sleep(for: .milliseconds(200))
        poll.cancel()
        await #expect(throws: HTTPClientError.cancelled) { try await poll.value }
    }

    @Test func alreadyCancelledTaskSendsNothing() async throws {
        let client = self.client
        let url = "\(server.baseURL)/hold?s=10"
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.send(HTTPRequest(url: url))
        }
        await #expect(throws: HTTPClientError.cancelled) { try await task.value }
    }

    /// Each request waits at the server until all have arrived, so this passes only if the
    /// requests are truly in flight together (more of them than cooperative threads).
    @Test func concurrentBlockingRequestsRunTogether() async throws {
        let count = 6
        let url = "\(server.baseURL)/barrier/\(UUID().uuidString)?n=\(count)"
        let client = self.client
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<count {
                group.addTask { try await client.send(HTTPRequest(url: url, timeout: .seconds(10))).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: count))
    }
}

@Suite struct RetryAfterParsingTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func parsesDelaySeconds() {
        #expect(RetryAfter.parse("120", now: now) == .seconds(120))
        #expect(RetryAfter.parse(" 0 ", now: now) == .seconds(0))
    }

    @Test func parsesHTTPDateRelativeToNow() {
        // 1_700_000_000 is Tue, 14 Nov 2023 22:13:20 GMT.
        #expect(RetryAfter.parse("Tue, 14 Nov 2023 22:13:50 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.parse("Tue, 14 Nov 2023 22:00:00 GMT", now: now) == .zero)
    }

    @Test(arguments: ["soon", "-5", "", "12abc"])
    func rejectsGarbage(value: String) {
        #expect(RetryAfter.parse(value, now: now) == nil)
    }
}
