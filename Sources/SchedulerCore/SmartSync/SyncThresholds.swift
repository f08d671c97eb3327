/// The `[learning]` thresholds of smart sync (bot.conf).
public struct SyncThresholds: Equatable, Sendable {
    /// Recent (this week's) schedules that make a task type "frequent".
    public var minScheduleCount: Int
    /// Frequent types a user needs before any of them is synced.
    public var minFrequentTypes: Int
    /// Model calls for sync per user and over everyone, per UTC day; past them the offline interpreter answers.
    public var dailyCallsPerUser: Int
    public var dailyCallsGlobal: Int

    public init(minScheduleCount: Int = 3, minFrequentTypes: Int = 2, dailyCallsPerUser: Int = 4, dailyCallsGlobal: Int = 500) {
        self.minScheduleCount = minScheduleCount
        self.minFrequentTypes = minFrequentTypes
        self.dailyCallsPerUser = dailyCallsPerUser
        self.dailyCallsGlobal = dailyCallsGlobal
    }
}
