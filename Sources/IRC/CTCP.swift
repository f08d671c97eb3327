/// Client-To-Client Protocol requests carried inside PRIVMSG text, delimited by \u{01}.
public struct CTCPRequest: Sendable, Equatable {
    public var command: String
    public var argument: String

    static let delimiter: Character = "\u{01}"

    /// nil when the text is an ordinary message.
    public init?(text: String) {
        guard text.first == Self.delimiter else { return nil }
        var body = text.dropFirst()
        if body.last == Self.delimiter { body = body.dropLast() }  // some clients omit the closing delimiter
        let space = body.firstIndex(of: " ") ?? body.endIndex
        command = body[..<space].uppercased()
        argument = space < body.endIndex ? String(body[body.index(after: space)...]) : ""
        if command.isEmpty { return nil }
    }

    /// The NOTICE body answering this request, or nil for requests the bot ignores (ACTION, unknown).
    public func replyText(version: String) -> String? {
        switch command {
        case "VERSION": "\u{01}VERSION \(Self.sanitized(version))\u{01}"
        case "PING": "\u{01}PING \(Self.sanitized(String(argument.prefix(64))))\u{01}"
        default: nil
        }
    }

    private static func sanitized(_ text: String) -> String {
        text.filter { $0 != delimiter }
    }
}
