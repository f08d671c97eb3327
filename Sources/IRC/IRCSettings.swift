import Foundation

/// Everything the IRC front end needs to know, mapped from the `[irc]` section of bot.conf.
///
/// Defaults follow common well-behaved bots: ZNC's flood defaults (burst 4, then 1 line per second),
/// a 30 s engine tick, and exponential reconnect backoff from 1 s up to 5 minutes.
public struct IRCSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// TLS is not supported yet: `IRCAdapter.run()` fails at start-up when this is true.
    public var tls: Bool
    public var nick: String
    /// Nicks to try, in order, when `nick` is taken. Empty means `nick_`, `nick__`, then `nick1`, `nick2`...
    public var alternativeNicks: [String]
    public var username: String
    public var realname: String
    /// Server password sent with PASS. Never logged.
    public var password: String?
    /// Sent as `IDENTIFY` to NickServ after registration. Never logged.
    public var nickservPassword: String?
    public var channels: [String]
    public var commandPrefix: String
    /// `nick!user@host` masks with `*` and `?` wildcards; matching senders get `isAdmin`.
    public var admins: [String]
    /// Join channels the bot is invited to (they are then rejoined after a reconnect too).
    public var joinOnInvite: Bool

    /// Answers longer than `privateReplyMinLines` lines, asked in a channel with at least
    /// `busyChannelMinMembers` members, go to the asker by private message. 0 disables.
    public var busyChannelMinMembers: Int
    public var privateReplyMinLines: Int

    /// Token bucket for everything the bot sends after registration.
    public var floodBurst: Int
    public var floodLinesPerSecond: Double
    /// A longer answer is cut here (with a note) so one reply cannot hold the queue for minutes.
    public var maxLinesPerReply: Int
    /// Lines waiting for the flood budget; beyond this new lines are dropped with a warning,
    /// so a crowd of askers cannot grow the backlog (and its latency) without bound.
    public var maxQueuedLines: Int

    public var tickInterval: Duration
    public var rejoinDelay: Duration
    public var reconnectMinDelay: Duration
    public var reconnectMaxDelay: Duration
    public var connectTimeout: Duration
    /// Silence after which the bot PINGs the server; twice this without data means the link is dead.
    public var serverIdleTimeout: Duration
    /// On shutdown: how long answers in hand and queued lines may take before QUIT is sent anyway.
    public var drainTimeout: Duration
    /// Messages from one person waiting for (or being) answered; a message beyond this gets a notice instead.
    public var maxPendingAnswersPerUser: Int
    public var quitMessage: String
    public var versionReply: String

    public init(
        host: String = "127.0.0.1",
        port: Int = 6667,
        tls: Bool = false,
        nick: String = "schedbot",
        alternativeNicks: [String] = [],
        username: String = "schedbot",
        realname: String = "scheduler-bot",
        password: String? = nil,
        nickservPassword: String? = nil,
        channels: [String] = [],
        commandPrefix: String = "!",
        admins: [String] = [],
        joinOnInvite: Bool = true,
        busyChannelMinMembers: Int = 10,
        privateReplyMinLines: Int = 4,
        floodBurst: Int = 4,
        floodLinesPerSecond: Double = 1.0,
        maxLinesPerReply: Int = 60,
        maxQueuedLines: Int = 300,
        tickInterval: Duration = .seconds(30),
        rejoinDelay: Duration = .seconds(10),
        reconnectMinDelay: Duration = .seconds(1),
        reconnectMaxDelay: Duration = .seconds(300),
        connectTimeout: Duration = .seconds(15),
        serverIdleTimeout: Duration = .seconds(120),
        drainTimeout: Duration = .seconds(10),
        maxPendingAnswersPerUser: Int = 20,
        quitMessage: String = "scheduler-bot shutting down",
        versionReply: String = "scheduler-bot (Swift IRC front end)"
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.nick = nick
        self.alternativeNicks = alternativeNicks
        self.username = username
        self.realname = realname
        self.password = password
        self.nickservPassword = nickservPassword
        self.channels = channels
        self.commandPrefix = commandPrefix
        self.admins = admins
        self.joinOnInvite = joinOnInvite
        self.busyChannelMinMembers = busyChannelMinMembers
        self.privateReplyMinLines = privateReplyMinLines
        self.floodBurst = floodBurst
        self.floodLinesPerSecond = floodLinesPerSecond
        self.maxLinesPerReply = maxLinesPerReply
        self.maxQueuedLines = maxQueuedLines
        self.tickInterval = tickInterval
        self.rejoinDelay = rejoinDelay
        self.reconnectMinDelay = reconnectMinDelay
        self.reconnectMaxDelay = reconnectMaxDelay
        self.connectTimeout = connectTimeout
        self.serverIdleTimeout = serverIdleTimeout
        self.drainTimeout = drainTimeout
        self.maxPendingAnswersPerUser = maxPendingAnswersPerUser
        self.quitMessage = quitMessage
        self.versionReply = versionReply
    }
}

