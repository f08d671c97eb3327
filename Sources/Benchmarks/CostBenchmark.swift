import Coaching
import Conversation
import Foundation
import LLM
import SchedulerCore
import Storage

/// bench-cost: replays a realistic workload through the real engine with the offline provider, and compares
/// what it spent with a naive bot that sends every non-command message to the strong model, with the whole
/// unpruned thread and every tool definition.
public struct CostBenchmark: Sendable {
    public struct Options: Sendable {
        public var messages: Int
        public var users: Int
        public var weeks: Int
        public var seed: UInt64
        /// Where to write the run's cost log (JSON lines, as the bot writes it), for `scheduler-bot costs`.
        public var logPath: String?

        public init(messages: Int = 5000, users: Int = 50, weeks: Int = 4, seed: UInt64 = 42, logPath: String? = nil) {
            self.messages = messages
            self.users = users
            self.weeks = weeks
            self.seed = seed
            self.logPath = logPath
        }
    }

    public struct RouteLine: Sendable, Equatable {
        public var route: String
        public var messages: Int
        public var calls: Int
        public var costUSD: Double
    }

    public struct Report: Sendable {
        public var messages: Int
        public var routes: [RouteLine]
        public var oursUSD: Double
        public var baselineUSD: Double
        public var ratio: Double { baselineUSD > 0 ? oursUSD / baselineUSD : 0 }
        /// Mean prompt tokens per assistant call, ours and the naive bot's, by how long the user's thread was.
        public var promptTokensByThreadLength: [(bucket: String, ours: Double, baseline: Double, calls: Int)]
        public var planHits: Int
        public var planMisses: Int
        public var seconds: Double
    }

    let prices: PriceTable
    let replies: OfflineReplyBook
    let prompts: any PromptLibrary
    let assistantPrompt: String
    let completionsPrompt: String
    let plans: PlanSettings

    public init(prices: PriceTable = .defaults, replies: OfflineReplyBook, prompts: any PromptLibrary,
                assistantPrompt: String, completionsPrompt: String, plans: PlanSettings) {
        self.prices = prices
        self.replies = replies
        self.prompts = prompts
        self.assistantPrompt = assistantPrompt
        self.completionsPrompt = completionsPrompt
        self.plans = plans
    }

