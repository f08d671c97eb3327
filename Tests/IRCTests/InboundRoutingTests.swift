import Foundation
import Testing
import Conversation
@testable import IRC

@Suite("Addressing and routing")
struct InboundRoutingTests {
    let addressing = ChannelAddressing(commandPrefix: "!")

    @Test(arguments: [
        ("bot: schedule gym tomorrow", "schedule gym tomorrow"),
        ("bot, agenda", "agenda"),
        ("BOT:   agenda  ", "agenda"),
        ("!agenda", "agenda"),
        ("!schedule gym 7pm", "schedule gym 7pm"),
    ])
    func addressedMessagesAreStripped(text: String, expected: String) {
        #expect(addressing.command(in: text, botNick: "bot") == expected)
    }

    @Test(arguments: ["hello everyone", "bot", "bot:", "robot: agenda", "bot:agenda", "! agenda", "!", "ask bot: later", "agenda bot,"])
    func unaddressedMessagesAreIgnored(text: String) {
        #expect(addressing.command(in: text, botNick: "bot") == nil)
    }

    @Test func aLongerPrefixWorks() {
        #expect(ChannelAddressing(commandPrefix: "sb.").command(in: "sb.agenda", botNick: "bot") == "agenda")
    }

    func chat(_ text: String, target: String = "#c", isPrivate: Bool = false, isNotice: Bool = false, account: String? = nil) -> IRCChatMessage {
        IRCChatMessage(source: IRCSource(nick: "alice", user: "~al", host: "10.0.0.1"), account: account,
                       target: target, text: text, isNotice: isNotice, isPrivate: isPrivate)
    }

    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let routing = InboundRouting(settings: IRCSettings(commandPrefix: "!", admins: ["alice!*@10.0.0.*"]))

    @Test func channelCommandBecomesAnInboundMessage() {
        let decision = routing.route(chat("bot: agenda"), botNick: "bot", now: now)
        let expected = InboundMessage(network: .irc, userID: "irc:alice!~al@10.0.0.1", roomID: "#c", text: "agenda", receivedAt: now, isAdmin: true)
        #expect(decision == .engine(expected, replyTarget: "#c", askerNick: "alice", isChannel: true))
    }

    @Test func privateMessagesAreAlwaysAnsweredInPrivate() {
        let decision = routing.route(chat("  agenda ", target: "bot", isPrivate: true, account: "alice_acct"), botNick: "bot", now: now)
        let expected = InboundMessage(network: .irc, userID: "irc:alice_acct", roomID: "alice", text: "agenda", receivedAt: now, isAdmin: true)
        #expect(decision == .engine(expected, replyTarget: "alice", askerNick: "alice", isChannel: false))
    }

    @Test func noticesAreNeverAnswered() {
        #expect(routing.route(chat("agenda", target: "bot", isPrivate: true, isNotice: true), botNick: "bot", now: now) == .ignore)
        #expect(routing.route(chat("\u{01}VERSION\u{01}", target: "bot", isPrivate: true, isNotice: true), botNick: "bot", now: now) == .ignore)
    }

    @Test func ctcpVersionIsAnsweredAndActionIgnored() {
        let version = routing.route(chat("\u{01}VERSION\u{01}", target: "bot", isPrivate: true), botNick: "bot", now: now)
        #expect(version == .ctcpReply(to: "alice", text: "\u{01}VERSION scheduler-bot (Swift IRC front end)\u{01}"))
        #expect(routing.route(chat("\u{01}ACTION waves\u{01}"), botNick: "bot", now: now) == .ignore)
    }

    @Test func nonAdminsAreNotAdmins() {
        let strict = InboundRouting(settings: IRCSettings(admins: ["alice!*@192.168.*"]))
        guard case .engine(let inbound, _, _, _) = strict.route(chat("!x"), botNick: "bot", now: now) else {
            Issue.record("expected an engine decision"); return
        }
        #expect(!inbound.isAdmin)
    }
}

@Suite("Settings validation")
struct IRCSettingsTests {
    @Test func tlsFailsClearly() {
        #expect(throws: IRCSettingsError.tlsNotSupported) { try IRCSettings(tls: true).validate() }
        #expect(IRCSettingsError.tlsNotSupported.description.contains("not supported"))
    }

    @Test func badValuesAreNamed() {
        #expect(throws: IRCSettingsError.invalid("nick '9lives' is not a valid IRC nick")) { try IRCSettings(nick: "9lives").validate() }
        #expect(throws: IRCSettingsError.self) { try IRCSettings(channels: ["nochannelsign"]).validate() }
        #expect(throws: IRCSettingsError.self) { try IRCSettings(port: 70_000).validate() }
        #expect(throws: Never.self) { try IRCSettings(nick: "sched[bot]", channels: ["#a", "&b"]).validate() }
    }
}

@Suite("Inbound byte stream")
struct InboundLineSplitterTests {
    @Test func splitsOnLFAcrossReadsAndDropsCR() {
        var splitter = InboundLineSplitter(maxLineBytes: 100)
        #expect(splitter.append(Array("PING :a\r\nPRIV".utf8)) == [.line("PING :a")])
        #expect(splitter.append(Array("MSG #c :x\n\r\n".utf8)) == [.line("PRIVMSG #c :x")])
    }

    @Test func oversizedLinesAreDroppedAndTheStreamRecovers() {
        var splitter = InboundLineSplitter(maxLineBytes: 10)
        let events = splitter.append(Array((String(repeating: "x", count: 25) + "\nok\n").utf8))
        #expect(events == [.discarded(bytes: 25), .line("ok")])
    }

    @Test func invalidUTF8FallsBackToLatin1() {
        var splitter = InboundLineSplitter(maxLineBytes: 100)
        #expect(splitter.append([0x63, 0x61, 0x66, 0xE9, 0x0A]) == [.line("café")])
    }
}
