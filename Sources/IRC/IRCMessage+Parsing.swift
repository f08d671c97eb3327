public enum IRCParseError: Error, Equatable, CustomStringConvertible {
    case emptyLine
    case missingCommand(line: String)

    public var description: String {
        switch self {
        case .emptyLine: "empty IRC line"
        case .missingCommand(let line): "IRC line has no command: \(line.prefix(80))"
        }
    }
}

extension IRCMessage {
    /// Parses one line per RFC 1459/2812 plus IRCv3 tags. Tolerates a trailing CR/LF and runs
    /// of spaces between parameters, as real servers send them.
    public init(parsing line: String) throws(IRCParseError) {
        var rest = Substring(line)
        while let last = rest.last, last == "\r" || last == "\n" || last == "\r\n" { rest.removeLast() }
        guard !rest.isEmpty else { throw .emptyLine }

        var tags: [String: String] = [:]
        if rest.first == "@" {
            let word = Self.nextWord(&rest)
            tags = IRCMessageTags.parse(word.dropFirst())
        }
        var source: IRCSource?
        if rest.first == ":" {
            source = IRCSource(parsing: String(Self.nextWord(&rest).dropFirst()))
        }
        let command = Self.nextWord(&rest)
        guard !command.isEmpty else { throw .missingCommand(line: line) }

        var parameters: [String] = []
        while !rest.isEmpty {
            if rest.first == ":" {
                parameters.append(String(rest.dropFirst()))
                break
            }
            let word = Self.nextWord(&rest)
            if !word.isEmpty { parameters.append(String(word)) }
        }
        self.init(tags: tags, source: source, command: String(command), parameters: parameters)
    }

    /// Takes the text up to the next space and skips the spaces after it.
    private static func nextWord(_ rest: inout Substring) -> Substring {
        let end = rest.firstIndex(of: " ") ?? rest.endIndex
        let word = rest[..<end]
        rest = rest[end...].drop(while: { $0 == " " })
        return word
    }
}
