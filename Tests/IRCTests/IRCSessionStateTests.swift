import Testing
@testable import IRC

@Suite("Session protocol state")
struct IRCSessionStateTests {
    func message(_ line: String) -> IRCMessage {
        (try? IRCMessage(parsing: line)) ?? IRCMessage(command: "INVALID")
    }

    func registeredState(_ settings: IRCSettings = IRCSettings(nick: "bot", channels: ["#a"])) -> IRCSessionState {
        var state = IRCSessionState(settings: settings, channels: settings.channels)
        _ = state.handle(message(":srv 001 bot :Welcome"))
        return state
    }

    @Test func registrationStartsWithCapThenPassNickUser() {
        let state = IRCSessionState(settings: IRCSettings(nick: "bot", username: "u", realname: "Real Name", password: "pw"), channels: [])
        #expect(state.registrationMessages().map(\.wireFormat) == ["CAP LS 302", "PASS pw", "NICK bot", "USER u 0 * :Real Name"])
    }

    @Test func pingIsAnsweredImmediatelyWithTheSameToken() {
        var state = IRCSessionState(settings: IRCSettings(), channels: [])
        #expect(state.handle(message("PING :irc.test.local")) == [.sendImmediately(IRCMessage("PONG", "irc.test.local"))])
    }

    @Test func welcomeJoinsChannelsAndIdentifiesWithNickServ() {
        var state = IRCSessionState(settings: IRCSettings(nick: "bot", nickservPassword: "pw", channels: ["#a", "#b"]), channels: ["#a", "#b"])
        let actions = state.handle(message(":srv 001 bot :Welcome"))
        #expect(actions == [
            .registered(nick: "bot"),
            .send(IRCMessage("PRIVMSG", "NickServ", "IDENTIFY pw")),
            .send(IRCMessage("JOIN", "#a")), .send(IRCMessage("JOIN", "#b")),
        ])
        #expect(state.isRegistered)
    }

    @Test func nickInUseFallsBackThroughTheCandidates() {
        var state = IRCSessionState(settings: IRCSettings(nick: "bot"), channels: [])
        var tried: [String] = []
        for _ in 0..<4 {
            for case .sendImmediately(let nick) in state.handle(message(":srv 433 * \(state.currentNick) :Nickname already in use")) {
                tried.append(nick.parameters[0])
            }
        }
        #expect(tried == ["bot_", "bot__", "bot1", "bot2"])
        _ = state.handle(message(":srv 001 bot2 :Welcome"))
        #expect(state.currentNick == "bot2")
    }

    @Test func configuredAlternativesAreUsedFirst() {
        let candidates = NickCandidates(preferred: "bot", alternatives: ["helper", "planner"])
        #expect((0...3).map(candidates.nick(attempt:)) == ["bot", "helper", "planner", "bot1"])
    }

    @Test func capabilitiesAreRequestedOnlyWhenOffered() {
        var state = IRCSessionState(settings: IRCSettings(), channels: [])
        #expect(state.handle(message(":srv CAP * LS :multi-prefix")) == [.sendImmediately(IRCMessage("CAP", "END"))])

        var rich = IRCSessionState(settings: IRCSettings(), channels: [])
        #expect(rich.handle(message(":srv CAP * LS * :sasl account-tag")) == [])
        #expect(rich.handle(message(":srv CAP * LS :extended-join=x batch")) ==
                [.sendImmediately(IRCMessage("CAP", "REQ", "account-tag extended-join"))])
        #expect(rich.handle(message(":srv CAP * ACK :account-tag extended-join")) == [.sendImmediately(IRCMessage("CAP", "END"))])
        #expect(rich.enabledCapabilities == ["account-tag", "extended-join"])
    }

    @Test func accountsFromExtendedJoinFollowNickChanges() {
        var state = IRCSessionState(settings: IRCSettings(nick: "bot"), channels: [])
        _ = state.handle(message(":srv CAP * ACK :extended-join account-notify"))
        _ = state.handle(message(":srv 001 bot :hi"))
        _ = state.handle(message(":alice!a@h JOIN #c alice_acct :Alice"))
        #expect(state.account(ofNick: "alice") == "alice_acct")
        _ = state.handle(message(":alice!a@h NICK :alicia"))
        #expect(state.account(ofNick: "alicia") == "alice_acct")
        #expect(state.account(ofNick: "alice") == nil)
        _ = state.handle(message(":alicia!a@h ACCOUNT *"))
        #expect(state.account(ofNick: "alicia") == nil)
    }

    @Test func kickOfTheBotSchedulesARejoin() {
        var state = registeredState(IRCSettings(nick: "bot", channels: ["#a"], rejoinDelay: .seconds(3)))
        let actions = state.handle(message(":op!o@h KICK #a bot :behave"))
        #expect(actions.contains(.rejoin(channel: "#a", after: .seconds(3))))
        #expect(state.handle(message(":op!o@h KICK #a someone :bye")).isEmpty)
    }

    @Test func inviteJoinsAndIsRememberedForReconnects() {
        var state = registeredState()
        #expect(state.handle(message(":op!o@h INVITE bot :#new")).contains(.send(IRCMessage("JOIN", "#new"))))
        #expect(state.wantedChannels == ["#a", "#new"])
        var refusing = registeredState(IRCSettings(nick: "bot", joinOnInvite: false))
        #expect(refusing.handle(message(":op!o@h INVITE bot :#new")).isEmpty)
    }

    @Test func rosterTracksNamesJoinsPartsQuitsAndNickChanges() {
        var state = registeredState()
        _ = state.handle(message(":bot!b@h JOIN #a"))
        _ = state.handle(message(":srv 353 bot = #a :@bot +alice bob"))
        #expect(state.memberCount(of: "#A") == 3)
        _ = state.handle(message(":carol!c@h JOIN #a"))
        _ = state.handle(message(":bob!b@h PART #a :bye"))
        _ = state.handle(message(":alice!a@h QUIT :gone"))
        _ = state.handle(message(":carol!c@h NICK dave"))
        #expect(state.memberCount(of: "#a") == 2)
    }

    @Test func chatIsReportedOnlyFromPeopleAfterRegistration() {
        var state = IRCSessionState(settings: IRCSettings(nick: "bot"), channels: [])
        #expect(state.handle(message(":alice!a@h PRIVMSG bot :early")).isEmpty)
        _ = state.handle(message(":srv 001 bot :hi"))
        #expect(state.handle(message(":srv NOTICE bot :server notice")).isEmpty)
        let actions = state.handle(message("@account=al :alice!a@h PRIVMSG bot :hello"))
        #expect(actions == [.chat(IRCChatMessage(source: IRCSource(nick: "alice", user: "a", host: "h"), account: "al",
                                                 target: "bot", text: "hello", isNotice: false, isPrivate: true))])
    }
}