extension IRCSettings {
    /// Checks what would otherwise fail later and less clearly.
    public func validate() throws(IRCSettingsError) {
        if tls { throw .tlsNotSupported }
        if host.isEmpty { throw .invalid("host is empty") }
        guard (1...65_535).contains(port) else { throw .invalid("port \(port) is not in 1...65535") }
        guard Self.isValidNick(nick) else { throw .invalid("nick '\(nick)' is not a valid IRC nick") }
        if let bad = alternativeNicks.first(where: { !Self.isValidNick($0) }) {
            throw .invalid("alternative nick '\(bad)' is not a valid IRC nick")
        }
        if username.isEmpty || username.contains(where: { $0 == " " || $0 == "@" }) {
            throw .invalid("username '\(username)' must be non-empty without spaces or '@'")
        }
        if let bad = channels.first(where: { !Self.isValidChannel($0) }) {
            throw .invalid("channel '\(bad)' must start with #, &, + or ! and contain no spaces or commas")
        }
        guard floodBurst >= 1, floodLinesPerSecond > 0 else {
            throw .invalid("flood_burst must be >= 1 and flood_lines_per_second > 0")
        }
        guard maxLinesPerReply >= 1 else { throw .invalid("max_lines_per_reply must be >= 1") }
        guard maxQueuedLines >= maxLinesPerReply else { throw .invalid("max_queued_lines must be >= max_lines_per_reply") }
        guard maxPendingAnswersPerUser >= 1 else { throw .invalid("max_pending_answers_per_user must be >= 1") }
    }

    static func isValidNick(_ nick: String) -> Bool {
        guard let first = nick.unicodeScalars.first, !("0"..."9").contains(first), first != "-" else { return false }
        return nick.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-[]\\`^{}_|".unicodeScalars.contains(scalar))
        }
    }

    static func isValidChannel(_ channel: String) -> Bool {
        guard let first = channel.first, "#&+!".contains(first), channel.count > 1 else { return false }
        return !channel.contains(where: { $0 == " " || $0 == "," || $0 == "\u{07}" || $0.isNewline })
    }
}

public enum IRCSettingsError: Error, Equatable, CustomStringConvertible {
    case tlsNotSupported
    case invalid(String)

    public var description: String {
        switch self {
        case .tlsNotSupported:
            "IRC: tls = true is not supported yet; use a plain-TCP port (or a local TLS tunnel such as stunnel) and set tls = false"
        case .invalid(let reason):
            "IRC settings: \(reason)"
        }
    }
}

/// Descriptions show which secrets are set, never their values, so settings can be logged safely.
extension IRCSettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "IRCSettings(\(host):\(port), tls: \(tls), nick: \(nick), channels: \(channels), "
            + "password: \(password == nil ? "none" : "<redacted>"), "
            + "nickserv_password: \(nickservPassword == nil ? "none" : "<redacted>"))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["description": description], displayStyle: .struct)
    }
}
