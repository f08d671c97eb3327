import Foundation
import HTTP
import Logging

/// Talks to any server with OpenAI's `/chat/completions` and `/embeddings` (OpenAI, Ollama,
/// vLLM, llama.cpp). Retries rate limits and server errors per `RetryPolicy`; maps every other
/// failure to a typed `LLMError`.
public struct OpenAICompatibleProvider: LLMProvider {
    public struct Endpoint: Sendable {
        /// Up to and including the version segment, e.g. `https://api.openai.com/v1` or
        /// `http://localhost:11434/v1`.
        public var baseURL: String
        /// nil for servers that need none (a local Ollama).
        public var apiKey: APIKey?
        public var timeout: Duration
        public var connectTimeout: Duration

        public init(baseURL: String, apiKey: APIKey?, timeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(10)) {
            self.baseURL = baseURL
            self.apiKey = apiKey
            self.timeout = timeout
            self.connectTimeout = connectTimeout
        }
    }

    public let endpoint: Endpoint
    public let retry: RetryPolicy
    private let http: any HTTPClient
    private let logger: Logger
    private let jitter: @Sendable () -> Double

    public init(
        endpoint: Endpoint,
        retry: RetryPolicy = RetryPolicy(),
        http: any HTTPClient = CurlHTTPClient(),
        logger: Logger = Logger(label: "llm.openai"),
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.endpoint = endpoint
        self.retry = retry
        self.http = http
        self.logger = logger
        self.jitter = jitter
    }

    public func complete(_ request: ChatRequest) async throws(LLMError) -> ChatCompletion {
        let response = try await post("chat/completions", body: OpenAIWire.ChatBody(request))
        let answer = try decode(OpenAIWire.ChatAnswer.self, from: response)
        guard let choice = answer.choices.first else { throw .invalidResponse("no choices in the answer") }
        let text = choice.message.content ?? ""
        let toolCalls = choice.message.toolCalls?.map(\.toolCall) ?? []
        let usage = answer.usage.map {
            TokenUsage(
                promptTokens: $0.promptTokens,
                completionTokens: $0.completionTokens ?? 0,
                cachedTokens: $0.promptTokensDetails?.cachedTokens ?? 0
            )
        } ?? TokenEstimator.usage(for: request, replyText: text, toolCalls: toolCalls)
        return ChatCompletion(text: text, toolCalls: toolCalls, usage: usage,
                              model: answer.model ?? request.model, finishReason: choice.finishReason)
    }

    public func embed(_ request: EmbeddingRequest) async throws(LLMError) -> Embeddings {
        let response = try await post("embeddings", body: OpenAIWire.EmbeddingBody(model: request.model, input: request.inputs))
        let answer = try decode(OpenAIWire.EmbeddingAnswer.self, from: response)
        let ordered = answer.data.sorted { $0.index < $1.index }
        guard ordered.map(\.index) == Array(request.inputs.indices) else {
            throw .invalidResponse("expected \(request.inputs.count) embeddings, got \(answer.data.count)")
        }
        let usage = answer.usage.map { TokenUsage(promptTokens: $0.promptTokens, completionTokens: 0) }
            ?? TokenUsage(promptTokens: request.inputs.reduce(0) { $0 + TokenEstimator.tokens(in: $1) },
                          completionTokens: 0, estimated: true)
        return Embeddings(vectors: ordered.map(\.embedding), usage: usage, model: answer.model ?? request.model)
    }

    // MARK: - Exchange

    private func post(_ path: String, body: some Encodable) async throws(LLMError) -> HTTPResponse {
        let request = try makeRequest(path, body: body)
        var retryNumber = 0
        while true {
            let failure: LLMError
            var retryAfter: Duration?
            do {
                let response = try await http.send(request)
                if response.isSuccess { return response }
                retryAfter = response.retryAfter()
                failure = classify(response, retryAfter: retryAfter)
            } catch let error as HTTPClientError {
                failure = map(error)
            } catch {
                failure = .cancelled
            }
            retryNumber += 1
            guard failure.isRetryable,
                  let wait = retry.delay(beforeRetry: retryNumber, retryAfter: retryAfter, jitter: jitter())
            else { throw failure }
            logger.notice("retrying LLM call", metadata: [
                "path": "\(path)", "retry": "\(retryNumber)", "wait": "\(wait)", "reason": "\(failure)",
            ])
            do { try await Task.sleep(for: wait) } catch { throw .cancelled }
        }
    }

    private func makeRequest(_ path: String, body: some Encodable) throws(LLMError) -> HTTPRequest {
        let bytes: [UInt8]
        do { bytes = Array(try JSONEncoder().encode(body)) } catch {
            throw .invalidResponse("cannot encode request: \(error)")
        }
        var headers: HTTPHeaders = ["Content-Type": "application/json", "Accept": "application/json"]
        if let key = endpoint.apiKey { headers.add(name: "Authorization", value: key.bearerHeaderValue) }
        let base = endpoint.baseURL.hasSuffix("/") ? String(endpoint.baseURL.dropLast()) : endpoint.baseURL
        return HTTPRequest(method: .post, url: "\(base)/\(path)", headers: headers, body: bytes,
                           timeout: endpoint.timeout, connectTimeout: endpoint.connectTimeout)
    }

    private func classify(_ response: HTTPResponse, retryAfter: Duration?) -> LLMError {
        let message = errorMessage(in: response)
        switch response.status {
        case 429: return .rateLimited(retryAfter: retryAfter)
        case 500...599: return .serverError(status: response.status, message: message)
        default: return .rejected(status: response.status, message: message)
        }
    }

    private func map(_ error: HTTPClientError) -> LLMError {
        switch error {
        case .timedOut: .timedOut
        case .cancelled: .cancelled
        case .responseTooLarge(let limit): .invalidResponse("answer larger than \(limit) bytes")
        case .invalidURL, .invalidHeader: .notConfigured("\(error)")
        default: .unreachable("\(error)")
        }
    }

    private func decode<Answer: Decodable>(_ type: Answer.Type, from response: HTTPResponse) throws(LLMError) -> Answer {
        do {
            return try JSONDecoder().decode(type, from: Data(response.body))
        } catch is DecodingError {
            throw .invalidResponse("expected an OpenAI-style JSON answer, got: \(snippet(response.text))")
        } catch {
            throw .invalidResponse("\(error)")
        }
    }

    /// The server's own error message when it sent one, else the start of the body; redacted
    /// and shortened because it ends up in logs.
    private func errorMessage(in response: HTTPResponse) -> String {
        let structured = try? JSONDecoder().decode(OpenAIWire.ErrorAnswer.self, from: Data(response.body))
        return snippet(structured?.error.message ?? response.text)
    }

    private func snippet(_ text: String) -> String {
        let redacted = endpoint.apiKey?.redact(text) ?? text
        let printable = String(redacted.unicodeScalars.map { $0.properties.isWhitespace || $0.value < 0x20 ? " " : Character($0) })
        return printable.count > 200 ? String(printable.prefix(200)) + "…" : printable
    }
}
