/// The prefix of a message: a server name or `nick!user@host`.
public struct IRCSource: Sendable, Equatable, CustomStringConvertible {
    public var nick: String
    public var user: String?
    public var host: String?

    public init(nick: String, user: String? = nil, host: String? = nil) {
        self.nick = nick
        self.user = user
        self.host = host
    }

    public init(parsing raw: String) {
        var rest = Substring(raw)
        var host: String?
        if let at = rest.firstIndex(of: "@") {
            host = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        var user: String?
        if let bang = rest.firstIndex(of: "!") {
            user = String(rest[rest.index(after: bang)...])
            rest = rest[..<bang]
        }
        self.init(nick: String(rest), user: user, host: host)
    }

    /// `nick!user@host`, or as much of it as the server sent.
    public var raw: String {
        var text = nick
        if let user { text += "!" + user }
        if let host { text += "@" + host }
        return text
    }

    public var description: String { raw }
}
