import Foundation
import LLM
import StoreProtocols

extension Engine {
    /// `!costs today|week` and `!reload`, for users listed as admins in bot.conf. Returns false when the
    /// message is not an admin command.
    func adminCommand(_ turn: inout Turn) throws -> Bool {
        let words = turn.text.value.lowercased().split(separator: " ").map(String.init)
        guard let first = words.first, first == "!costs" || first == "!reload" else { return false }
        turn.intent = .help
        turn.route = .command
        guard turn.message.isAdmin || settings.adminUserIDs.contains(turn.message.userID) else {
            turn.say("\(first) is an admin command. Admins are listed in bot.conf.")
            return true
        }
        if first == "!reload" {
            turn.say(settings.prompts.reload())
            return true
        }
        let days = words.dropFirst().first == "week" ? 7 : 1
        try costReport(days: days, &turn)
        return true
    }

    /// The audit `scheduler-bot costs --by route` prints, over the store's copy of the cost log.
    private func costReport(days: Int, _ turn: inout Turn) throws {
        let since = Calendar.utc.date(byAdding: .day, value: 1 - days, to: Engine.utcDayStart(turn.now)) ?? turn.now
        let rows = try turn.session.calls(since: since)
        guard !rows.isEmpty else {
            turn.say("No LLM calls since \(TimeFormat(timeZone: Calendar.utc.timeZone).day(since)) (UTC).")
            return
        }
        let report = CostReport(records: rows, grouping: .route,
                                fallbackStrongModel: settings.chat?.assistantModel ?? LLMSettings().assistantModel,
                                prices: settings.chat?.llm.prices ?? .defaults)
        turn.say((days == 1 ? "LLM costs today (UTC):\n" : "LLM costs, last 7 days (UTC):\n") + report.renderTable(), preformatted: true)
    }
}

private extension Calendar {
    static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }
}
