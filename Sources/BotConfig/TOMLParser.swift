/// A small, strict TOML reader: `[section]` and `[section.table]` headers, `key = value` with bare
/// or quoted keys (`"gpt-4.1" = ...`), strings (basic and literal), integers, floats, booleans,
/// arrays (may span lines), and `#` comments.
///
/// Hand-written rather than a dependency so every error names its line, and the build stays small.
public struct TOMLParser {
    public init() {}

    public func parse(_ text: String) throws(TOMLError) -> [TOMLEntry] {
        var cursor = Cursor(Array(text.unicodeScalars))
        var section = ""
        var entries: [TOMLEntry] = []
        var seen: Set<String> = []
        while true {
            cursor.skipBlankAndComments()
            guard let scalar = cursor.peek() else { break }
            let line = cursor.line
            if scalar == "[" {
                section = try parseHeader(&cursor)
            } else {
                let key = try parseKey(&cursor)
                cursor.skipSpaces()
                guard cursor.take() == "=" else { throw TOMLError(line: line, message: "expected '=' after key '\(key)'") }
                cursor.skipSpaces()
                let value = try parseValue(&cursor)
                try cursor.expectEndOfLine()
                let path = section + "." + key
                guard seen.insert(path).inserted else {
                    throw TOMLError(line: line, message: "key '\(key)' is set twice in [\(section)]")
                }
                entries.append(TOMLEntry(section: section, key: key, value: value, line: line))
            }
        }
        return entries
    }

    private func parseHeader(_ cursor: inout Cursor) throws(TOMLError) -> String {
        let line = cursor.line
        _ = cursor.take()
        cursor.skipSpaces()
        var name = try parseBareKey(&cursor)
        while cursor.peek() == "." {
            _ = cursor.take()
            name += "." + (try parseBareKey(&cursor))
        }
        cursor.skipSpaces()
        guard cursor.take() == "]" else { throw TOMLError(line: line, message: "expected ']' to close section [\(name)") }
        try cursor.expectEndOfLine()
        return name
    }

    /// A bare key, or a quoted one for names with dots or colons (model names such as "gpt-4.1").
    private func parseKey(_ cursor: inout Cursor) throws(TOMLError) -> String {
        switch cursor.peek() {
        case "\"":
            let key = try parseBasicString(&cursor)
            guard !key.isEmpty else { throw TOMLError(line: cursor.line, message: "empty quoted key") }
            return key
        case "'":
            let key = try parseLiteralString(&cursor)
            guard !key.isEmpty else { throw TOMLError(line: cursor.line, message: "empty quoted key") }
            return key
        default:
            return try parseBareKey(&cursor)
        }
    }

    private func parseBareKey(_ cursor: inout Cursor) throws(TOMLError) -> String {
        var key = ""
        while let s = cursor.peek(), s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-" {
            key.unicodeScalars.append(s)
            _ = cursor.take()
        }
        guard !key.isEmpty else {
            let found = cursor.peek().map { "'\($0)'" } ?? "end of file"
            throw TOMLError(line: cursor.line, message: "expected a key, found \(found)")
        }
        return key
    }

    private func parseValue(_ cursor: inout Cursor) throws(TOMLError) -> TOMLValue {
        let line = cursor.line
        switch cursor.peek() {
        case "\"": return .string(try parseBasicString(&cursor))
        case "'": return .string(try parseLiteralString(&cursor))
        case "[": return try parseArray(&cursor)
        case nil: throw TOMLError(line: line, message: "missing value")
        default: break
        }
        var word = ""
        while let s = cursor.peek(), !" \t\r\n#,]".unicodeScalars.contains(s) {
            word.unicodeScalars.append(s)
            _ = cursor.take()
        }
        switch word {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        default: break
        }
        let digits = word.replacingOccurrences(of: "_", with: "")
        if let integer = Int(digits) { return .integer(integer) }
        if let float = Double(digits), float.isFinite, digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            return .float(float)
        }
        throw TOMLError(line: line, message: "cannot read value '\(word)' (strings need quotes)")
    }

    private func parseBasicString(_ cursor: inout Cursor) throws(TOMLError) -> String {
        let line = cursor.line
        _ = cursor.take()
        var out = String.UnicodeScalarView()
        while let s = cursor.take() {
            switch s {
            case "\"": return String(out)
            case "\n": throw TOMLError(line: line, message: "unterminated string")
            case "\\":
                guard let escaped = cursor.take() else { break }
                switch escaped {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "u", "U":
                    let width = escaped == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<width { if let h = cursor.take() { hex.unicodeScalars.append(h) } }
                    guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                        throw TOMLError(line: line, message: "bad unicode escape \\\(escaped)\(hex)")
                    }
                    out.append(scalar)
                default: throw TOMLError(line: line, message: "unknown escape \\\(escaped)")
                }
            default: out.append(s)
            }
        }
        throw TOMLError(line: line, message: "unterminated string")
    }

    private func parseLiteralString(_ cursor: inout Cursor) throws(TOMLError) -> String {
        let line = cursor.line
        _ = cursor.take()
        var out = String.UnicodeScalarView()
        while let s = cursor.take() {
            if s == "'" { return String(out) }
            if s == "\n" { break }
            out.append(s)
        }
        throw TOMLError(line: line, message: "unterminated string")
    }

    private func parseArray(_ cursor: inout Cursor) throws(TOMLError) -> TOMLValue {
        let line = cursor.line
        _ = cursor.take()
        var items: [TOMLValue] = []
        while true {
            cursor.skipBlankAndComments()
            if cursor.peek() == "]" { _ = cursor.take(); return .array(items) }
            guard cursor.peek() != nil else { throw TOMLError(line: line, message: "unterminated array") }
            items.append(try parseValue(&cursor))
            cursor.skipBlankAndComments()
            switch cursor.take() {
            case ",": continue
            case "]": return .array(items)
            default: throw TOMLError(line: cursor.line, message: "expected ',' or ']' in array")
            }
        }
    }
}

/// Reads unicode scalars and counts lines.
private struct Cursor {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    func peek() -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func take() -> Unicode.Scalar? {
        guard index < scalars.count else { return nil }
        let s = scalars[index]
        index += 1
        if s == "\n" { line += 1 }
        return s
    }

    mutating func skipSpaces() {
        while let s = peek(), s == " " || s == "\t" { _ = take() }
    }

    mutating func skipBlankAndComments() {
        while let s = peek() {
            if s == " " || s == "\t" || s == "\r" || s == "\n" { _ = take(); continue }
            if s == "#" { while let c = peek(), c != "\n" { _ = take() }; continue }
            break
        }
    }

    mutating func expectEndOfLine() throws(TOMLError) {
        skipSpaces()
        if peek() == "#" { while let c = peek(), c != "\n" { _ = take() } }
        if peek() == "\r" { _ = take() }
        guard let s = peek() else { return }
        guard s == "\n" else { throw TOMLError(line: line, message: "unexpected '\(s)' after value") }
        _ = take()
    }
}
