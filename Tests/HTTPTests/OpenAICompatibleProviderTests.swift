import SharedValues
import Foundation
import HTTP
import LLM
import Testing

@Suite("OpenAI-compatible provider against the fake server")
struct OpenAICompatibleProviderTests {
    let server: FakeServer
    let http = CurlHTTPClient(maxResponseBytes: 1 << 20)
    let fastRetries = RetryPolicy(maxRetries: 2, baseDelay: .milliseconds(10), maxDelay: .seconds(5))

    init() throws { server = try FakeServer.running() }

    private func provider(
        _ base: String, key: String = "test-key", retry: RetryPolicy? = nil, timeout: Duration = .seconds(5),
        logs: LogCapture = LogCapture()
    ) -> OpenAICompatibleProvider {
        OpenAICompatibleProvider(
            endpoint: .init(baseURL: base, apiKey: APIKey(key), timeout: timeout),
            retry: retry ?? fastRetries, http: http, logger: logs.logger())
    }

    private func calls(_ id: String) async throws -> Int {
        try #require(Int(try await http.send(HTTPRequest(url: "\(server.baseURL)/calls/\(id)")).text))
    }

    private let request = ChatRequest(
        model: "gpt-4o-mini",
        messages: [.system("You are a terse coach."), .user("hello there")],
        maxTokens: 50, temperature: 0.2)

    private func expectFailure(_ expected: LLMError, from provider: OpenAICompatibleProvider) async {
        do {
            let answer = try await provider.complete(request)
            Issue.record("expected \(expected), got \(answer)")
        } catch {
            #expect(error == expected)
        }
    }

    @Test func chatSendsTheWireFormatAndReadsUsage() async throws {
        let (base, id) = server.apiBase("ok")
        let answer = try await provider(base).complete(request)
        #expect(answer.text == "echo: hello there")
        #expect(answer.usage == TokenUsage(promptTokens: 42, completionTokens: 7, cachedTokens: 10))
        #expect(answer.model == "gpt-4o-mini")
        #expect(answer.toolCalls.isEmpty)
        #expect(try await calls(id) == 1)
    }

    @Test func missingUsageIsEstimatedAndMarked() async throws {
        let answer = try await provider(server.apiBase("no-usage").url).complete(request)
        #expect(answer.usage.estimated)
        #expect(answer.usage.promptTokens == TokenEstimator.promptTokens(for: request))
        #expect(answer.usage.completionTokens == TokenEstimator.tokens(in: "echo: hello there"))
    }

    @Test func toolsAreSentAndToolCallsRead() async throws {
        var withTools = request
        withTools.tools = [ToolDefinition(name: "schedule", description: "Put a task on the calendar.",
                                          parameters: .object(["type": .string("object")]))]
        let answer = try await provider(server.apiBase("ok").url).complete(withTools)
        #expect(answer.toolCalls == [ToolCall(id: "call_1", name: "schedule", arguments: "{\"ok\":true}")])
        #expect(answer.text.isEmpty)
    }

    @Test func rateLimitWaitsForRetryAfterThenSucceeds() async throws {
        let (base, id) = server.apiBase("rate-limit-once")
        let started = ContinuousClock.now
        let answer = try await provider(base).complete(request)
        #expect(answer.text == "echo: hello there")
        #expect(ContinuousClock.now - started >= .seconds(1), "Retry-After: 1 must be honoured")
        #expect(try await calls(id) == 2)
    }

    @Test func retryAfterBeyondTheCapFailsAtOnce() async throws {
        let (base, id) = server.apiBase("rate-limit-long")
        await expectFailure(.rateLimited(retryAfter: .seconds(3600)), from: provider(base))
        #expect(try await calls(id) == 1)
    }

    @Test func serverErrorIsRetried() async throws {
        let (base, id) = server.apiBase("fail-once")
        #expect(try await provider(base).complete(request).text == "echo: hello there")
        #expect(try await calls(id) == 2)
    }

    @Test func retriesAreBounded() async throws {
        let (base, id) = server.apiBase("always-500")
        await expectFailure(.serverError(status: 500, message: "internal"), from: provider(base))
        #expect(try await calls(id) == 1 + fastRetries.maxRetries)
    }

    @Test func slowAnswerTimesOutWithoutRetry() async throws {
        let (base, id) = server.apiBase("slow")
        await expectFailure(.timedOut, from: provider(base, timeout: .milliseconds(300)))
        #expect(try await calls(id) == 1)
    }

    @Test func garbageBecomesATypedError() async throws {
        do {
            _ = try await provider(server.apiBase("garbage").url).complete(request)
            Issue.record("garbage was accepted")
        } catch {
            guard case .invalidResponse(let reason) = error else { Issue.record("got \(error)"); return }
            #expect(reason.contains("<html>surprise, not JSON</html>"))
        }
    }

    @Test func answerWithoutChoicesIsInvalid() async throws {
        await expectFailure(.invalidResponse("no choices in the answer"), from: provider(server.apiBase("wrong-shape").url))
    }

    @Test func hugeAnswerIsCutOff() async throws {
        await expectFailure(.invalidResponse("answer larger than \(1 << 20) bytes"), from: provider(server.apiBase("huge").url))
    }

    @Test func wrongKeyIsRejectedWithoutRetry() async throws {
        let (base, id) = server.apiBase("ok")
        await expectFailure(.rejected(status: 401, message: "missing or wrong bearer token"), from: provider(base, key: "nope"))
        #expect(try await calls(id) == 1)
    }

    @Test func apiKeyNeverReachesErrorsOrLogs() async throws {
        let secret = "test-key"
        let logs = LogCapture()
        let llm = MeteredLLM(provider: provider(server.apiBase("auth-echo-401").url, key: secret, logs: logs),
                             sinks: [], logger: logs.logger())
        let reply = await llm.chat(request, context: LLMCallContext(userID: "alice", route: .assistant, messageType: "other"))
        let failure = try #require(reply.failure)
        #expect(failure == .rejected(status: 401, message: "bad key: Bearer [redacted]"))
        #expect(!reply.text.contains(secret))
        #expect(!logs.all.isEmpty)
        #expect(logs.all.allSatisfy { !$0.contains(secret) })
        #expect("\(APIKey(secret) as Any)".contains(secret) == false)
    }

    @Test func unreachableEndpointIsTyped() async throws {
        let port = try await http.send(HTTPRequest(url: "\(server.baseURL)/free-port")).text
        do {
            _ = try await provider("http://127.0.0.1:\(port)/v1").complete(request)
            Issue.record("nothing listens there")
        } catch {
            guard case .unreachable = error else { Issue.record("got \(error)"); return }
        }
    }

    @Test func cancellationStopsTheCall() async throws {
        let slow = provider(server.apiBase("slow").url)
        let request = self.request
        let call = Task { try await slow.complete(request) }
        try await Task.sleep(for: .milliseconds(200))
        call.cancel()
        switch await call.result {
        case .success: Issue.record("a cancelled call answered")
        case .failure(let error): #expect(error as? LLMError == .cancelled)
        }
    }

    @Test func embeddingsComeBackInInputOrder() async throws {
        let texts = ["deep work", "gym", "write thesis chapter"]
        let result = try await provider(server.apiBase("ok").url).embed(EmbeddingRequest(model: "text-embedding-3-small", inputs: texts))
        #expect(result.vectors.map { $0[1] } == [0, 1, 2])
        #expect(result.vectors.map { Int($0[0]) } == texts.map(\.count))
        #expect(result.usage == TokenUsage(promptTokens: 15, completionTokens: 0))
    }
}