@Suite("Nick reclaiming and secret-free descriptions")
struct NickReclaimTests {
    func message(_ line: String) -> IRCMessage {
        (try? IRCMessage(parsing: line)) ?? IRCMessage(command: "INVALID")
    }

    @Test func reclaimsThePreferredNickWhenItsHolderLeaves() {
        var state = IRCSessionState(settings: IRCSettings(nick: "bot"), channels: [])
        _ = state.handle(message(":srv 433 * bot :in use"))
        _ = state.handle(message(":srv 001 bot_ :Welcome"))
        #expect(state.handle(message(":bot!x@h QUIT :bye")).contains(.send(IRCMessage("NICK", "bot"))))
        #expect(state.handle(message(":bot!x@h NICK :other")).contains(.send(IRCMessage("NICK", "bot"))))
        #expect(!state.handle(message(":carol!c@h QUIT :bye")).contains(.send(IRCMessage("NICK", "bot"))))
        _ = state.handle(message(":bot_!b@h NICK :bot"))
        #expect(state.currentNick == "bot")
    }

    @Test func settingsDescriptionsHideSecrets() {
        let settings = IRCSettings(password: "server-pw-1", nickservPassword: "ns-pw-2")
        var dumped = ""
        dump(settings, to: &dumped)
        for text in ["\(settings)", String(reflecting: settings), dumped] {
            #expect(!text.contains("server-pw-1") && !text.contains("ns-pw-2"))
            #expect(text.contains("<redacted>"))
        }
    }
}
