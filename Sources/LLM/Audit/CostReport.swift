import Foundation

/// An audit of a cost log: totals per group, and the saving against a bot that sends every
/// chat message to the strong model.
///
/// Counterfactual: every row except overhead routes (`summary`, `embedding`: work a naive bot
/// would not do) is priced as if its logged tokens had gone to the strong model:
/// `baseline = strongPrice.cost(Σ prompt, Σ completion, Σ cached)` over those rows, and
/// `saving = baseline − actual` where actual is the logged `cost_usd` of all rows. Rows for
/// cache hits and budget deferrals carry the tokens the call would have used, so they count in
/// the baseline at their estimate. This is conservative: pruned prompts are priced as pruned,
/// so the savings of thread pruning are not credited here (bench-cost measures those).
public struct CostReport: Sendable {
    public static let overheadRoutes: Set<String> = ["summary", "embedding"]

    public struct Baseline: Sendable, Hashable {
        public var model: String
        public var costUSD: Double
        public var calls: Int
    }

    public let grouping: CostGrouping
    public let groups: [(key: String, totals: CostTotals)]
    public let total: CostTotals
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
        var builder = Builder(since: since)
        for line in lines { builder.add(line, grouping: grouping) }
        let model = strongModel ?? builder.mostUsedAssistantModel ?? fallbackStrongModel
        self.grouping = grouping
        groups = builder.groups.sorted { $0.key < $1.key }.map { (key: $0.key, totals: $0.value) }
        total = builder.total
        if let price = prices.price(for: model) {
            baseline = Baseline(model: model, costUSD: price.cost(of: builder.chatTotals.usage), calls: builder.chatTotals.calls)
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
        let decoder = JSONDecoder()
        var lineNumber = 0
        var groups: [String: CostTotals] = [:]
        var total = CostTotals()
        var chatTotals = CostTotals()
        var assistantModelUses: [String: Int] = [:]
        var malformedLines: [Int] = []
        var malformedCount = 0
        var skippedBeforeSince = 0

        init(since: Date?) { self.since = since }

        mutating func add(_ line: Substring, grouping: CostGrouping) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { return }
            guard let record = try? decoder.decode(CostRecord.self, from: Data(line.utf8)) else {
                malformedCount += 1
                if malformedLines.count < Self.malformedLinesKept { malformedLines.append(lineNumber) }
                return
            }
            if let since, record.time < since {
                skippedBeforeSince += 1
                return
            }
            groups[grouping.key(for: record), default: CostTotals()].add(record)
            total.add(record)
            if !CostReport.overheadRoutes.contains(record.route) { chatTotals.add(record) }
            if record.route == "assistant" { assistantModelUses[record.model, default: 0] += 1 }
        }

        var mostUsedAssistantModel: String? {
            assistantModelUses.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
    }
}
