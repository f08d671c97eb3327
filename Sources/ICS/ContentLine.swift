/// One logical line of an iCalendar stream (RFC 5545 §3.1): `NAME;PARAM=value:VALUE`, after unfolding.
struct ContentLine: Sendable {
    var name: String
    var parameters: [String: String]
    var value: String
    /// The physical line the logical line starts on (1-based), for error messages.
    var lineNumber: Int

    func parameter(_ key: String) -> String? { parameters[key] }
}

enum ContentLineReader {
    /// Unfolds (a CRLF or LF followed by a space or tab continues the line) and splits each logical line.
    /// Works on UTF-8 bytes: every delimiter is ASCII, and calendars of thousands of events are read per refresh.
    static func lines(of text: String) throws(CalendarParseError) -> [ContentLine] {
        let bytes = Array(text.utf8)
        var result: [ContentLine] = []
        var current: [UInt8] = []
        var currentStart = 0
        var lineNumber = 0
        var index = 0
        while index <= bytes.count {
            var end = index
            while end < bytes.count, bytes[end] != newline { end += 1 }
            if end == bytes.count, index == end { break }
            lineNumber += 1
            var physical = bytes[index..<end]
            if physical.last == carriageReturn { physical = physical.dropLast() }
            index = end + 1
            if let first = physical.first, first == space || first == tab {
                guard currentStart > 0 else {
                    throw CalendarParseError(line: lineNumber, reason: "a continuation line comes before any content line")
                }
                current += physical.dropFirst()
                continue
            }
            if currentStart > 0 { result.append(try parse(current[...], line: currentStart)) }
            current = Array(physical)
            currentStart = physical.isEmpty ? 0 : lineNumber
        }
        if currentStart > 0 { result.append(try parse(current[...], line: currentStart)) }
        return result
    }

    /// Splits `NAME *(;param) : value`, honouring double-quoted parameter values (which may hold `:` and `;`).
    static func parse(_ line: ArraySlice<UInt8>, line number: Int) throws(CalendarParseError) -> ContentLine {
        var index = line.startIndex
        func readToken(until stop: (UInt8) -> Bool) -> ArraySlice<UInt8> {
            let start = index
            while index < line.endIndex, !stop(line[index]) { index += 1 }
            return line[start..<index]
        }
        func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        let nameBytes = readToken { $0 == semicolon || $0 == colon }
        guard !nameBytes.isEmpty, nameBytes.allSatisfy({ isNameByte($0) }) else {
            throw CalendarParseError(line: number, reason: "\"\(text(line.prefix(40)))\" is not a content line (NAME:VALUE)")
        }
        let name = text(nameBytes).uppercased()
        var parameters: [String: String] = [:]
        while index < line.endIndex, line[index] == semicolon {
            index += 1
            let key = text(readToken { $0 == equals || $0 == colon || $0 == semicolon }).uppercased()
            guard index < line.endIndex, line[index] == equals else {
                throw CalendarParseError(line: number, reason: "parameter \(key) of \(name) has no value")
            }
            index += 1
            var values: [String] = []
            repeat {
                if index < line.endIndex, line[index] == comma { index += 1 }
                if index < line.endIndex, line[index] == quote {
                    index += 1
                    let quoted = readToken { $0 == quote }
                    guard index < line.endIndex else {
                        throw CalendarParseError(line: number, reason: "parameter \(key) of \(name) has an unclosed quote")
                    }
                    index += 1
                    values.append(text(quoted))
                } else {
                    values.append(text(readToken { $0 == comma || $0 == semicolon || $0 == colon }))
                }
            } while index < line.endIndex && line[index] == comma
            parameters[key] = values.joined(separator: ",")
        }
        guard index < line.endIndex, line[index] == colon else {
            throw CalendarParseError(line: number, reason: "\(name) has no value (a ':' is missing)")
        }
        return ContentLine(name: name, parameters: parameters, value: text(line[(index + 1)...]), lineNumber: number)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }

    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t"), semicolon = UInt8(ascii: ";"), colon = UInt8(ascii: ":")
    private static let equals = UInt8(ascii: "="), comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
}

/// Why an iCalendar stream could not be read, with the physical line it concerns.
public struct CalendarParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}

/// TEXT values (RFC 5545 §3.3.11): backslash escapes for `\`, `;`, `,` and newlines.
enum TextValue {
    static func unescape(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            case "\r": continue
            default: result.append(character)
            }
        }
        return result
    }
}

/// Content lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a UTF-8 sequence.
enum LineFolding {
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var output = ""
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            if octets + width > limit {
                output += "\r\n "
                octets = 0
                limit = 74 // the leading space counts toward the next line's 75
            }
            output.unicodeScalars.append(scalar)
            octets += width
        }
        return output
    }
}
