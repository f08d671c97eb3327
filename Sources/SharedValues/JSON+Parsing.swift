extension JSON {
    /// Why a text is not JSON, with the byte offset where reading stopped.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "not JSON at byte \(offset): \(reason)" }
    }

    /// Strict RFC 8259: one value, nothing after it but whitespace; numbers stay distinct from booleans.
    public static func parse(_ text: String) throws(ParseError) -> JSON {
        try parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) throws(ParseError) -> JSON {
        var reader = JSONReader(bytes: bytes)
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.isAtEnd else { throw reader.failure("text after the value") }
        return value
    }
}

/// A recursive-descent reader over UTF-8 bytes.
struct JSONReader {
    let bytes: [UInt8]
    var position = 0
    /// Deeper nesting than any real message needs; refusing it keeps hostile input from exhausting the stack.
    static let maxDepth = 256

    init(bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position >= bytes.count }
    var current: UInt8? { isAtEnd ? nil : bytes[position] }

    func failure(_ reason: String) -> JSON.ParseError { JSON.ParseError(offset: position, reason: reason) }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    mutating func value(depth: Int) throws(JSON.ParseError) -> JSON {
        guard depth < Self.maxDepth else { throw failure("nested too deeply") }
        skipWhitespace()
        switch current {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case .some(let byte) where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte): return try number()
        case nil: throw failure("unexpected end")
        default: throw failure("unexpected character")
        }
    }

    mutating func literal(_ word: String) throws(JSON.ParseError) {
        let expected = word.utf8
        guard bytes.count - position >= expected.count, bytes[position..<position + expected.count].elementsEqual(expected) else {
            throw failure("unknown literal")
        }
        position += expected.count
    }

    mutating func object(depth: Int) throws(JSON.ParseError) -> JSON {
        position += 1
        var members: [(String, JSON)] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a member name") }
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':'") }
            position += 1
            members.append((key, try value(depth: depth + 1)))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(members)
            default: throw failure("expected ',' or '}'")
            }
        }
    }

    mutating func array(depth: Int) throws(JSON.ParseError) -> JSON {
        position += 1
        var items: [JSON] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(items)
            default: throw failure("expected ',' or ']'")
            }
        }
    }

    mutating func number() throws(JSON.ParseError) -> JSON {
        let start = position
        var isInteger = true
        if current == UInt8(ascii: "-") { position += 1 }
        guard let first = current, (0x30...0x39).contains(first) else { throw failure("expected a digit") }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if current == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard try requireDigit() else { throw failure("expected a digit after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard try requireDigit() else { throw failure("expected a digit in the exponent") }
        }
        let literal = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let value = Int(literal) { return .integer(value) }
        guard let value = Double(literal), value.isFinite else { throw failure("number out of range") }
        return .number(value)
    }

    private mutating func skipDigits() {
        while let byte = current, (0x30...0x39).contains(byte) { position += 1 }
    }

    private mutating func requireDigit() throws(JSON.ParseError) -> Bool {
        guard let byte = current, (0x30...0x39).contains(byte) else { return false }
        skipDigits()
        return true
    }

    mutating func string() throws(JSON.ParseError) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars) }
        while true {
            guard let byte = current else { throw failure("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                flush(position)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush(position)
                position += 1
                scalars.append(try escape())
                runStart = position
            case 0..<0x20:
                throw failure("control character in a string")
            default:
                position += 1
            }
        }
    }

    private mutating func escape() throws(JSON.ParseError) -> Unicode.Scalar {
        guard let byte = current else { throw failure("unterminated escape") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hexUnit()
            if (0xD800...0xDBFF).contains(unit) {
                guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                    return "\u{FFFD}"
                }
                position += 2
                let low = try hexUnit()
                guard (0xDC00...0xDFFF).contains(low) else { return "\u{FFFD}" }
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        default:
            throw failure("unknown escape")
        }
    }

    private mutating func hexUnit() throws(JSON.ParseError) -> UInt32 {
        guard bytes.count - position >= 4 else { throw failure("short \\u escape") }
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = current.flatMap({ Self.hexValue($0) }) else { throw failure("bad \\u escape") }
            unit = unit << 4 | digit
            position += 1
        }
        return unit
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }
}
