import Foundation
import Testing
@testable import Coaching

@Suite struct PatternBookTests {
    @Test func theShippedBookParsesAndGreetsByTimeOfDay() throws {
        let book = try PatternBook(text: try PromptFiles.text("patterns.txt"))
        #expect(book.match("hey there!", hour: 8)?.name == "greeting-morning")
        #expect(book.match("Hello", hour: 14)?.name == "greeting-afternoon")
        #expect(book.match("hi", hour: 20)?.name == "greeting-evening")
        #expect(book.match("thanks a lot!!", hour: 20)?.kind == "thanks")
        #expect(book.match("ugh I'm behind", hour: 10)?.kind == "struggling")
    }

    @Test func longerOrSubstantiveMessagesAreNotSwallowedByAGreeting() throws {
        let book = try PatternBook(text: try PromptFiles.text("patterns.txt"))
        #expect(book.match("hey can you help me plan my week", hour: 9) == nil)
        #expect(book.match("hi why do I keep skipping my runs", hour: 9) == nil)
        #expect(book.match("thanks but that slot is wrong", hour: 9) == nil)
    }

    @Test func cheersDependOnTheStreak() throws {
        let book = try PatternBook(text: try PromptFiles.text("patterns.txt"))
        #expect(book.cheer(streak: 1, hour: 9)?.name == "cheer-first")
        #expect(book.cheer(streak: 4, hour: 9)?.name == "cheer-streak")
        #expect(book.cheer(streak: 40, hour: 9)?.name == "cheer-long-streak")
    }

    @Test(arguments: [
        ("kind: greeting", 1, "before the first [section]"),
        ("[a]\nkind: greeting\nmatch: hi", 1, "no 'reply:'"),
        ("[a]\nkind: greeting\nhours: 9\nmatch: hi\nreply: x", 3, "hours look like"),
        ("[a]\nkind: greeting\nmatch: hi\nreply: x\ncolour: red", 5, "unknown key"),
        ("[a]\nkind: cheer\nstreak: 5-2\nreply: x", 3, "streak looks like"),
        ("[a\nkind: greeting", 1, "section header"),
    ])
    func aBrokenBookNamesTheLine(text: String, line: Int, message: String) {
        do {
            _ = try PatternBook(text: text)
            Issue.record("expected a parse error")
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains(message))
        }
    }
}
