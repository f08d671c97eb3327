import Conversation
import Foundation
import SchedulerCore

extension App {
    /// `[learning]` smart sync thresholds and budgets, and prompts/insight-sync.txt; the model is used only
    /// when an endpoint is configured (the offline reply book cannot interpret insights).
    func smartSyncSettings() -> SmartSyncSettings {
        let thresholds = SyncThresholds(minScheduleCount: config.integer("learning", "min_schedule_count"),
                                        minFrequentTypes: config.integer("learning", "min_frequent_types"),
                                        dailyCallsPerUser: config.integer("learning", "sync_daily_calls_per_user"),
                                        dailyCallsGlobal: config.integer("learning", "sync_daily_calls_global"))
        return SmartSyncSettings(thresholds: thresholds, useModel: !llmSettings.isOffline,
                                 systemPrompt: syncPrompt() ?? SmartSyncSettings.defaultPrompt,
                                 maxInsights: config.integer("learning", "sync_max_insights"))
    }

    private func syncPrompt() -> String? {
        guard let folder = promptsDirectory,
              let text = try? String(contentsOfFile: folder + "/insight-sync.txt", encoding: .utf8) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
