import Coaching
import SchedulerCore

/// How smart sync decides, which insights it reads, and how it asks a model.
public struct SmartSyncSettings: Sendable {
    public var thresholds: SyncThresholds
    public var limits: AdjustmentLimits
    /// False when no model endpoint is configured: every sync uses the offline interpreter.
    public var useModel: Bool
    public var systemPrompt: String
    /// The most relevant insights sent per type, and how related (by meaning) an insight must be to count.
    public var maxInsights: Int
    public var minSimilarity: Double
    public var maxTokens: Int
    public var matcher: TaskTypeMatcher

    public init(thresholds: SyncThresholds = SyncThresholds(), limits: AdjustmentLimits = AdjustmentLimits(),
                useModel: Bool = true, systemPrompt: String = SmartSyncSettings.defaultPrompt, maxInsights: Int = 8,
                minSimilarity: Double = 0.2, maxTokens: Int = 400, matcher: TaskTypeMatcher = TaskTypeMatcher()) {
        self.thresholds = thresholds
        self.limits = limits
        self.useModel = useModel
        self.systemPrompt = systemPrompt
        self.maxInsights = maxInsights
        self.minSimilarity = minSimilarity
        self.maxTokens = maxTokens
        self.matcher = matcher
    }

    /// Used only when prompts/insight-sync.txt cannot be read.
    public static let defaultPrompt = """
        Turn the insights about one task type into schedule adjustments. Answer with JSON only: \
        {"adjustments":[{"day_pattern":"all","hour_range":[8,9,10,11],"modifier":1.3,"reason":"..."}]}. \
        day_pattern is all, weekdays, weekends or a weekday name; hours 0-23; modifier 0.5-1.5 (below 1 worse, above 1 better); \
        at most 12 adjustments; [] when the insights say nothing about times.
        """
}
