import Foundation

/// An audit of a cost log: totals per group, how chat messages were answered, the cache hit rates,
/// and the saving against a bot that sends every chat message to the strong model.
///
/// Counterfactual: a row that carries baseline tokens (every chat message row this version writes)
/// is priced at them: what a bot sending every chat message to the strong model, with the whole
/// unpruned thread and every tool, would have sent and received for that message; commands carry 0.
/// A row without them (older logs) is priced at its own tokens on the strong model, except for rows
/// of the bot's own work (`sync`, `summary`, `embedding`), which a naive bot would not do either:
/// `baseline = Σ strongPrice.cost(baseline tokens)` and `saving = baseline − actual`, where actual is
/// the logged `cost_usd` of all rows.
public struct CostReport: Sendable {
    public static let overheadRoutes: Set<String> = Set(CostRoute.allCases.filter { !$0.isChatMessage }.map(\.rawValue))

    public struct Baseline: Sendable, Hashable {
        public var model: String
        public var costUSD: Double
        /// Rows priced in the baseline (chat messages a naive bot would have sent).
        public var calls: Int
    }

    public struct HitRate: Sendable, Hashable {
        public var hits: Int
        public var of: Int
        public var rate: Double? { of > 0 ? Double(hits) / Double(of) : nil }
    }

    public let grouping: CostGrouping
    public let groups: [(key: String, totals: CostTotals)]
    public let total: CostTotals
    /// Rows per route among chat message rows (`CostRoute.isChatMessage`), most first.
    public let messagesByRoute: [(route: String, messages: Int)]
    /// Spend per model over all rows, most first.
    public let spendByModel: [(model: String, costUSD: Double)]
    /// Chat messages answered by a pattern, of those that were not commands.
    public let patternCache: HitRate
    /// Plans served from the plan cache, of all plans asked for.
    public let planCache: HitRate
    /// nil when the strong model has no price; `baselineProblem` says why.
    public let baseline: Baseline?
    public let baselineProblem: String?
    public let malformedLines: [Int]
    public let malformedCount: Int
    public let skippedBeforeSince: Int

    public var savingUSD: Double? { baseline.map { $0.costUSD - total.costUSD } }
    /// Actual cost divided by the baseline (0.10 means we spend a tenth).
    public var ratio: Double? {
        guard let baseline, baseline.costUSD > 0 else { return nil }
        return total.costUSD / baseline.costUSD
    }

    /// Streams `lines` once, so a production-sized log never has to fit in memory.
    /// `strongModel` nil means: the model most used on the "assistant" route, else `fallbackStrongModel`.
    public init(
        lines: some Sequence<Substring>,
        grouping: CostGrouping,
        since: Date? = nil,
        strongModel: String? = nil,
        fallbackStrongModel: String = LLMSettings().assistantModel,
        prices: PriceTable = .defaults
    ) {
        var builder = Builder(since: since, grouping: grouping)
        let decoder = JSONDecoder()
        for line in lines {
            builder.lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let record = try? decoder.decode(CostRecord.self, from: Data(line.utf8)) else {
                builder.malformed()
                continue
            }
            builder.add(record)
        }
        self.init(builder, strongModel: strongModel, fallbackStrongModel: fallbackStrongModel, prices: prices)
    }

    /// The same audit over records already read (the store's copy of the log).
    public init(
        records: some Sequence<CostRecord>,
        grouping: CostGrouping,
        since: Date? = nil,
        strongModel: String? = nil,
        fallbackStrongModel: String = LLMSettings().assistantModel,
        prices: PriceTable = .defaults
    ) {
        var builder = Builder(since: since, grouping: grouping)
        for record in records { builder.add(record) }
        self.init(builder, strongModel: strongModel, fallbackStrongModel: fallbackStrongModel, prices: prices)
    }

    private init(_ builder: Builder, strongModel: String?, fallbackStrongModel: String, prices: PriceTable) {
        let model = strongModel ?? builder.mostUsedAssistantModel ?? fallbackStrongModel
        grouping = builder.grouping
        groups = builder.groups.sorted { $0.key < $1.key }.map { (key: $0.key, totals: $0.value) }
        total = builder.total
        messagesByRoute = builder.messagesByRoute.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (route: $0.key, messages: $0.value) }
        spendByModel = builder.spendByModel.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (model: $0.key, costUSD: $0.value) }
        patternCache = HitRate(hits: builder.messagesByRoute[CostRoute.pattern.rawValue, default: 0],
                               of: builder.messagesByRoute.filter { $0.key != CostRoute.command.rawValue }.values.reduce(0, +))
        planCache = HitRate(hits: builder.planHits, of: builder.planHits + builder.planMisses)
        if let price = prices.price(for: model) {
            baseline = Baseline(model: model, costUSD: price.cost(of: builder.baselineUsage), calls: builder.baselineRows)
            baselineProblem = nil
        } else {
            baseline = nil
            baselineProblem = "no price for strong model \(model)"
        }
        malformedLines = builder.malformedLines
        malformedCount = builder.malformedCount
        skippedBeforeSince = builder.skippedBeforeSince
    }

    private struct Builder {
        static let malformedLinesKept = 10
        let since: Date?
        let grouping: CostGrouping
        var lineNumber = 0
        var groups: [String: CostTotals] = [:]
        var total = CostTotals()
        var baselineUsage = TokenUsage.zero
        var baselineRows = 0
        var messagesByRoute: [String: Int] = [:]
        var spendByModel: [String: Double] = [:]
        var planHits = 0
        var planMisses = 0
        var assistantModelUses: [String: Int] = [:]
        var malformedLines: [Int] = []
        var malformedCount = 0
        var skippedBeforeSince = 0

        init(since: Date?, grouping: CostGrouping) {
            self.since = since
            self.grouping = grouping
        }

        mutating func malformed() {
            malformedCount += 1
            if malformedLines.count < Self.malformedLinesKept { malformedLines.append(lineNumber) }
        }

        mutating func add(_ record: CostRecord) {
            if let since, record.time < since {
                skippedBeforeSince += 1
                return
            }
            groups[grouping.key(for: record), default: CostTotals()].add(record)
            total.add(record)
            if record.costUSD != 0 || record.model != CostRecord.noModel { spendByModel[record.model, default: 0] += record.costUSD }
            let route = record.route
            if route.isChatMessage { messagesByRoute[route.rawValue, default: 0] += 1 }
            addBaseline(record, route: route)
            if record.messageType == "plan" {
                if route == .cache { planHits += 1 } else if route == .assistant { planMisses += 1 }
            }
            if route == .assistant { assistantModelUses[record.model, default: 0] += 1 }
        }

        private mutating func addBaseline(_ record: CostRecord, route: CostRoute) {
            let usage: TokenUsage
            if let baseline = record.baseline {
                usage = baseline
            } else if !CostReport.overheadRoutes.contains(route.rawValue) {
                usage = record.usage
            } else {
                return
            }
            guard usage.totalTokens > 0 else { return }
            baselineRows += 1
            baselineUsage = TokenUsage(promptTokens: baselineUsage.promptTokens + usage.promptTokens,
                                       completionTokens: baselineUsage.completionTokens + usage.completionTokens,
                                       cachedTokens: baselineUsage.cachedTokens + usage.cachedTokens)
        }

        var mostUsedAssistantModel: String? {
            assistantModelUses.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
    }
}
