/// The `--by` choices of `scheduler-bot costs`.
public enum CostGrouping: String, Sendable, CaseIterable {
    case day, route, model, user, type

    func key(for record: CostRecord) -> String {
        switch self {
        case .day: CostLogTime.day(of: record.time)
        case .route: record.route.rawValue
        case .model: record.model
        case .user: record.user
        case .type: record.messageType
        }
    }
}