    public func run(_ options: Options) async throws -> Report {
        let started = ContinuousClock.now
        let store = try SQLiteStore()
        let chat = ChatSettings(llm: MeteredLLM(provider: OfflineProvider(book: replies),
                                                sinks: options.logPath.map { [CostLedger(path: $0)] } ?? [], prices: prices),
                                completionsModel: "gpt-4o-mini", assistantModel: "gpt-4o",
                                completionsSystemPrompt: completionsPrompt, assistantSystemPrompt: assistantPrompt, plans: plans)
        let engine = Engine(store: store, settings: EngineSettings(prompts: prompts, chat: chat))
        let start = Date(timeIntervalSince1970: 1_795_420_800) // Mon 23 Nov 2026 00:00 UTC
        let workload = ChatWorkload(count: options.messages, users: options.users, weeks: options.weeks, seed: options.seed, start: start)
        var routes: [String: RouteLine] = [:]
        var naive = NaiveBot(systemPrompt: assistantPrompt, prices: prices)
        var buckets: [String: (ours: Int, baseline: Int, calls: Int)] = [:]
        var ours = 0.0
        var planHits = 0, planMisses = 0
        for message in workload.messages {
            let response = await engine.handle(InboundMessage(network: .replay, userID: message.user, text: message.text, receivedAt: message.at))
            var line = routes[response.route.rawValue] ?? RouteLine(route: response.route.rawValue, messages: 0, calls: 0, costUSD: 0)
            line.messages += 1
            line.calls += response.llm.calls
            line.costUSD += response.llm.costUSD
            routes[response.route.rawValue] = line
            ours += response.llm.costUSD
            if response.intent == .plan {
                if response.route == .command { planHits += 1 } else if response.route == .assistant { planMisses += 1 }
            }
            guard response.route != .command || response.intent == .plan else { continue }
            let reply = response.replies.map(\.text).joined(separator: "\n")
            let naiveTokens = naive.answer(user: message.user, text: message.text, reply: reply)
            if response.route == .assistant {
                let bucket = NaiveBot.bucket(naive.threadLength(of: message.user))
                let old = buckets[bucket] ?? (0, 0, 0)
                buckets[bucket] = (old.ours + response.llm.promptTokens, old.baseline + naiveTokens, old.calls + 1)
            }
        }
        let ordered = NaiveBot.bucketNames.compactMap { name -> (String, Double, Double, Int)? in
            guard let b = buckets[name], b.calls > 0 else { return nil }
            return (name, Double(b.ours) / Double(b.calls), Double(b.baseline) / Double(b.calls), b.calls)
        }
        let elapsed = ContinuousClock.now - started
        return Report(messages: workload.messages.count, routes: routes.values.sorted { $0.route < $1.route },
                      oursUSD: ours, baselineUSD: naive.spentUSD, promptTokensByThreadLength: ordered,
                      planHits: planHits, planMisses: planMisses,
                      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

/// The counterfactual: every non-command message to the strong model, the whole thread, all tools, every time.
struct NaiveBot {
    let systemPrompt: String
    let prices: PriceTable
    var threads: [String: [ChatMessage]] = [:]
    var spentUSD = 0.0

    init(systemPrompt: String, prices: PriceTable) {
        self.systemPrompt = systemPrompt
        self.prices = prices
    }

    /// Prices one message as the naive bot would send it, with the reply our bot gave; returns its prompt tokens.
    mutating func answer(user: String, text: String, reply: String) -> Int {
        var thread = threads[user] ?? []
        thread.append(.user(text))
        let request = ChatRequest(model: "gpt-4o", messages: [.system(systemPrompt)] + thread, tools: ChatTools.definitions)
        let usage = TokenEstimator.usage(for: request, replyText: reply)
        spentUSD += prices.cost(of: usage, model: "gpt-4o") ?? 0
        thread.append(.assistant(reply))
        threads[user] = thread
        return usage.promptTokens
    }

    func threadLength(of user: String) -> Int { (threads[user]?.count ?? 0) / 2 }

    static let bucketNames = ["1-10", "11-50", "51-100", "101-200", "201+"]

    static func bucket(_ turns: Int) -> String {
        switch turns {
        case ...10: "1-10"
        case 11...50: "11-50"
        case 51...100: "51-100"
        case 101...200: "101-200"
        default: "201+"
        }
    }
}

extension CostBenchmark.Report {
    public var table: String {
        var lines = ["messages: \(messages) in \(String(format: "%.1f", seconds)) s", "",
                     "route         messages   calls   calls/1000   cost/1000 msgs"]
        for line in routes {
            let perThousand = Double(line.calls) * 1000 / Double(max(1, messages))
            let cost = line.costUSD * 1000 / Double(max(1, messages))
            lines.append(line.route.padding(toLength: 12, withPad: " ", startingAt: 0)
                         + String(format: "%10d %7d %12.1f   $%.5f", line.messages, line.calls, perThousand, cost))
        }
        lines.append("")
        lines.append(String(format: "ours:     $%.4f  ($%.5f per 1000 messages)", oursUSD, oursUSD * 1000 / Double(max(1, messages))))
        lines.append(String(format: "baseline: $%.4f  (strong model for every non-command message, unpruned thread, tools always sent)", baselineUSD))
        lines.append(String(format: "ratio ours/baseline: %.4f", ratio))
        lines.append("")
        lines.append("prompt tokens per assistant call, by thread length (user turns so far)")
        lines.append("turns       calls    ours   baseline")
        for row in promptTokensByThreadLength {
            lines.append(row.bucket.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%7d %7.0f %10.0f", row.calls, row.ours, row.baseline))
        }
        let planTotal = planHits + planMisses
        lines.append("")
        lines.append("plan cache: \(planHits) hits, \(planMisses) misses" + (planTotal > 0 ? String(format: " (hit rate %.2f)", Double(planHits) / Double(planTotal)) : ""))
        lines.append(String(format: "ratio=%.4f ours_usd=%.4f baseline_usd=%.4f plan_hit_rate=%.2f", ratio, oursUSD, baselineUSD,
                            planTotal > 0 ? Double(planHits) / Double(planTotal) : 0))
        return lines.joined(separator: "\n")
    }

    public var json: String {
        var fields: [String] = ["\"messages\":\(messages)"]
        fields.append("\"routes\":[" + routes.map { "{\"route\":\"\($0.route)\",\"messages\":\($0.messages),\"calls\":\($0.calls),\"cost_usd\":\($0.costUSD)}" }.joined(separator: ",") + "]")
        fields.append("\"ours_usd\":\(oursUSD)")
        fields.append("\"baseline_usd\":\(baselineUSD)")
        fields.append("\"ratio\":\(ratio)")
        fields.append("\"prompt_tokens_by_thread_length\":[" + promptTokensByThreadLength.map {
            "{\"turns\":\"\($0.bucket)\",\"calls\":\($0.calls),\"ours\":\($0.ours),\"baseline\":\($0.baseline)}"
        }.joined(separator: ",") + "]")
        fields.append("\"plan_hits\":\(planHits)")
        fields.append("\"plan_misses\":\(planMisses)")
        return "{" + fields.joined(separator: ",") + "}"
    }
}
