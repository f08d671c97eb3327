import Foundation
import Conversation

/// What to do with a PRIVMSG/NOTICE from a person. Pure; the adapter carries out the decision.
struct InboundRouting: Sendable {
    enum Decision: Sendable, Equatable {
        case ignore
        case ctcpReply(to: String, text: String)
        /// Hand `message` to the engine; answer in `replyTarget` (a channel or the asker's nick).
        case engine(InboundMessage, replyTarget: String, askerNick: String, isChannel: Bool)
    }

    let addressing: ChannelAddressing
    let admins: [HostMask]
    let versionReply: String

    init(settings: IRCSettings) {
        addressing = ChannelAddressing(commandPrefix: settings.commandPrefix)
        admins = settings.admins.map(HostMask.init)
        versionReply = settings.versionReply
    }

    func route(_ chat: IRCChatMessage, botNick: String, now: Date) -> Decision {
        // RFC 2812: automatic replies must never be sent in response to a NOTICE.
        if chat.isNotice { return .ignore }
        if let ctcp = CTCPRequest(text: chat.text) {
            guard let reply = ctcp.replyText(version: versionReply) else { return .ignore }
            return .ctcpReply(to: chat.source.nick, text: reply)
        }
        let text: String?
        if chat.isPrivate {
            let trimmed = chat.text.trimmingCharacters(in: .whitespaces)
            text = trimmed.isEmpty ? nil : trimmed
        } else {
            text = addressing.command(in: chat.text, botNick: botNick)
        }
        guard let text else { return .ignore }
        let replyTarget = chat.isPrivate ? chat.source.nick : chat.target
        let inbound = InboundMessage(
            network: .irc, userID: IRCIdentity.userID(source: chat.source, account: chat.account),
            roomID: replyTarget, text: text, receivedAt: now,
            isAdmin: admins.contains { $0.matches(chat.source) })
        return .engine(inbound, replyTarget: replyTarget, askerNick: chat.source.nick, isChannel: !chat.isPrivate)
    }
}

/// How an IRC person becomes `InboundMessage.userID`.
///
/// - `irc:<account>` when the server reports a services account (IRCv3 account-tag, extended-join
///   or account-notify). Stable across nick changes and reconnects.
/// - `irc:<nick>!<user>@<host>` otherwise (ngIRCd offers none of those capabilities). This is only as
///   stable as the person's nick and host: a nick can change hands after its owner leaves, and a new
///   host (another network, a dynamic IP) looks like a new person.
public enum IRCIdentity {
    public static func userID(source: IRCSource, account: String?) -> String {
        if let account, !account.isEmpty, account != "*" { return "irc:" + account }
        return "irc:" + source.raw
    }
}
