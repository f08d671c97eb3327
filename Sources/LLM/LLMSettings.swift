import Foundation
import HTTP
import Logging

/// Everything the LLM layer needs from bot.conf `[llm]` and `[costs]` (the config layer maps
/// keys onto these fields; defaults in brackets):
///
///     [llm]  base_url [""; empty = offline provider]   api_key [""; env override advised]
///            completions_model ["gpt-4o-mini"]  assistant_model ["gpt-4o"]
///            embeddings_model ["text-embedding-3-small"]  timeout_seconds [30]
///            connect_timeout_seconds [10]  max_retries [2]  retry_base_delay_ms [500]
///            retry_max_delay_seconds [8]  max_response_bytes [8388608]
///            offline_replies ["prompts/offline-replies.txt"]
///     [costs] log ["cost-log.jsonl"]  user_hash_salt [""]
///            prices: `"<model>" = [prompt, completion, cached]` USD per 1M tokens, merged over
///            `PriceTable.defaults`
public struct LLMSettings: Sendable {
    public var baseURL: String
    public var apiKey: APIKey?
    public var completionsModel: String
    public var assistantModel: String
    public var embeddingsModel: String
    public var timeoutSeconds: Double
    public var connectTimeoutSeconds: Double
    public var maxRetries: Int
    public var retryBaseDelayMilliseconds: Int
    public var retryMaxDelaySeconds: Double
    public var maxResponseBytes: Int
    public var offlineRepliesPath: String
    public var costLogPath: String
    public var userHashSalt: String
    public var prices: PriceTable

    public init(
        baseURL: String = "",
        apiKey: APIKey? = nil,
        completionsModel: String = "gpt-4o-mini",
        assistantModel: String = "gpt-4o",
        embeddingsModel: String = "text-embedding-3-small",
        timeoutSeconds: Double = 30,
        connectTimeoutSeconds: Double = 10,
        maxRetries: Int = 2,
        retryBaseDelayMilliseconds: Int = 500,
        retryMaxDelaySeconds: Double = 8,
        maxResponseBytes: Int = 8 << 20,
        offlineRepliesPath: String = "prompts/offline-replies.txt",
        costLogPath: String = "cost-log.jsonl",
        userHashSalt: String = "",
        prices: PriceTable = .defaults
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.completionsModel = completionsModel
        self.assistantModel = assistantModel
        self.embeddingsModel = embeddingsModel
        self.timeoutSeconds = timeoutSeconds
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.maxRetries = maxRetries
        self.retryBaseDelayMilliseconds = retryBaseDelayMilliseconds
        self.retryMaxDelaySeconds = retryMaxDelaySeconds
        self.maxResponseBytes = maxResponseBytes
        self.offlineRepliesPath = offlineRepliesPath
        self.costLogPath = costLogPath
        self.userHashSalt = userHashSalt
        self.prices = prices
    }

    /// True when no endpoint is configured and the offline provider answers.
    public var isOffline: Bool {
        baseURL.trimmingCharacters(in: .whitespaces).isEmpty
    }

    public var retryPolicy: RetryPolicy {
        RetryPolicy(maxRetries: maxRetries, baseDelay: .milliseconds(retryBaseDelayMilliseconds),
                    maxDelay: .milliseconds(Int(retryMaxDelaySeconds * 1000)))
    }

    /// The OpenAI-compatible provider for `baseURL`, or the offline provider when it is empty.
    /// Throws `OfflineRepliesError` when offline and the replies file is missing or broken.
    public func makeProvider(http: (any HTTPClient)? = nil, logger: Logger = Logger(label: "llm")) throws -> any LLMProvider {
        if isOffline {
            return OfflineProvider(book: try OfflineReplyBook.load(path: offlineRepliesPath))
        }
        let endpoint = OpenAICompatibleProvider.Endpoint(
            baseURL: baseURL.trimmingCharacters(in: .whitespaces), apiKey: apiKey,
            timeout: .milliseconds(Int(timeoutSeconds * 1000)),
            connectTimeout: .milliseconds(Int(connectTimeoutSeconds * 1000)))
        return OpenAICompatibleProvider(endpoint: endpoint, retry: retryPolicy,
                                        http: http ?? CurlHTTPClient(maxResponseBytes: maxResponseBytes), logger: logger)
    }

    /// A metered client writing to the cost log at `costLogPath`, plus any `extraSinks` (SQLite).
    public func makeMeteredLLM(provider: any LLMProvider, extraSinks: [any CostRecordSink] = [],
                               logger: Logger = Logger(label: "llm")) -> MeteredLLM {
        MeteredLLM(provider: provider, sinks: [CostLedger(path: costLogPath)] + extraSinks, prices: prices,
                   hasher: UserHasher(salt: userHashSalt), logger: logger)
    }
}
