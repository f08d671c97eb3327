import IRC

extension App {
    /// `[irc]` mapped onto the IRC front end; nil when no host is configured.
    func ircSettings() -> IRCSettings? {
        let host = config.string("irc", "host")
        guard !host.isEmpty else { return nil }
        func optional(_ key: String) -> String? {
            let value = config.string("irc", key)
            return value.isEmpty ? nil : value
        }
        return IRCSettings(host: host, port: config.integer("irc", "port"), tls: config.boolean("irc", "tls"),
                           nick: config.string("irc", "nick"), alternativeNicks: config.list("irc", "alternative_nicks"),
                           username: config.string("irc", "username"), realname: config.string("irc", "realname"),
                           password: optional("password"), nickservPassword: optional("nickserv_password"),
                           channels: config.list("irc", "channels"), commandPrefix: config.string("irc", "command_prefix"),
                           admins: config.list("irc", "admins"),
                           busyChannelMinMembers: config.integer("irc", "busy_channel_min_members"),
                           privateReplyMinLines: config.integer("irc", "private_reply_min_lines"),
                           floodBurst: config.integer("irc", "flood_burst"),
                           floodLinesPerSecond: config.float("irc", "flood_lines_per_second"),
                           drainTimeout: drainTimeout,
                           maxPendingAnswersPerUser: config.integer("irc", "max_pending_answers_per_user"))
    }
}
