import Foundation

/// Who may invite the bot: exact user ids, or `*:server.name` for everyone on a server.
/// With no entries, the bot's own server is allowed (so a fresh install works for its operator).
public struct InviterPolicy: Sendable, Equatable {
    public let patterns: [String]

    public init(patterns: [String], botUserID: String) {
        let cleaned = patterns.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if cleaned.isEmpty, let server = Self.server(of: botUserID) {
            self.patterns = ["*:" + server]
        } else {
            self.patterns = cleaned
        }
    }

    public func allows(_ userID: String) -> Bool {
        patterns.contains { pattern in
            if pattern.hasPrefix("*:") {
                return Self.server(of: userID) == String(pattern.dropFirst(2)).lowercased()
            }
            return pattern == userID
        }
    }

    /// The server part of `@local:server` (which may itself contain a port colon), lowercased.
    static func server(of userID: String) -> String? {
        guard userID.hasPrefix("@"), let colon = userID.firstIndex(of: ":") else { return nil }
        let server = userID[userID.index(after: colon)...]
        return server.isEmpty ? nil : server.lowercased()
    }
}
