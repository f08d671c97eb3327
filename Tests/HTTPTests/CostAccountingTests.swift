import Foundation
import LLM
import Testing

@Suite struct PriceTableTests {
    let prices = PriceTable.defaults.merging(["llama3": ModelPrice(promptPerMillion: 1, completionPerMillion: 2)])

    @Test func costCountsCachedTokensAtTheCachedRate() throws {
        let price = ModelPrice(promptPerMillion: 2, completionPerMillion: 8, cachedPerMillion: 0.5)
        let usage = TokenUsage(promptTokens: 1_000_000, completionTokens: 500_000, cachedTokens: 400_000)
        // 600k uncached at 2, 400k cached at 0.5, 500k completion at 8.
        #expect(price.cost(of: usage) == 1.2 + 0.2 + 4.0)
    }

    @Test func cachedRateDefaultsToThePromptRate() {
        #expect(ModelPrice(promptPerMillion: 3, completionPerMillion: 4).cachedPerMillion == 3)
    }

    @Test(arguments: [
        ("gpt-4o-mini-2024-07-18", "gpt-4o-mini"),
        ("gpt-4o-2024-08-06", "gpt-4o"),
        ("llama3:8b", "llama3"),
        ("gpt-4o", "gpt-4o"),
    ])
    func variantsUseTheirLongestListedPrefix(model: String, listed: String) {
        #expect(prices.price(for: model) == prices.prices[listed])
    }

    @Test(arguments: ["gpt-4oX", "mistral", "gpt"])
    func unknownModelsHaveNoPrice(model: String) {
        #expect(prices.price(for: model) == nil)
        #expect(prices.cost(of: TokenUsage(promptTokens: 10, completionTokens: 10), model: model) == nil)
    }
}

@Suite struct UserHasherTests {
    @Test func pseudonymIsStableHexAndHidesTheId() {
        let hasher = UserHasher(salt: "s3cret")
        let name = hasher.pseudonym(for: "@alice:example.org")
        #expect(name == UserHasher(salt: "s3cret").pseudonym(for: "@alice:example.org"))
        #expect(name.count == 17 && name.hasPrefix("u"))
        let digits = name.dropFirst()
        #expect(digits.allSatisfy { $0.isHexDigit })
        #expect(!name.contains("alice"))
    }

    @Test func saltAndIdBothChangeThePseudonym() {
        let base = UserHasher(salt: "a").pseudonym(for: "alice")
        #expect(UserHasher(salt: "b").pseudonym(for: "alice") != base)
        #expect(UserHasher(salt: "a").pseudonym(for: "alicf") != base)
        // The separator keeps salt and id apart: ("ab", "c") is not ("a", "bc").
        #expect(UserHasher(salt: "ab").pseudonym(for: "c") != UserHasher(salt: "a").pseudonym(for: "bc"))
    }
}

/// A sink that always fails, to show a broken cost store never costs the user a reply.
struct FailingSink: CostRecordSink {
    struct Broken: Error {}
    func append(_ record: CostRecord) async throws { throw Broken() }
}

/// A provider that answers or fails as told, for metering tests that need no network.
struct ScriptedProvider: LLMProvider {
    var result: Result<ChatCompletion, LLMError>
    func complete(_ request: ChatRequest) async throws(LLMError) -> ChatCompletion { try result.get() }
    func embed(_ request: EmbeddingRequest) async throws(LLMError) -> Embeddings { throw .notConfigured("scripted") }
}

