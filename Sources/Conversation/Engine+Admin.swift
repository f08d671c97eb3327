import Foundation
import LLM
import StoreProtocols

extension Engine {
    /// `!costs today|week` and `!reload`, for users listed as admins in bot.conf. Nil when the
    /// message is not an admin command.
    func adminCommand(_ turn: inout Turn) throws -> AdminOutcome? {
        let words = turn.text.value.lowercased().split(separator: " ").map(String.init)
        guard let first = words.first, first == "!costs" || first == "!reload" else { return nil }
        turn.intent = .help
        turn.route = .command
        guard turn.message.isAdmin || settings.adminUserIDs.contains(turn.message.userID) else { return .notAdmin(command: first) }
        if first == "!reload" { return .reloaded(settings.prompts.reload()) }
        return try costReport(days: words.dropFirst().first == "week" ? 7 : 1, turn)
    }

    /// The audit `scheduler-bot costs --by route` prints, over the store's copy of the cost log.
    private func costReport(days: Int, _ turn: Turn) throws -> AdminOutcome {
        let since = Calendar.utc.date(byAdding: .day, value: 1 - days, to: Engine.utcDayStart(turn.now)) ?? turn.now
        let rows = try turn.session.calls(since: since)
        guard !rows.isEmpty else { return .noCalls(since: since) }
        let report = CostReport(records: rows, grouping: .route,
                                fallbackStrongModel: settings.chat?.assistantModel ?? LLMSettings().assistantModel,
                                prices: settings.chat?.llm.prices ?? .defaults)
        return .costs(days: days, report)
    }
}

private extension Calendar {
    static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }
}
