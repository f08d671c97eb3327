/// The learners a deployment can choose by name (bot.conf `[learning] learner = "..."`).
public enum Learners {
    /// What a new deployment uses; chosen by the simulator (see `scheduler-bot simulate`).
    public static let defaultName = "beta-shared"

    /// Every valid name, the default first.
    public static let names = ["beta-shared", "beta-pool", "seed-ema", "nine-to-five", "random"]

    /// The learner of that name (case-insensitive), or nil for an unknown name.
    public static func named(_ name: String) -> (any Learner)? {
        switch name.lowercased() {
        case "beta-shared": SharedBetaLearner()
        case "beta-pool": BetaPoolLearner()
        case "seed-ema": SeedEMALearner()
        case "nine-to-five": FixedHoursLearner()
        case "random": RandomLearner()
        default: nil
        }
    }

    public static var standard: any Learner { SharedBetaLearner() }
}
