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
    static func lines(of text: String) throws(CalendarParseError) -> [ContentLine] {
        var result: [ContentLine] = []
        var current = ""
        var currentStart = 0
        var lineNumber = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var physical = Substring(raw)
            if physical.last == "\r" { physical = physical.dropLast() }
            if let first = physical.first, first == " " || first == "\t" {
                guard currentStart > 0 else {
                    throw CalendarParseError(line: lineNumber, reason: "a continuation line comes before any content line")
                }
                current += physical.dropFirst()
                continue
            }
            if currentStart > 0 { result.append(try parse(current, line: currentStart)) }
            current = String(physical)
            currentStart = physical.isEmpty ? 0 : lineNumber
        }
        if currentStart > 0 { result.append(try parse(current, line: currentStart)) }
        return result
    }

    /// Splits `NAME *(;param) : value`, honouring double-quoted parameter values (which may hold `:` and `;`).
    static func parse(_ line: String, line number: Int) throws(CalendarParseError) -> ContentLine {
        var name = ""
        var parameters: [String: String] = [:]
        var index = line.startIndex
        func readToken(stoppingAt stops: Set<Character>) -> String {
            let start = index
            while index < line.endIndex, !stops.contains(line[index]) { index = line.index(after: index) }
            return String(line[start..<index])
        }
        name = readToken(stoppingAt: [";", ":"]).uppercased()
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw CalendarParseError(line: number, reason: "\"\(line.prefix(40))\" is not a content line (NAME:VALUE)")
        }
        while index < line.endIndex, line[index] == ";" {
            index = line.index(after: index)
            let key = readToken(stoppingAt: ["=", ":", ";"]).uppercased()
            guard index < line.endIndex, line[index] == "=" else {
                throw CalendarParseError(line: number, reason: "parameter \(key) of \(name) has no value")
            }
            index = line.index(after: index)
            var values: [String] = []
            repeat {
                if index < line.endIndex, line[index] == "," { index = line.index(after: index) }
                if index < line.endIndex, line[index] == "\"" {
                    index = line.index(after: index)
                    let quoted = readToken(stoppingAt: ["\""])
                    guard index < line.endIndex else {
                        throw CalendarParseError(line: number, reason: "parameter \(key) of \(name) has an unclosed quote")
                    }
                    index = line.index(after: index)
                    values.append(quoted)
                } else {
                    values.append(readToken(stoppingAt: [",", ";", ":"]))
                }
            } while index < line.endIndex && line[index] == ","
            parameters[key] = values.joined(separator: ",")
        }
        guard index < line.endIndex, line[index] == ":" else {
            throw CalendarParseError(line: number, reason: "\(name) has no value (a ':' is missing)")
        }
        return ContentLine(name: name, parameters: parameters, value: String(line[line.index(after: index)...]), lineNumber: number)
    }
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
