import Testing
@testable import IRC

@Suite("Admin masks")
struct HostMaskTests {
    @Test(arguments: [
        ("alice!*@*", "alice!~alice@127.0.0.1", true),
        ("alice!*@*", "alicex!~alice@127.0.0.1", false),
        ("*!*@127.0.0.1", "bob!~b@127.0.0.1", true),
        ("*!*@*.example.org", "bob!b@host.example.org", true),
        ("*!*@*.example.org", "bob!b@example.org", false),
        ("b?b!*@*", "bob!x@y", true),
        ("b?b!*@*", "bb!x@y", false),
        ("ALICE!*@*", "alice!u@h", true),
        ("nick[away]!*@*", "NICK{AWAY}!u@h", true),
        ("*", "anyone!at@all", true),
        ("", "x!y@z", false),
        ("a*b*c*d!*@*", "aXbYcZd!u@h", true),
        ("a*b*c*d!*@*", "aXbYcZ!u@h", false),
    ])
    func matches(mask: String, source: String, expected: Bool) {
        #expect(HostMask(mask).matches(IRCSource(parsing: source)) == expected)
    }

    @Test func pathologicalPatternsStayFast() {
        let mask = HostMask(String(repeating: "*a", count: 50) + "b")
        #expect(!mask.matches(String(repeating: "a", count: 5_000)))
    }
}
