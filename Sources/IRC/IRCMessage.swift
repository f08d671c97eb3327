import Foundation

/// One IRC protocol line (RFC 1459/2812 with IRCv3 message tags), without the CRLF.
public struct IRCMessage: Sendable, Equatable {
    /// IRCv3 tags, already unescaped. A tag without a value maps to "".
    public var tags: [String: String]
    public var source: IRCSource?
    /// Upper-cased command word or three-digit numeric.
    public var command: String
    /// Middle parameters followed by the trailing one, if any.
    public var parameters: [String]

    public init(tags: [String: String] = [:], source: IRCSource? = nil, command: String, parameters: [String] = []) {
        self.tags = tags
        self.source = source
        self.command = command.uppercased()
        self.parameters = parameters
    }

    public init(_ command: String, _ parameters: String...) {
        self.init(command: command, parameters: parameters)
    }

    /// The text of the last parameter (the message body of PRIVMSG/NOTICE).
    public var trailing: String? { parameters.last }

    public func parameter(_ index: Int) -> String? {
        parameters.indices.contains(index) ? parameters[index] : nil
    }
}

extension IRCMessage {
    /// The line as sent on the wire, without CRLF. CR, LF and NUL are replaced so a parameter
    /// can never smuggle a second command onto the connection.
    public var wireFormat: String {
        var line = ""
        if !tags.isEmpty {
            line += "@" + tags.sorted { $0.key < $1.key }
                .map { $0.value.isEmpty ? $0.key : "\($0.key)=\(IRCMessageTags.escape($0.value))" }
                .joined(separator: ";") + " "
        }
        if let source { line += ":\(source.raw) " }
        line += command
        for (index, parameter) in parameters.enumerated() {
            let safe = Self.removingLineBreaks(parameter)
            let isLast = index == parameters.count - 1
            if isLast && (safe.isEmpty || safe.contains(" ") || safe.hasPrefix(":")) {
                line += " :" + safe
            } else {
                // A space would split a middle parameter in two; we only build middles from nicks and
                // channels, so this never fires for valid input and keeps invalid input harmless.
                line += " " + safe.replacingOccurrences(of: " ", with: "_")
            }
        }
        return line
    }

    static func removingLineBreaks(_ text: String) -> String {
        guard text.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" || $0 == "\r\n" }) else { return text }
        return String(text.unicodeScalars.map { ["\r", "\n", "\0"].contains($0) ? " " : Character($0) })
    }
}
