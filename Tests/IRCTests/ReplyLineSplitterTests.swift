import Testing
@testable import IRC

@Suite("Reply splitting")
struct ReplyLineSplitterTests {
    @Test func eachLineOfAMultiLineReplyIsSeparateAndBlankLinesAreDropped() {
        let lines = ReplyLineSplitter(maxBodyBytes: 400).split("Mon 9:00 focus\n\n   \r\nTue 10:00 gym\r\nWed")
        #expect(lines == ["Mon 9:00 focus", "Tue 10:00 gym", "Wed"])
    }

    @Test func longLinesBreakOnWordsWithinTheBudget() {
        let words = (1...200).map { "word\($0)" }
        let lines = ReplyLineSplitter(maxBodyBytes: 50).split(words.joined(separator: " "))
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 50 })
        #expect(lines.flatMap { $0.split(separator: " ").map(String.init) } == words)
    }

    @Test func multiByteTextNeverSplitsInsideAScalar() {
        let text = String(repeating: "é✓🙂日本", count: 100)  // no spaces: forced hard breaks
        let lines = ReplyLineSplitter(maxBodyBytes: 37).split(text)
        #expect(lines.allSatisfy { $0.utf8.count <= 37 })
        #expect(lines.joined() == text)
    }

    @Test func aGraphemeLargerThanTheBudgetIsCutBetweenScalars() {
        let tower = "a" + String(repeating: "\u{0301}", count: 40)  // one Character, 81 bytes
        let lines = ReplyLineSplitter(maxBodyBytes: 10).split(tower)
        #expect(lines.allSatisfy { $0.utf8.count <= 10 })
        #expect(lines.joined().unicodeScalars.elementsEqual(tower.unicodeScalars))
    }

    @Test func controlBytesThatWouldCorruptTheLineAreRemoved() {
        #expect(ReplyLineSplitter(maxBodyBytes: 100).split("\u{01}VERSION\u{01}\0x") == ["VERSIONx"])
    }

    @Test func preformattedIndentationIsKept() {
        #expect(ReplyLineSplitter(maxBodyBytes: 100).split("   Mon ███\n   Tue ░░█") == ["   Mon ███", "   Tue ░░█"])
    }

    @Test func budgetCountsTheRelayPrefixAndCRLF() {
        let body = IRCLineBudget.bodyBytes(nick: "bot", userBytes: 4, hostBytes: 9, target: "#c")
        let relayed = ":bot!~bot@127.0.0.1 PRIVMSG #c :" + String(repeating: "x", count: body) + "\r\n"
        #expect(relayed.utf8.count == 512)
    }
}
