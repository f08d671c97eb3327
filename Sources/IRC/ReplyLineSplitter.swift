/// Turns reply text into IRC message bodies that each fit one protocol line.
///
/// Each input line becomes at least one message; blank lines are dropped (IRC cannot send them);
/// long lines break at the last space that fits, else at the last character that fits, and never
/// inside a Unicode scalar. Lengths are in UTF-8 bytes, which is what servers count.
public struct ReplyLineSplitter: Sendable {
    public let maxBodyBytes: Int

    public init(maxBodyBytes: Int) {
        self.maxBodyBytes = max(maxBodyBytes, 8)
    }

    public func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isNewline }).flatMap { rawLine -> [String] in
            let line = Self.removingControlBytes(rawLine)
            guard line.contains(where: { !$0.isWhitespace }) else { return [] }
            return wrap(Substring(line))
        }
    }

    private func wrap(_ line: Substring) -> [String] {
        var pieces: [String] = []
        var rest = line
        while rest.utf8.count > maxBodyBytes {
            let cut = cutIndex(in: rest)
            let piece = rest[..<cut]
            if piece.contains(where: { !$0.isWhitespace }) { pieces.append(String(piece)) }
            rest = rest[cut...].drop(while: { $0 == " " })
        }
        if rest.contains(where: { !$0.isWhitespace }) { pieces.append(String(rest)) }
        return pieces
    }

    /// Where to end the next piece: after the last fitting space, else after the last fitting character.
    private func cutIndex(in text: Substring) -> Substring.Index {
        var bytes = 0
        var lastFit = text.startIndex
        var lastSpace: Substring.Index?
        for index in text.indices {
            let size = text[index].utf8.count
            if bytes + size > maxBodyBytes { break }
            if text[index] == " ", index > text.startIndex { lastSpace = index }
            bytes += size
            lastFit = text.index(after: index)
        }
        if let lastSpace { return lastSpace }
        if lastFit > text.startIndex { return lastFit }
        return cutInsideCharacter(text)
    }

    /// A single grapheme bigger than the budget (e.g. a tower of combining marks): cut between scalars.
    private func cutInsideCharacter(_ text: Substring) -> Substring.Index {
        var bytes = 0
        var lastFit = text.unicodeScalars.startIndex
        for index in text.unicodeScalars.indices {
            let size = UTF8.width(text.unicodeScalars[index])
            if bytes + size > maxBodyBytes { break }
            bytes += size
            lastFit = text.unicodeScalars.index(after: index)
        }
        return lastFit
    }

    /// NUL, CR and the CTCP delimiter would corrupt or change the meaning of the line.
    static func removingControlBytes(_ line: Substring) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.filter { $0 != "\0" && $0 != "\r" && $0 != "\u{01}" }))
    }
}

/// The room a server line leaves for a PRIVMSG body, counting the prefix the server adds when it relays it.
public enum IRCLineBudget {
    /// RFC 1459: 512 bytes including CRLF.
    public static let maxLineBytes = 512
    /// RFC 2812 suggests 63 for host names; cloaks and IPv6 stay below this.
    public static let assumedMaxHostBytes = 63

    /// Bytes left for the text of `:<nick>!<user>@<host> <command> <target> :<text>\r\n`.
    /// Until the server shows the bot its own prefix, pass the configured user name plus one byte
    /// (for the `~` servers add without ident) and `assumedMaxHostBytes`.
    public static func bodyBytes(nick: String, userBytes: Int, hostBytes: Int = assumedMaxHostBytes,
                                 command: String = "PRIVMSG", target: String) -> Int {
        let prefix = 1 + nick.utf8.count + 1 + userBytes + 1 + hostBytes
        let overhead = prefix + 1 + command.utf8.count + 1 + target.utf8.count + 2 + 2
        return maxLineBytes - overhead
    }
}
