import Testing
@testable import IRC

@Suite("IRC line parsing")
struct IRCMessageParsingTests {
    @Test func parsesPrefixCommandMiddleAndTrailing() throws {
        let message = try IRCMessage(parsing: ":alice!~al@127.0.0.1 PRIVMSG #test :hello there\r\n")
        #expect(message.source == IRCSource(nick: "alice", user: "~al", host: "127.0.0.1"))
        #expect(message.command == "PRIVMSG")
        #expect(message.parameters == ["#test", "hello there"])
    }

    @Test func toleratesRunsOfSpacesAndMissingTrailing() throws {
        let message = try IRCMessage(parsing: ":irc.test.local 353   bot =  #chan  :@bot alice")
        #expect(message.parameters == ["bot", "=", "#chan", "@bot alice"])
        let join = try IRCMessage(parsing: ":bob!b@h JOIN #chan")
        #expect(join.parameters == ["#chan"])
        #expect(join.source?.host == "h")
    }

    @Test func trailingMayBeEmptyOrStartWithColon() throws {
        #expect(try IRCMessage(parsing: "PRIVMSG #c :").parameters == ["#c", ""])
        #expect(try IRCMessage(parsing: "PRIVMSG #c ::-)").parameters == ["#c", ":-)"])
    }

    @Test func serverSourceHasNoUserOrHost() throws {
        let ping = try IRCMessage(parsing: ":irc.test.local PING :irc.test.local")
        #expect(ping.source == IRCSource(nick: "irc.test.local"))
        #expect(ping.trailing == "irc.test.local")
    }

    @Test func lowercaseCommandIsNormalised() throws {
        #expect(try IRCMessage(parsing: "ping :x").command == "PING")
    }

    @Test func rejectsEmptyAndCommandlessLines() {
        #expect(throws: IRCParseError.emptyLine) { try IRCMessage(parsing: "\r\n") }
        #expect(throws: IRCParseError.self) { try IRCMessage(parsing: ":prefix.only") }
    }

    @Test func serialisationRoundTrips() throws {
        let original = IRCMessage(tags: ["account": "al ice;x"], source: IRCSource(nick: "n", user: "u", host: "h"),
                                  command: "PRIVMSG", parameters: ["#c", ":starts with colon"])
        #expect(try IRCMessage(parsing: original.wireFormat) == original)
        #expect(IRCMessage("PRIVMSG", "#c", "word").wireFormat == "PRIVMSG #c word")
        #expect(IRCMessage("PRIVMSG", "#c", "").wireFormat == "PRIVMSG #c :")
    }

    @Test func lineBreaksCannotInjectASecondCommand() {
        let wire = IRCMessage("PRIVMSG", "#c", "hi\r\nQUIT :pwned").wireFormat
        #expect(!wire.contains("\r") && !wire.contains("\n"))
        #expect(wire == "PRIVMSG #c :hi  QUIT :pwned")
    }

    @Test func passwordsAreRedactedForLogs() {
        #expect(IRCMessage("PASS", "s3cret").redactedForLog == "PASS <redacted>")
        let identify = IRCMessage("PRIVMSG", "NickServ", "IDENTIFY hunter2").redactedForLog
        #expect(identify == "PRIVMSG NickServ :IDENTIFY <redacted>")
        #expect(!identify.contains("hunter2"))
    }
}

@Suite("IRCv3 message tags")
struct IRCMessageTagTests {
    @Test func parsesTagsWithAndWithoutValues() throws {
        let message = try IRCMessage(parsing: "@account=alice;+draft/x;time=2026-01-01T00:00:00.000Z :a!b@c PRIVMSG #c :hi")
        #expect(message.tags == ["account": "alice", "+draft/x": "", "time": "2026-01-01T00:00:00.000Z"])
        #expect(message.source?.nick == "a")
        #expect(message.trailing == "hi")
    }

    @Test(arguments: [
        ("a\\:b", "a;b"), ("a\\sb", "a b"), ("a\\\\b", "a\\b"), ("a\\rb\\n", "a\rb\n"),
        ("a\\xb", "axb"), ("trailing\\", "trailing"), ("", ""),
    ])
    func unescapesValues(raw: String, expected: String) {
        #expect(IRCMessageTags.unescape(Substring(raw)) == expected)
    }

    @Test func escapeIsTheInverseOfUnescape() {
        for value in ["plain", "semi;colon", "two words", "back\\slash", "cr\rlf\n", "ünïcødé ✓"] {
            #expect(IRCMessageTags.unescape(Substring(IRCMessageTags.escape(value))) == value)
        }
    }

    @Test func emptyKeysAreIgnored() {
        #expect(IRCMessageTags.parse("=x;;ok=1") == ["ok": "1"])
    }
}
