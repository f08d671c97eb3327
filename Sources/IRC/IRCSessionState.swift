/// The protocol state of one connection: registration, capabilities, nick fallback, channels and
/// who is in them. Pure: it reads messages and says what to do, so every rule is unit-testable.
struct IRCSessionState: Sendable {
    enum Action: Sendable, Equatable {
        /// Send now, ahead of the flood queue (PONG, registration).
        case sendImmediately(IRCMessage)
        /// Send through the flood-controlled queue.
        case send(IRCMessage)
        case registered(nick: String)
        case rejoin(channel: String, after: Duration)
        case chat(IRCChatMessage)
        case log(String)
    }

    /// Capabilities that improve identity when the server offers them.
    static let wantedCapabilities: Set<String> = ["account-tag", "extended-join", "account-notify"]

    let settings: IRCSettings
    private let nicks: NickCandidates
    private var nickAttempt = 0
    private(set) var currentNick: String
    private(set) var isRegistered = false
    private var offeredCapabilities: Set<String> = []
    private(set) var enabledCapabilities: Set<String> = []
    /// Channels to be in (configured plus invited); survives reconnects through the adapter.
    private(set) var wantedChannels: [String]
    private(set) var rosters: [String: Set<String>] = [:]
    /// Folded nick -> services account, learned from extended-join and account-notify.
    private var accounts: [String: String] = [:]

    init(settings: IRCSettings, channels: [String]) {
        self.settings = settings
        self.nicks = NickCandidates(preferred: settings.nick, alternatives: settings.alternativeNicks)
        self.currentNick = settings.nick
        self.wantedChannels = channels
    }

    /// Lines that open a connection: CAP LS first so the server holds registration until CAP END.
    func registrationMessages() -> [IRCMessage] {
        var messages = [IRCMessage("CAP", "LS", "302")]
        if let password = settings.password, !password.isEmpty { messages.append(IRCMessage("PASS", password)) }
        messages.append(IRCMessage("NICK", currentNick))
        messages.append(IRCMessage("USER", settings.username, "0", "*", settings.realname))
        return messages
    }

    func memberCount(of channel: String) -> Int {
        rosters[IRCCaseMapping.fold(channel)]?.count ?? 0
    }

    func account(ofNick nick: String) -> String? {
        accounts[IRCCaseMapping.fold(nick)]
    }

    func isMe(_ nick: String) -> Bool { IRCCaseMapping.equal(nick, currentNick) }
}

extension IRCSessionState {
    mutating func handle(_ message: IRCMessage) -> [Action] {
        switch message.command {
        case "PING": return [.sendImmediately(IRCMessage(command: "PONG", parameters: message.parameters))]
        case "CAP": return handleCapability(message)
        case "001": return handleWelcome(message)
        case "433", "432", "436", "437": return handleNickRejected(message)
        case "353": recordNames(message); return []
        case "JOIN": return handleJoin(message)
        case "PART": removeMember(message.source?.nick, from: message.parameter(0)); return []
        case "KICK": return handleKick(message)
        case "QUIT":
            removeEverywhere(message.source?.nick)
            return reclaimPreferredNick(freedBy: message.source?.nick)
        case "NICK":
            let actions = handleNickChange(message)
            return actions + reclaimPreferredNick(freedBy: message.source?.nick)
        case "INVITE": return handleInvite(message)
        case "ACCOUNT": recordAccount(nick: message.source?.nick, account: message.parameter(0)); return []
        case "PRIVMSG", "NOTICE": return chat(from: message)
        case "471", "473", "474", "475", "403", "405":
            return [.log("cannot join \(message.parameter(1) ?? "?"): \(message.trailing ?? message.command)")]
        case "ERROR": return [.log("server closed the link: \(message.trailing ?? "")")]
        default: return []
        }
    }

    private mutating func handleCapability(_ message: IRCMessage) -> [Action] {
        let subcommand = message.parameter(1)?.uppercased()
        let names = (message.trailing ?? "").split(separator: " ").map { String($0.split(separator: "=")[0]) }
        switch subcommand {
        case "LS":
            offeredCapabilities.formUnion(names)
            // "CAP * LS * :..." means more lines follow.
            if message.parameters.count > 3, message.parameter(2) == "*" { return [] }
            let wanted = Self.wantedCapabilities.intersection(offeredCapabilities).sorted()
            if wanted.isEmpty { return [.sendImmediately(IRCMessage("CAP", "END"))] }
            return [.sendImmediately(IRCMessage("CAP", "REQ", wanted.joined(separator: " ")))]
        case "ACK":
            enabledCapabilities.formUnion(names)
            return isRegistered ? [] : [.sendImmediately(IRCMessage("CAP", "END"))]
        case "NAK":
            return isRegistered ? [] : [.sendImmediately(IRCMessage("CAP", "END"))]
        default:
            return []
        }
    }

    private mutating func handleWelcome(_ message: IRCMessage) -> [Action] {
        isRegistered = true
        if let nick = message.parameter(0), !nick.isEmpty { currentNick = nick }
        var actions: [Action] = [.registered(nick: currentNick)]
        if let password = settings.nickservPassword, !password.isEmpty {
            actions.append(.send(IRCMessage("PRIVMSG", "NickServ", "IDENTIFY \(password)")))
        }
        actions += wantedChannels.map { .send(IRCMessage("JOIN", $0)) }
        return actions
    }

