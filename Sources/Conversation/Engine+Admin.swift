import Foundation
import Storage

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

    private func costReport(days: Int, _ turn: inout Turn) throws {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? .current
        let since = utc.date(byAdding: .day, value: 1 - days, to: utc.startOfDay(for: turn.now)) ?? turn.now
        let rows = try turn.session.calls(since: since)
        guard !rows.isEmpty else {
            turn.say("No LLM calls since \(TimeFormat(timeZone: utc.timeZone).day(since)) (UTC).")
            return
        }
        var byRoute: [String: (calls: Int, tokens: Int, cost: Double)] = [:]
        for row in rows {
            let key = "\(row.route)/\(row.outcome)"
            let old = byRoute[key] ?? (0, 0, 0)
            byRoute[key] = (old.calls + 1, old.tokens + row.promptTokens + row.completionTokens, old.cost + row.costUSD)
        }
        var lines = ["route/outcome             calls    tokens      cost"]
        for (key, value) in byRoute.sorted(by: { $0.key < $1.key }) {
            lines.append(key.padding(toLength: 24, withPad: " ", startingAt: 0)
                         + String(format: "%7d %9d  $%8.4f", value.calls, value.tokens, value.cost))
        }
        let total = rows.reduce(0) { $0 + $1.costUSD }
        lines.append(String(format: "total: %d rows, $%.4f", rows.count, total))
        turn.say((days == 1 ? "LLM costs today (UTC):\n" : "LLM costs, last 7 days (UTC):\n") + lines.joined(separator: "\n"), preformatted: true)
    }
}