@Suite struct MeteredLLMTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costs-\(UUID().uuidString)")
    let fixedTime = Date(timeIntervalSince1970: 1_795_000_000)
    let request = ChatRequest(model: "gpt-4o-mini", messages: [.system("Coach."), .user("how do I stop procrastinating?")])
    let context = LLMCallContext(userID: "@bob:example.org", route: .completions, messageType: "deep_coaching")

    private func readLines(_ path: String) throws -> [CostRecord] {
        let decoder = JSONDecoder()
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            .map { try decoder.decode(CostRecord.self, from: Data($0.utf8)) }
    }

    private func metered(_ provider: any LLMProvider, sinks: [any CostRecordSink]) -> MeteredLLM {
        let time = fixedTime
        return MeteredLLM(provider: provider, sinks: sinks, hasher: UserHasher(salt: "t"), now: { time })
    }

    @Test func successfulCallIsPricedAndLogged() async throws {
        let path = directory.appendingPathComponent("nested/cost.jsonl").path
        let usage = TokenUsage(promptTokens: 42, completionTokens: 7, cachedTokens: 10)
        let provider = ScriptedProvider(result: .success(ChatCompletion(text: "Start with 5 minutes.", usage: usage, model: "gpt-4o-mini")))
        let reply = await metered(provider, sinks: [CostLedger(path: path)]).chat(request, context: context)
        #expect(reply.text == "Start with 5 minutes.")
        #expect(!reply.isFallback)
        let records = try readLines(path)
        #expect(records == [reply.record])
        let record = try #require(records.first)
        #expect(record.user == UserHasher(salt: "t").pseudonym(for: "@bob:example.org"))
        #expect(record.costUSD == PriceTable.defaults.cost(of: usage, model: "gpt-4o-mini"))
        #expect(record.costUSD > 0)
        #expect(record.route == .completions && record.messageType == "deep_coaching")
        #expect(record.outcome == .ok && record.time == fixedTime)
    }

    @Test func logLinesUseTheDocumentedKeysAndNoRawUserId() async throws {
        let path = directory.appendingPathComponent("cost.jsonl").path
        let provider = ScriptedProvider(result: .success(ChatCompletion(text: "ok", usage: .zero, model: "gpt-4o-mini")))
        _ = await metered(provider, sinks: [CostLedger(path: path)]).chat(request, context: context)
        let line = try String(contentsOfFile: path, encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["time", "user", "route", "message_type", "model", "prompt_tokens", "completion_tokens",
                                     "cached_tokens", "estimated", "cost_usd", "latency_ms", "outcome"])
        #expect(object["time"] as? String == "2026-11-18T11:06:40.000Z")
        #expect(!line.contains("bob"))
    }

    @Test(arguments: [(LLMError.timedOut, CallOutcome.timeout), (.serverError(status: 503, message: "x"), .error)])
    func failureGivesFallbackTextAndAFreeRow(error: LLMError, outcome: CallOutcome) async throws {
        let path = directory.appendingPathComponent("cost.jsonl").path
        let reply = await metered(ScriptedProvider(result: .failure(error)), sinks: [CostLedger(path: path)]).chat(request, context: context)
        #expect(reply.failure == error)
        #expect(reply.text == FallbackReply.text(for: error))
        let records = try readLines(path)
        #expect(records.map(\.outcome) == [outcome])
        #expect(records.map(\.costUSD) == [0])
    }

    @Test func skippedCallRecordsWhatItWouldHaveCost() async throws {
        let path = directory.appendingPathComponent("cost.jsonl").path
        let llm = metered(ScriptedProvider(result: .failure(.notConfigured("unused"))), sinks: [CostLedger(path: path)])
        let record = await llm.recordSkippedCall(request, context: context, outcome: .cached)
        #expect(record.promptTokens == TokenEstimator.promptTokens(for: request))
        #expect(record.estimated && record.costUSD == 0 && record.outcome == .cached)
        #expect(try readLines(path) == [record])
    }

    @Test func brokenSinkDoesNotLoseTheReply() async {
        let provider = ScriptedProvider(result: .success(ChatCompletion(text: "still here", usage: .zero, model: "gpt-4o-mini")))
        let reply = await metered(provider, sinks: [FailingSink()]).chat(request, context: context)
        #expect(reply.text == "still here")
    }

    @Test func concurrentAppendsKeepEveryLineWhole() async throws {
        let path = directory.appendingPathComponent("cost.jsonl").path
        let ledger = CostLedger(path: path)
        let provider = ScriptedProvider(result: .success(ChatCompletion(text: "ok", usage: .zero, model: "gpt-4o")))
        let llm = metered(provider, sinks: [ledger])
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                let context = LLMCallContext(userID: "user\(index)", route: .assistant, messageType: "other")
                group.addTask { _ = await llm.chat(request, context: context) }
            }
        }
        let users = Set(try readLines(path).map(\.user))
        #expect(users.count == 50)
    }

    @Test func unwritableLogIsATypedError() async {
        let ledger = CostLedger(path: "/proc/definitely/not/here.jsonl")
        let record = CostRecord(time: fixedTime, user: "u", route: .other("r"), messageType: "t", model: "m", usage: .zero,
                                costUSD: 0, latencyMs: 0, outcome: .ok)
        await #expect(throws: CostLedgerError.self) { try await ledger.append(record) }
    }
}

@Suite struct CostRouteTests {
    private func reencoded(_ line: String) throws -> String {
        let record = try JSONDecoder().decode(CostRecord.self, from: Data(line.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(record), as: UTF8.self)
    }

    @Test func everyRouteAndOneFromAnotherVersionReadAndWriteBackUnchanged() throws {
        for name in CostRoute.allCases.map(\.rawValue) + ["chat_v0"] {
            let line = #"{"cached_tokens":0,"completion_tokens":3,"cost_usd":0.5,"estimated":false,"latency_ms":7,"message_type":"other","model":"m","outcome":"ok","prompt_tokens":2,"route":"\#(name)","time":"2026-11-20T08:00:00.000Z","user":"u"}"#
            #expect(try reencoded(line) == line)
            let record = try JSONDecoder().decode(CostRecord.self, from: Data(line.utf8))
            #expect(record.route.rawValue == name)
        }
        #expect(CostRoute(rawValue: "assistant") == .assistant)
        #expect(CostRoute(rawValue: "chat_v0") == .other("chat_v0"))
        #expect(CostRoute.other("chat_v0").isChatMessage, "a report over another version's log counts its messages")
    }
}