    private mutating func handleNickRejected(_ message: IRCMessage) -> [Action] {
        // After registration a rejected NICK simply leaves the current nick in place.
        guard !isRegistered else { return [] }
        nickAttempt += 1
        currentNick = nicks.nick(attempt: nickAttempt)
        return [
            .log("nick \(message.parameter(1) ?? "?") rejected (\(message.command)); trying \(currentNick)"),
            .sendImmediately(IRCMessage("NICK", currentNick)),
        ]
    }

    private mutating func handleJoin(_ message: IRCMessage) -> [Action] {
        guard let nick = message.source?.nick, let channel = message.parameter(0) else { return [] }
        let key = IRCCaseMapping.fold(channel)
        if isMe(nick) {
            rosters[key] = []
        }
        rosters[key, default: []].insert(IRCCaseMapping.fold(nick))
        // extended-join: JOIN #chan account :realname, "*" meaning not logged in.
        if enabledCapabilities.contains("extended-join"), let account = message.parameter(1) {
            recordAccount(nick: nick, account: account)
        }
        return []
    }

    private mutating func handleKick(_ message: IRCMessage) -> [Action] {
        guard let channel = message.parameter(0), let kicked = message.parameter(1) else { return [] }
        guard isMe(kicked) else {
            removeMember(kicked, from: channel)
            return []
        }
        rosters[IRCCaseMapping.fold(channel)] = nil
        let by = message.source?.nick ?? "?"
        return [
            .log("kicked from \(channel) by \(by): \(message.parameter(2) ?? ""); rejoining after \(settings.rejoinDelay)"),
            .rejoin(channel: channel, after: settings.rejoinDelay),
        ]
    }

    private mutating func handleNickChange(_ message: IRCMessage) -> [Action] {
        guard let old = message.source?.nick, let new = message.parameter(0) else { return [] }
        if isMe(old) { currentNick = new }
        let (oldKey, newKey) = (IRCCaseMapping.fold(old), IRCCaseMapping.fold(new))
        for key in rosters.keys where rosters[key]?.remove(oldKey) != nil {
            rosters[key]?.insert(newKey)
        }
        // The account follows the person, not the nick.
        accounts[newKey] = accounts.removeValue(forKey: oldKey)
        return []
    }

    /// When whoever held our preferred nick quits or renames, take the nick back.
    private func reclaimPreferredNick(freedBy nick: String?) -> [Action] {
        guard isRegistered, let nick, !isMe(nick), IRCCaseMapping.equal(nick, settings.nick) else { return [] }
        return [.log("\(settings.nick) is free again; reclaiming it"), .send(IRCMessage("NICK", settings.nick))]
    }

    private mutating func handleInvite(_ message: IRCMessage) -> [Action] {
        guard settings.joinOnInvite, let channel = message.parameter(1),
              IRCSettings.isValidChannel(channel) else { return [] }
        if !wantedChannels.contains(where: { IRCCaseMapping.equal($0, channel) }) {
            wantedChannels.append(channel)
        }
        return [
            .log("invited to \(channel) by \(message.source?.nick ?? "?"); joining"),
            .send(IRCMessage("JOIN", channel)),
        ]
    }

    private func chat(from message: IRCMessage) -> [Action] {
        guard isRegistered, let source = message.source, source.user != nil,
              let target = message.parameter(0), let text = message.trailing,
              message.parameters.count >= 2, !isMe(source.nick) else { return [] }
        let account = message.tags["account"] ?? account(ofNick: source.nick)
        return [.chat(IRCChatMessage(
            source: source, account: account, target: target, text: text,
            isNotice: message.command == "NOTICE", isPrivate: isMe(target)))]
    }

    private mutating func recordNames(_ message: IRCMessage) {
        // 353 me = #channel :@op +voice plain
        guard message.parameters.count >= 4, let names = message.trailing else { return }
        let key = IRCCaseMapping.fold(message.parameters[2])
        for name in names.split(separator: " ") {
            let nick = name.drop(while: { "@+%~&!".contains($0) }).split(separator: "!").first.map(String.init) ?? ""
            if !nick.isEmpty { rosters[key, default: []].insert(IRCCaseMapping.fold(nick)) }
        }
    }

    private mutating func removeMember(_ nick: String?, from channel: String?) {
        guard let nick, let channel else { return }
        let key = IRCCaseMapping.fold(channel)
        if isMe(nick) { rosters[key] = nil } else { rosters[key]?.remove(IRCCaseMapping.fold(nick)) }
    }

    private mutating func removeEverywhere(_ nick: String?) {
        guard let nick else { return }
        let key = IRCCaseMapping.fold(nick)
        for channel in rosters.keys { rosters[channel]?.remove(key) }
        accounts[key] = nil
    }

    private mutating func recordAccount(nick: String?, account: String?) {
        guard let nick, let account else { return }
        accounts[IRCCaseMapping.fold(nick)] = account == "*" ? nil : account
    }
}

/// A PRIVMSG or NOTICE from a person, before addressing rules are applied.
struct IRCChatMessage: Sendable, Equatable {
    var source: IRCSource
    /// Services account when the server told us (account-tag, extended-join, account-notify).
    var account: String?
    var target: String
    var text: String
    var isNotice: Bool
    var isPrivate: Bool
}
