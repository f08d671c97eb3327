import Foundation

/// Decides whether a channel message is meant for the bot and, if so, what the engine should read.
///
/// Addressed means "nick: text", "nick, text" (nick compared with IRC case folding) or
/// "<prefix>text" (default "!agenda"). The address or prefix is stripped.
public struct ChannelAddressing: Sendable, Equatable {
    public var commandPrefix: String

    public init(commandPrefix: String) {
        self.commandPrefix = commandPrefix
    }

    /// The text for the engine, or nil when the message is not addressed to `botNick`.
    public func command(in text: String, botNick: String) -> String? {
        if !commandPrefix.isEmpty, text.hasPrefix(commandPrefix) {
            let rest = text.dropFirst(commandPrefix.count)
            // "! agenda" or a bare "!" is chat, not a command.
            guard let first = rest.first, !first.isWhitespace else { return nil }
            return Self.trimmed(rest)
        }
        return textAfterNick(in: text, botNick: botNick)
    }

    private func textAfterNick(in text: String, botNick: String) -> String? {
        guard let separator = text.firstIndex(where: { $0 == ":" || $0 == "," }) else { return nil }
        let candidate = text[..<separator]
        guard IRCCaseMapping.equal(String(candidate), botNick) else { return nil }
        let rest = text[text.index(after: separator)...]
        // "bot:x" without a space is most likely not an address (e.g. a URL-ish word).
        guard rest.isEmpty || rest.first?.isWhitespace == true else { return nil }
        return Self.trimmed(rest)
    }

    private static func trimmed(_ text: Substring) -> String? {
        let result = text.trimmingCharacters(in: .whitespaces)
        return result.isEmpty ? nil : result
    }
}
