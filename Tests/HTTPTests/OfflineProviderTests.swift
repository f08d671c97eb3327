import Foundation
import LLM
import Testing

@Suite struct OfflineProviderTests {
    static let replies = """
        # comment
        default: Default one.
        default: Default two.

        greeting: Hi there!
        deep_coaching: Tell me more about {topic}.
        """

    let provider: OfflineProvider

    init() throws {
        provider = OfflineProvider(book: try OfflineReplyBook(contents: Self.replies, file: "test.txt"))
    }

    private func ask(_ text: String, purpose: String?, maxTokens: Int = 100) async throws -> ChatCompletion {
        try await provider.complete(ChatRequest(model: "gpt-4o", messages: [.system("Coach."), .user(text)],
                                                maxTokens: maxTokens, purpose: purpose))
    }

    @Test func repliesAreDeterministic() async throws {
        for text in ["one", "two", "three", "a longer message about the week"] {
            let first = try await ask(text, purpose: nil).text
            #expect(try await ask(text, purpose: nil).text == first)
            #expect(["Default one.", "Default two."].contains(first))
        }
    }

    @Test func rotationUsesEveryReply() async throws {
        var seen = Set<String>()
        for index in 0..<20 { seen.insert(try await ask("message \(index)", purpose: "default").text) }
        #expect(seen == ["Default one.", "Default two."])
    }

    @Test func purposePicksItsSectionAndUnknownFallsBack() async throws {
        #expect(try await ask("hey", purpose: "greeting").text == "Hi there!")
        #expect(["Default one.", "Default two."].contains(try await ask("hey", purpose: "celebration").text))
    }

    @Test func topicPlaceholderTakesTheFirstWords() async throws {
        let answer = try await ask("my thesis keeps slipping every single week again", purpose: "deep_coaching")
        #expect(answer.text == "Tell me more about my thesis keeps slipping every single.")
    }

    @Test func usageIsWhatTheRequestWouldCost() async throws {
        let request = ChatRequest(model: "gpt-4o", messages: [.system("You are a coach."), .user("hey")], purpose: "greeting")
        let answer = try await provider.complete(request)
        #expect(answer.usage == TokenUsage(promptTokens: TokenEstimator.promptTokens(for: request),
                                           completionTokens: TokenEstimator.tokens(in: "Hi there!"), estimated: true))
        #expect(answer.model == "gpt-4o")
    }

    @Test func replyRespectsMaxTokens() async throws {
        let answer = try await ask("x", purpose: "deep_coaching", maxTokens: 2)
        #expect(answer.text == "Tell me ")
        #expect(answer.usage.completionTokens == 2)
    }

    @Test func embeddingsAreUnitVectorsThatReflectSharedWords() async throws {
        let result = try await provider.embed(EmbeddingRequest(model: "m", inputs: [
            "morning run in the park", "a run in the park this morning", "tax return paperwork",
        ]))
        func dot(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        for vector in result.vectors { #expect(abs(dot(vector, vector) - 1) < 1e-4) }
        #expect(dot(result.vectors[0], result.vectors[1]) > dot(result.vectors[0], result.vectors[2]))
        #expect(result.usage.estimated)
    }

    @Test(arguments: [
        ("default: ok\nno colon here", 2, "expected `<purpose>: <reply>`"),
        ("default: ok\nGreeting: Hi", 2, "purpose `Greeting` must be a lowercase word (a-z, 0-9, _ or -)"),
        ("# c\n\ndefault: ok\ngreeting:   ", 4, "empty reply for `greeting`"),
        ("default: Hi {name}", 1, "unknown placeholder {name}; only {topic} is supported"),
    ])
    func brokenLinesNameFileAndLine(contents: String, line: Int, problem: String) {
        #expect(throws: OfflineRepliesError(file: "prompts/x.txt", line: line, problem: problem)) {
            try OfflineReplyBook(contents: contents, file: "prompts/x.txt")
        }
    }

    @Test func missingDefaultIsReported() {
        #expect(throws: OfflineRepliesError(file: "f", line: nil, problem: "no `default: <reply>` line")) {
            try OfflineReplyBook(contents: "greeting: hi", file: "f")
        }
    }

    @Test func missingFileIsReportedByPath() {
        #expect {
            try OfflineReplyBook.load(path: "/nonexistent/offline-replies.txt")
        } throws: { error in
            (error as? OfflineRepliesError)?.description.hasPrefix("/nonexistent/offline-replies.txt: cannot read") == true
        }
    }

    @Test func shippedRepliesFileParsesAndCoversEveryMessageType() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../prompts/offline-replies.txt").standardized.path
        let book = try OfflineReplyBook.load(path: path)
        let types = ["greeting", "check_in", "celebration", "accountability", "deep_coaching",
                     "pattern_analysis", "goal_setting", "planning", "summary", "default"]
        #expect(types.filter { book.replies[$0] == nil } == [])
    }

    @Test func settingsWithoutBaseURLMakeTheOfflineProvider() throws {
        let settings = LLMSettings(offlineRepliesPath: "/nonexistent/replies.txt")
        #expect(settings.isOffline)
        #expect(throws: OfflineRepliesError.self) { try settings.makeProvider() }
        let online = LLMSettings(baseURL: "http://127.0.0.1:1/v1")
        #expect(try online.makeProvider() is OpenAICompatibleProvider)
    }
}
