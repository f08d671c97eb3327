/// Seed 001's hybrid merge: for each covered slot, `behavioural * 0.7 + (behavioural * modifier) * 0.3`,
/// clamped to [0, 1], applying adjustments in order (so overlapping ones compound, as in the seed).
public enum AdjustmentMerge {
    public static let behaviouralShare = 0.7
    public static let interpretedShare = 0.3

    public static func apply(_ adjustments: [SyncAdjustment], to habit: WeekGrid) -> WeekGrid {
        var grid = habit
        for adjustment in adjustments {
            for slot in adjustment.slots {
                let behavioural = grid[slot]
                grid[slot] = behavioural * behaviouralShare + behavioural * adjustment.modifier * interpretedShare
            }
        }
        return grid
    }
}
