/// One lexical unit of a message: a lower-cased word, a run of digits, or a single symbol.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, symbol }

    var kind: Kind
    /// Lower-cased word, the digits as written, or the symbol character.
    var text: String
    /// The numeric value of a number token (0 for others).
    var value: Int
    /// Byte range in the original message, so the command grammar can keep the user's own words.
    var range: Range<String.Index>
    /// True when no whitespace separates this token from the previous one ("3pm", "23rd").
    var attached: Bool

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
    func isWord(_ word: String) -> Bool { kind == .word && text == word }
}

/// Splits a message into tokens by hand (no regular expressions: they are slow on Linux).
enum Tokenizer {
    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(12)
        let utf8 = text.utf8
        var index = utf8.startIndex
        var attached = false
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)

        while index != utf8.endIndex {
            let byte = utf8[index]
            if isSpace(byte) {
                attached = false
                index = utf8.index(after: index)
                continue
            }
            let start = index
            if isDigit(byte) {
                var value = 0
                buffer.removeAll(keepingCapacity: true)
                while index != utf8.endIndex, isDigit(utf8[index]) {
                    if buffer.count < 9 { value = value * 10 + Int(utf8[index] - 48) }
                    buffer.append(utf8[index])
                    index = utf8.index(after: index)
                }
                tokens.append(Token(kind: .number, text: String(decoding: buffer, as: UTF8.self), value: value,
                                    range: start..<index, attached: attached))
            } else if isWordByte(byte) {
                buffer.removeAll(keepingCapacity: true)
                defer { mergeTextSpeakDay(&tokens) }
                while index != utf8.endIndex {
                    let b = utf8[index]
                    if isLetter(b) {
                        buffer.append(b | 0x20)  // ASCII lower-case
                    } else if b >= 0x80 {
                        // A typographic apostrophe (U+2019, E2 80 99) reads as "'".
                        if b == 0xE2, isRightQuote(utf8, at: index) {
                            buffer.append(0x27)
                            index = utf8.index(index, offsetBy: 2)
                        } else {
                            buffer.append(b)
                        }
                    } else if b == 0x27, !buffer.isEmpty, nextIsLetter(utf8, after: index) {
                        buffer.append(b)
                    } else if isDigit(b), !buffer.isEmpty, !isUnitOrSuffix(buffer) {
                        buffer.append(b)  // names like "q4", "v2" stay one word; "1h30" does not
                    } else {
                        break
                    }
                    index = utf8.index(after: index)
                }
                tokens.append(Token(kind: .word, text: String(decoding: buffer, as: UTF8.self), value: 0,
                                    range: start..<index, attached: attached))
            } else {
                index = utf8.index(after: index)
                tokens.append(Token(kind: .symbol, text: String(decoding: CollectionOfOne(byte), as: UTF8.self),
                                    value: 0, range: start..<index, attached: attached))
            }
            attached = true
        }
        return tokens
    }

    /// "2moro", "2day", "2nite": a 2 written for "to" before a day word is that day word.
    private static func mergeTextSpeakDay(_ tokens: inout [Token]) {
        guard tokens.count >= 2, let word = tokens.last, word.kind == .word, word.attached, let day = textSpeakDays[word.text] else { return }
        let two = tokens[tokens.count - 2]
        guard two.kind == .number, two.text == "2" else { return }
        tokens.removeLast(2)
        tokens.append(Token(kind: .word, text: day, value: 0, range: two.range.lowerBound..<word.range.upperBound, attached: two.attached))
    }

    private static let textSpeakDays: [String: String] = [
        "moro": "tomorrow", "morro": "tomorrow", "morrow": "tomorrow", "morow": "tomorrow", "mrw": "tomorrow", "mrrw": "tomorrow",
        "day": "today", "nite": "tonight", "night": "tonight", "nyt": "tonight",
    ]

    /// Words that may sit between two numbers ("1h30", "2hrs30"), so a digit after them starts a new token.
    private static let unitAndSuffixWords: Set<String> = [
        "h", "hr", "hrs", "m", "min", "mins", "d", "w", "am", "pm", "a", "p", "st", "nd", "rd", "th", "x", "t",
    ]

    private static func isUnitOrSuffix(_ buffer: [UInt8]) -> Bool {
        guard buffer.count <= 9 else { return false }
        let word = String(decoding: buffer, as: UTF8.self)
        return buffer.count <= 4 && unitAndSuffixWords.contains(word) || Lexicon.months[word] != nil  // "feb13"
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isWordByte(_ b: UInt8) -> Bool { isLetter(b) || b >= 0x80 }

    private static func isRightQuote(_ utf8: String.UTF8View, at index: String.Index) -> Bool {
        guard let i1 = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex), i1 != utf8.endIndex,
              let i2 = utf8.index(index, offsetBy: 2, limitedBy: utf8.endIndex), i2 != utf8.endIndex else { return false }
        return utf8[i1] == 0x80 && utf8[i2] == 0x99
    }

    private static func nextIsLetter(_ utf8: String.UTF8View, after index: String.Index) -> Bool {
        let next = utf8.index(after: index)
        return next != utf8.endIndex && isLetter(utf8[next])
    }
}
